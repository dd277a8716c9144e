import { describe, expect, it } from "vitest";
import type { CaseSummaryDto } from "./case-dto";
import { beijingDateTime, beijingWallDate, caseFeature, EXPORT_COLUMNS, exportCells } from "./export-cases-format";

const sample: CaseSummaryDto = {
  id: 7,
  number: "SJ202611230000042",
  state: "dispatched",
  level: "community",
  light: "yellow",
  source: "hotline",
  kind: "management",
  urgency: "urgent",
  categoryId: 3,
  categoryName: "暴露垃圾",
  description: "住户王某反映楼下垃圾堆放，联系电话 13812345678，身份证 110105194912310021",
  address: "悟仙观路 12 号（电话 139-1234-5678）",
  lon: 116.6571234567,
  lat: 39.9012345678,
  gridId: 11,
  gridName: "悟仙观社区第1网格",
  leadUnitName: "区城市管理委员会（城管）",
  reportedAt: "2026-11-23T06:05:00.000Z",
  deadlineAt: "2026-11-24T06:05:00.000Z",
  closedAt: null,
};

describe("times", () => {
  it("are written on the Beijing clock", () => {
    expect(beijingDateTime("2026-11-23T16:30:00.000Z")).toBe("2026-11-24 00:30:00");
    expect(beijingDateTime(null)).toBeNull();
    expect(beijingWallDate("2026-11-23T06:05:00.000Z")?.toISOString()).toBe("2026-11-23T14:05:00.000Z");
  });
});

describe("exportCells", () => {
  it("one cell per column, Chinese names, phones masked, coordinates to 6 decimals", () => {
    const cells = exportCells(sample, beijingDateTime);
    expect(cells).toHaveLength(EXPORT_COLUMNS.length);
    const byKey = Object.fromEntries(EXPORT_COLUMNS.map((c, i) => [c.key, cells[i]]));
    expect(byKey).toMatchObject({
      number: "SJ202611230000042",
      reportedAt: "2026-11-23 14:05:00",
      source: "12345 热线",
      kind: "管理类",
      state: "已派遣",
      light: "临期",
      urgency: "紧急",
      level: "社区",
      lon: 116.657123,
      lat: 39.901235,
      closedAt: null,
    });
    // The export masks identity numbers as well as phones (it used to show the identity number in clear).
    expect(byKey.description).toBe("住户王某反映楼下垃圾堆放，联系电话 138****5678，身份证 110105********0021");
    expect(byKey.address).toBe("悟仙观路 12 号（电话 139****5678）");
  });

  it("a closed case shows no light", () => {
    const cells = exportCells(
      { ...sample, state: "closed", light: "red", closedAt: "2026-11-24T01:00:00.000Z" },
      beijingDateTime,
    );
    expect(cells[EXPORT_COLUMNS.findIndex((c) => c.key === "light")]).toBeNull();
  });
});

describe("caseFeature", () => {
  it("is a GeoJSON point without free text or reporter", () => {
    const f = caseFeature(sample);
    expect(f.geometry).toEqual({ type: "Point", coordinates: [116.657123, 39.901235] });
    for (const key of ["description", "address", "reporterName", "reporterPhone", "reporterPhoneMasked"])
      expect(f.properties).not.toHaveProperty(key);
    expect(JSON.stringify(f)).not.toContain("王某");
    expect(f.properties).toMatchObject({
      number: sample.number,
      state: "dispatched",
      stateName: "已派遣",
      light: "yellow",
      category: "暴露垃圾",
    });
  });
});
