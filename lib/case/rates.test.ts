import { describe, expect, it } from "vitest";
import type { CaseState } from "./case-states";
import { countForRates, DEFAULT_RATE_FORMULA, rateFormulaOf, RateFormulaSchema, ratesOf } from "./rates";

/** Ten cases reported in one month, as a worked example of the default formulas. */
const MONTH: { state: CaseState; satisfaction: string | null }[] = [
  { state: "reported", satisfaction: null }, //       not yet responded
  { state: "cancelled", satisfaction: null }, //      refused: not responded, left out of the resolution rate
  { state: "filed", satisfaction: null }, //          responded
  { state: "dispatched", satisfaction: null }, //     responded
  { state: "handled", satisfaction: null }, //        responded
  { state: "closed", satisfaction: null }, //         responded, resolved, not yet visited
  { state: "evaluated", satisfaction: "very_satisfied" }, // responded, resolved, satisfied
  { state: "evaluated", satisfaction: "fairly_satisfied" }, // responded, resolved, satisfied (基本满意 counts)
  { state: "evaluated", satisfaction: "dissatisfied" }, // responded, resolved, rated but not satisfied
  { state: "evaluated", satisfaction: "no_opinion" }, // responded, resolved, not rated (未表态)
];

describe("the three rates, default formulas", () => {
  it("worked example: 8/10 responded, 5/9 resolved, 2/3 satisfied", () => {
    const counts = countForRates(MONTH, DEFAULT_RATE_FORMULA);
    expect(counts).toEqual({ reported: 10, counted: 9, responded: 8, resolved: 5, rated: 3, satisfied: 2 });
    const rates = ratesOf(counts);
    expect(rates.response).toBe(0.8);
    expect(rates.resolution).toBeCloseTo(5 / 9, 12);
    expect(rates.satisfaction).toBeCloseTo(2 / 3, 12);
  });

  it("nothing to divide by gives null, not 0% or 100%", () => {
    expect(ratesOf(countForRates([], DEFAULT_RATE_FORMULA))).toEqual({ response: null, resolution: null, satisfaction: null });
    // Only a cancelled case: responded 0/1, resolution has no denominator, nobody rated.
    expect(ratesOf(countForRates([{ state: "cancelled", satisfaction: null }], DEFAULT_RATE_FORMULA))).toEqual({
      response: 0,
      resolution: null,
      satisfaction: null,
    });
  });

  it("a configured formula changes the counts: satisfaction counting only 非常满意 and 满意, 挂账 not a response", () => {
    const strict = rateFormulaOf({
      ...DEFAULT_RATE_FORMULA,
      responseStates: DEFAULT_RATE_FORMULA.responseStates.filter((s) => s !== "suspended"),
      satisfiedLevels: ["very_satisfied", "satisfied"],
    });
    const counts = countForRates([...MONTH, { state: "suspended", satisfaction: null }], strict);
    expect(counts).toMatchObject({ reported: 11, counted: 10, responded: 8, satisfied: 1, rated: 3 });
    expect(ratesOf(counts).satisfaction).toBeCloseTo(1 / 3, 12);
  });
});

describe("RateFormulaSchema", () => {
  it("accepts the seeded setting (without excludedStates: defaulted to cancelled)", () => {
    const seeded = {
      responseStates: [
        "filed",
        "dispatched",
        "acknowledged",
        "returned",
        "handled",
        "reported_back",
        "verifying",
        "closed",
        "evaluated",
        "suspended",
      ],
      resolvedStates: ["closed", "evaluated"],
      satisfiedLevels: ["very_satisfied", "satisfied", "fairly_satisfied"],
      ratedLevels: ["very_satisfied", "satisfied", "fairly_satisfied", "dissatisfied", "very_dissatisfied"],
    };
    expect(RateFormulaSchema.parse(seeded)).toEqual(DEFAULT_RATE_FORMULA);
  });

  it("refuses unknown states, empty lists, satisfied levels that are not rated, resolved states that are excluded", () => {
    const bad = (patch: object) => RateFormulaSchema.safeParse({ ...DEFAULT_RATE_FORMULA, ...patch }).error?.issues[0].message;
    expect(bad({ responseStates: ["lost"] })).toBe("请至少选择一个状态，且只能选择已有的案件状态。");
    expect(bad({ resolvedStates: [] })).toBe("请至少选择一个状态，且只能选择已有的案件状态。");
    expect(bad({ ratedLevels: ["very_satisfied"] })).toBe("计为“满意”的等级必须同时计为“已表态”，否则满意率可能超过 100%。");
    expect(bad({ excludedStates: ["cancelled", "closed"] })).toBe("计为“办结”的状态不能同时被排除在统计之外。");
  });

  it("a broken stored value falls back to the defaults", () => {
    expect(rateFormulaOf(null)).toEqual(DEFAULT_RATE_FORMULA);
    expect(rateFormulaOf({ responseStates: "filed" })).toEqual(DEFAULT_RATE_FORMULA);
  });
});
