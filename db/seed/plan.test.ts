import { describe, expect, it } from "vitest";
import { readDivisions } from "./divisions";
import { DEFAULT_DIVISIONS_CSV, populatedCommunities } from "./index";
import { planDistrict, splitHouseholds } from "./plan";
import { rngFor } from "./random";

const divisions = readDivisions(DEFAULT_DIVISIONS_CSV);

describe("district plan (full scale)", () => {
  const plan = planDistrict(divisions, 1);
  const communities = plan.streets.flatMap((s) => s.communities);

  it("calibrates Tongzhou to ~780 thousand households and ~1,800 basic grids", () => {
    const households = communities.reduce((a, c) => a + c.households, 0);
    const grids = communities.reduce((a, c) => a + c.gridHouseholds.length, 0);
    expect(households).toBeGreaterThan(740_000);
    expect(households).toBeLessThan(820_000);
    expect(grids).toBeGreaterThan(1_650);
    expect(grids).toBeLessThan(1_950);
    expect(plan.areaKm2).toBe(906);
  });

  it("sizes communities and grids as the domain says", () => {
    for (const c of communities) {
      expect(c.gridHouseholds.reduce((a, b) => a + b, 0)).toBe(c.households);
      if (c.kind === "urban") {
        expect(c.households).toBeGreaterThanOrEqual(1500);
        expect(c.households).toBeLessThanOrEqual(4500);
        for (const h of c.gridHouseholds) {
          expect(h).toBeGreaterThanOrEqual(300);
          expect(h).toBeLessThanOrEqual(600);
        }
      } else {
        expect(c.households).toBeGreaterThanOrEqual(250);
        expect(c.households).toBeLessThanOrEqual(1500);
        for (const h of c.gridHouseholds) expect(h).toBeLessThanOrEqual(600);
      }
    }
    const villageGrids = communities.filter((c) => c.kind === "village").flatMap((c) => c.gridHouseholds);
    const mean = villageGrids.reduce((a, b) => a + b, 0) / villageGrids.length;
    expect(mean).toBeGreaterThan(330);
    expect(mean).toBeLessThan(450);
  });

  it("gives street offices less land than towns, and urban communities less than villages", () => {
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(avg(plan.streets.filter((s) => s.kind === "street").map((s) => s.areaKm2))).toBeLessThan(
      avg(plan.streets.filter((s) => s.kind !== "street").map((s) => s.areaKm2)) / 4,
    );
    expect(avg(communities.filter((c) => c.kind === "urban").map((c) => c.areaKm2))).toBeLessThan(
      avg(communities.filter((c) => c.kind === "village").map((c) => c.areaKm2)),
    );
  });

  it("is deterministic and depends on the seed", () => {
    expect(planDistrict(divisions, 1)).toEqual(plan);
    expect(planDistrict(divisions, 2).streets[0].communities[0].households).not.toBe(plan.streets[0].communities[0].households);
  });
});

describe("populated communities by scale", () => {
  const plan = planDistrict(divisions, 1);

  it("small: the first street office and the first town with both kinds, at most 8 communities each", () => {
    const chosen = [...populatedCommunities(plan, "small")];
    const streets = new Set(chosen.map((c) => c.slice(0, 9)));
    expect([...streets]).toEqual(["110112001", "110112106"]);
    expect(chosen.filter((c) => c.startsWith("110112001"))).toHaveLength(8);
    const town = plan.streets.find((s) => s.code === "110112106")!.communities.filter((c) => chosen.includes(c.code));
    expect(town).toHaveLength(8);
    expect(town.filter((c) => c.kind === "urban").length).toBeGreaterThan(0);
    expect(town.filter((c) => c.kind === "village").length).toBeGreaterThan(0);
  });

  it("medium and full: every community; --streets: the streets named", () => {
    expect(populatedCommunities(plan, "medium").size).toBe(656);
    expect(populatedCommunities(plan, "full").size).toBe(656);
    expect(populatedCommunities(plan, "full", ["110112002"]).size).toBe(9);
    expect(() => populatedCommunities(plan, "full", ["110112999"])).toThrow(/unknown street code 110112999/);
  });
});

describe("splitHouseholds", () => {
  it("keeps the total and the bounds", () => {
    const rng = rngFor(1, "split");
    for (let i = 0; i < 200; i++) {
      const total = rng.int(1500, 4500);
      const parts = Math.round(total / 450);
      const out = splitHouseholds(total, parts, rng, 300, 600);
      expect(out.reduce((a, b) => a + b, 0)).toBe(total);
      for (const x of out) {
        expect(x).toBeGreaterThanOrEqual(300);
        expect(x).toBeLessThanOrEqual(600);
      }
    }
  });
});
