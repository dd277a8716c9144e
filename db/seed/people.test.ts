import { describe, expect, it } from "vitest";
import { makeIdNumber, validateIdNumber } from "../../lib/pii/id-number";
import { createIdSequencer, draftHousehold, pyramidAge, REFERENCE_DATE, type HouseholdDraft } from "./people";
import { rngFor } from "./random";

function sample(village: boolean, n: number): HouseholdDraft[] {
  const rng = rngFor(1, village ? "village" : "urban", "people-test");
  return Array.from({ length: n }, () =>
    draftHousehold(rng, {
      village,
      registration: rng.chance(0.25) ? "floating" : "registered",
      collective: rng.chance(0.02),
      place: "北京",
    }),
  );
}

const urban = sample(false, 20_000);
const villages = sample(true, 20_000);
const everyone = [...urban, ...villages].flatMap((h) => h.members);

describe("households", () => {
  it("have 1–6 members, mean ~2.2 in urban communities and ~2.6 in villages (about 2.3 overall)", () => {
    for (const h of [...urban, ...villages]) {
      expect(h.members.length).toBeGreaterThanOrEqual(1);
      expect(h.members.length).toBeLessThanOrEqual(6);
    }
    const mean = (hs: HouseholdDraft[]) => hs.reduce((a, h) => a + h.members.length, 0) / hs.length;
    expect(mean(urban)).toBeGreaterThan(2.1);
    expect(mean(urban)).toBeLessThan(2.35);
    expect(mean(villages)).toBeGreaterThan(2.5);
    expect(mean(villages)).toBeLessThan(2.75);
    // One- and two-person households are the most common (Beijing 2020).
    const share = (k: number) => urban.filter((h) => h.members.length === k).length / urban.length;
    expect(share(2)).toBeGreaterThan(share(3));
    expect(share(1)).toBeGreaterThan(0.25);
    expect(share(6)).toBeLessThan(0.05);
  });

  it("have exactly one head, first; spouses are of the other sex", () => {
    for (const h of urban.slice(0, 5000)) {
      expect(h.members[0].relation).toBe("head");
      expect(h.members.filter((m) => m.relation === "head")).toHaveLength(1);
      const spouse = h.members.find((m) => m.relation === "spouse");
      if (spouse) expect(spouse.gender).not.toBe(h.members[0].gender);
    }
  });

  it("keep ages consistent: children younger than the head, parents older", () => {
    for (const h of [...urban, ...villages].slice(0, 10_000)) {
      const head = h.members[0];
      for (const m of h.members) {
        if (m.relation === "child") expect(m.age).toBeLessThan(head.age);
        if (m.relation === "parent") expect(m.age).toBeGreaterThan(head.age);
        if (m.relation === "head") expect(m.age).toBeGreaterThanOrEqual(18);
      }
    }
  });
});

describe("population shape", () => {
  it("has a believable age pyramid (Beijing-like: few children, many elderly)", () => {
    const share = (lo: number, hi: number) => everyone.filter((m) => m.age >= lo && m.age <= hi).length / everyone.length;
    expect(share(0, 14)).toBeGreaterThan(0.08);
    expect(share(0, 14)).toBeLessThan(0.2);
    expect(share(15, 59)).toBeGreaterThan(0.55);
    expect(share(15, 59)).toBeLessThan(0.78);
    expect(share(60, 120)).toBeGreaterThan(0.12);
    expect(share(60, 120)).toBeLessThan(0.28);
    expect(share(100, 200)).toBe(0);
  });

  it("has a sex ratio near 105", () => {
    const men = everyone.filter((m) => m.gender === "M").length;
    const ratio = (100 * men) / (everyone.length - men);
    expect(ratio).toBeGreaterThan(100);
    expect(ratio).toBeLessThan(110);
  });

  it("keeps special groups small and key persons rare", () => {
    const share = (tag: string) => everyone.filter((m) => m.tags.includes(tag)).length / everyone.length;
    expect(share("低保户")).toBeGreaterThan(0.002);
    expect(share("低保户")).toBeLessThan(0.03);
    expect(share("残疾人")).toBeLessThan(0.03);
    expect(share("空巢老人")).toBeGreaterThan(0.015);
    expect(share("空巢老人")).toBeLessThan(0.08);
    expect(share("矫正对象")).toBeLessThan(0.001);
    const keyShare = everyone.filter((m) => m.keyPerson).length / everyone.length;
    expect(keyShare).toBeGreaterThan(0.0002);
    expect(keyShare).toBeLessThan(0.003);
    // 空巢老人 only for the elderly living alone, and every one of them.
    for (const h of urban) {
      const alone = h.members.length === 1 && h.members[0].age >= 60 && h.type === "family";
      expect(h.members.some((m) => m.tags.includes("空巢老人"))).toBe(alone);
    }
  });

  it("gives real birth dates on or before the reference date, and phones with valid prefixes", () => {
    const ref = new Date(REFERENCE_DATE).toISOString().slice(0, 10);
    for (const m of everyone.slice(0, 20_000)) {
      expect(m.birthDate <= ref).toBe(true);
      expect(Number.isNaN(Date.parse(m.birthDate))).toBe(false);
      if (m.phone) expect(m.phone).toMatch(/^1(3\d|5[0-35-9]|66|7[678]|8\d|9[89])\d{8}$/);
    }
  });

  it("draws ages from the census pyramid inside the bounds asked for", () => {
    const rng = rngFor(5, "ages");
    for (let i = 0; i < 2000; i++) {
      const a = pyramidAge(rng, 22, 60);
      expect(a).toBeGreaterThanOrEqual(22);
      expect(a).toBeLessThanOrEqual(60);
    }
  });
});

describe("identity numbers", () => {
  it("are valid and unique for a large population, with the district's address code", () => {
    const next = createIdSequencer();
    const seen = new Set<string>();
    const today = new Date("2026-01-01T00:00:00Z");
    // Many people born on the same few days: the sequence codes run out and dates move on.
    for (let i = 0; i < 3000; i++) {
      const gender = i % 2 ? "M" : "F";
      const { birthDate, ordinal } = next(i % 3 ? "1985-06-15" : "1990-01-01", gender);
      const id = makeIdNumber({ addressCode: "110112", birthDate, ordinal, gender });
      expect(validateIdNumber(id, today)).toMatchObject({ valid: true, addressCode: "110112", gender, birthDate });
      seen.add(id);
    }
    expect(seen.size).toBe(3000);
    for (const m of everyone.slice(0, 50_000)) {
      const { birthDate, ordinal } = next(m.birthDate, m.gender);
      const id = makeIdNumber({ addressCode: "110112", birthDate, ordinal, gender: m.gender });
      expect(seen.has(id)).toBe(false);
      seen.add(id);
    }
  });
});
