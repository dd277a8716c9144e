import { describe, expect, it } from "vitest";
import { CASES_PER_HOUSEHOLD_YEAR, CASES_PER_SHOP_AS_HOUSEHOLDS, gridWeight, shortAddress } from "./cases-compose";
import type { BuildingRow, GridRow } from "./cases-context";

const grid = (overrides: Partial<GridRow> = {}): GridRow => ({
  id: 1,
  code: "g",
  name: "第1网格",
  path: "1.2",
  districtCode: "110112",
  households: 400,
  residents: 1000,
  floating: 150,
  communityId: 2,
  communityName: "中仓社区",
  communityKind: "urban",
  xiaoquName: "悟仙观小区",
  streetId: 3,
  streetName: "中仓街道",
  streetKind: "street",
  polygon: [],
  inside: [0, 0],
  ...overrides,
});
const building = (floors: number): BuildingRow => ({
  gridId: 1,
  name: "1号楼",
  address: "",
  floors,
  rooms: floors * 8,
  lon: 0,
  lat: 0,
});

describe("gridWeight (hotspots)", () => {
  it("is households × floating factor for a modern estate, more for an old one, plus the shops", () => {
    // Floating share 0.15 → factor 1.0.
    expect(gridWeight(grid(), [building(18), building(18)], 0, false)).toBeCloseTo(400);
    // All walk-ups (≤ 6 floors): ×1.8.
    expect(gridWeight(grid(), [building(6), building(5)], 0, false)).toBeCloseTo(720);
    expect(gridWeight(grid(), [building(18)], 10, false)).toBeCloseTo(400 + 10 * CASES_PER_SHOP_AS_HOUSEHOLDS);
  });

  it("weighs villages in transition: of a street office ×1.7, of a town with urban communities ×1.3", () => {
    const village = grid({ communityKind: "village" });
    expect(gridWeight(village, [], 0, true)).toBeCloseTo(680);
    expect(gridWeight({ ...village, streetKind: "town" }, [], 0, true)).toBeCloseTo(520);
    expect(gridWeight({ ...village, streetKind: "town" }, [], 0, false)).toBeCloseTo(400);
  });

  it("gives an empty grid no cases, whatever its shops", () => {
    expect(gridWeight(grid({ households: 0 }), [], 5, false)).toBe(0);
  });

  it("makes about a million cases a year for Tongzhou's ~791 thousand households", () => {
    expect(Math.round(791_320 * CASES_PER_HOUSEHOLD_YEAR)).toBeGreaterThan(990_000);
    expect(Math.round(791_320 * CASES_PER_HOUSEHOLD_YEAR)).toBeLessThan(1_010_000);
  });
});

describe("shortAddress", () => {
  it("drops the district and street from a building's address", () => {
    expect(shortAddress("通州区中仓街道悟仙观小区3号楼", "通州区", "中仓街道")).toBe("悟仙观小区3号楼");
    expect(shortAddress("通州区漷县镇中辛庄村12号", "通州区", "漷县镇")).toBe("中辛庄村12号");
    expect(shortAddress("别处", "通州区", "中仓街道")).toBe("别处");
  });
});
