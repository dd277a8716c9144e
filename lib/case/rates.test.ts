import { describe, expect, it } from "vitest";
import type { CaseState } from "./case-states";
import {
  acknowledgementOf,
  countForRates,
  DEFAULT_RATE_FORMULA,
  rateFormulaOf,
  RateFormulaSchema,
  ratesOf,
  type RateCase,
} from "./rates";

const at = (s: string) => new Date(`${s}+08:00`);
const NOW = at("2026-04-10T10:00:00");

/** A case as the rates read it; `ack` = [limit, acknowledged at] (Beijing times). */
function rc(
  state: CaseState,
  o: { sat?: string; res?: string; ack?: [string | null, string | null]; merged?: boolean } = {},
): RateCase {
  return {
    state,
    satisfaction: o.sat ?? null,
    resolution: o.res ?? null,
    mergedIntoId: o.merged ? 1 : null,
    acknowledgeDeadlineAt: o.ack?.[0] ? at(o.ack[0]) : null,
    acknowledgedAt: o.ack?.[1] ? at(o.ack[1]) : null,
  };
}

const LIMIT = "2026-03-04T11:00:00";
const IN_TIME: [string, string] = [LIMIT, "2026-03-04T10:30:00"];

/** Thirteen cases reported in one month, counted on 10 April: a worked example of every rate. */
const MONTH: RateCase[] = [
  rc("reported"), //                                                  never dispatched: no order due
  rc("cancelled", { ack: [LIMIT, null] }), //                         cancelled: left out of 响应率 (and of 办结率)
  rc("cancelled", { ack: [LIMIT, null], merged: true }), //           merged duplicate: left out
  rc("dispatched", { ack: [LIMIT, null] }), //                        limit passed, not signed: due, late
  rc("dispatched", { ack: ["2026-04-10T12:00:00", null] }), //        limit still running: not yet due
  rc("acknowledged", { ack: IN_TIME }), //                            due, in time
  rc("handled", { ack: [LIMIT, LIMIT] }), //                          signed on the limit itself: in time
  rc("closed", { ack: [LIMIT, "2026-03-04T12:00:00"] }), //           signed an hour late: due, late
  rc("evaluated", { ack: IN_TIME, sat: "very_satisfied", res: "resolved" }),
  rc("evaluated", { ack: IN_TIME, sat: "fairly_satisfied", res: "resolved" }), // 基本满意 counts 0.8
  rc("evaluated", { ack: IN_TIME, sat: "dissatisfied", res: "unresolved" }),
  rc("evaluated", { ack: IN_TIME, sat: "no_opinion", res: "no_opinion" }), //    未表态: in neither rate
  rc("returned"), //                                                  sent back within its limit: nothing due
];

describe("the rates, default formula", () => {
  it("worked example: 响应率 6/8, 解决率 2/3, 满意率 1.8/3, 办结率 5/11", () => {
    const counts = countForRates(MONTH, DEFAULT_RATE_FORMULA, NOW);
    expect(counts).toEqual({
      reported: 13,
      due: 8,
      acknowledgedInTime: 6,
      answered: 3,
      resolved: 2,
      rated: 3,
      satisfied: 1.8,
      counted: 11,
      closed: 5,
    });
    const rates = ratesOf(counts);
    expect(rates.response).toBe(0.75);
    expect(rates.resolution).toBeCloseTo(2 / 3, 12);
    expect(rates.satisfaction).toBeCloseTo(0.6, 12);
    expect(rates.completion).toBeCloseTo(5 / 11, 12);
  });

  it("an order becomes due when its limit passes, and counts as late if it was not signed by then", () => {
    const open = rc("dispatched", { ack: ["2026-04-10T12:00:00", null] });
    expect(acknowledgementOf(open, NOW)).toEqual({ due: false, inTime: false });
    expect(acknowledgementOf(open, at("2026-04-10T12:00:00"))).toEqual({ due: false, inTime: false });
    expect(acknowledgementOf(open, at("2026-04-10T12:00:01"))).toEqual({ due: true, inTime: false });
    // Signed before the limit passes: due at once, and in time.
    const signed = rc("acknowledged", { ack: ["2026-04-10T12:00:00", "2026-04-10T09:00:00"] });
    expect(acknowledgementOf(signed, NOW)).toEqual({ due: true, inTime: true });
  });

  it("nothing to divide by gives null, not 0% or 100%", () => {
    expect(ratesOf(countForRates([], DEFAULT_RATE_FORMULA, NOW))).toEqual({
      response: null,
      resolution: null,
      satisfaction: null,
      completion: null,
    });
    // Only a cancelled case: nothing due, nothing answered or rated, nothing to close.
    expect(ratesOf(countForRates([rc("cancelled", { ack: [LIMIT, null] })], DEFAULT_RATE_FORMULA, NOW))).toEqual({
      response: null,
      resolution: null,
      satisfaction: null,
      completion: null,
    });
  });

  it("the weight of 基本满意 is a setting: 1 counts it fully, 0 not at all", () => {
    const full = countForRates(MONTH, rateFormulaOf({ ...DEFAULT_RATE_FORMULA, fairlyWeight: 1 }), NOW);
    expect(ratesOf(full).satisfaction).toBeCloseTo(2 / 3, 12);
    const none = countForRates(MONTH, rateFormulaOf({ ...DEFAULT_RATE_FORMULA, fairlyWeight: 0 }), NOW);
    expect(ratesOf(none).satisfaction).toBeCloseTo(1 / 3, 12);
  });

  it("a configured formula changes the counts: satisfaction counting only 非常满意 and 满意", () => {
    const strict = rateFormulaOf({ ...DEFAULT_RATE_FORMULA, satisfiedLevels: ["very_satisfied", "satisfied"] });
    const counts = countForRates(MONTH, strict, NOW);
    expect(counts).toMatchObject({ satisfied: 1, rated: 3 });
    expect(ratesOf(counts).satisfaction).toBeCloseTo(1 / 3, 12);
  });
});

describe("RateFormulaSchema", () => {
  it("accepts the stored setting (without excludedStates and fairlyWeight: defaulted to cancelled and 0.8)", () => {
    const stored = {
      closedStates: ["closed", "evaluated"],
      satisfiedLevels: ["very_satisfied", "satisfied", "fairly_satisfied"],
      ratedLevels: ["very_satisfied", "satisfied", "fairly_satisfied", "dissatisfied", "very_dissatisfied"],
      // the former response-state list is dropped
      responseStates: ["filed"],
    };
    expect(RateFormulaSchema.parse(stored)).toEqual(DEFAULT_RATE_FORMULA);
  });

  it("refuses unknown states, empty lists, satisfied levels that are not rated, closed states that are excluded, a weight outside 0..1", () => {
    const bad = (patch: object) => RateFormulaSchema.safeParse({ ...DEFAULT_RATE_FORMULA, ...patch }).error?.issues[0].message;
    expect(bad({ closedStates: ["lost"] })).toBe("请至少选择一个状态，且只能选择已有的案件状态。");
    expect(bad({ closedStates: [] })).toBe("请至少选择一个状态，且只能选择已有的案件状态。");
    expect(bad({ ratedLevels: ["very_satisfied"] })).toBe("计为“满意”的等级必须同时计为“已表态”，否则满意率可能超过 100%。");
    expect(bad({ excludedStates: ["cancelled", "closed"] })).toBe("计为“办结”的状态不能同时被排除在统计之外。");
    const weight = "“基本满意”的权重必须是 0 到 1 之间的数（如 0.8）。";
    expect(bad({ fairlyWeight: 1.2 })).toBe(weight);
    expect(bad({ fairlyWeight: -0.1 })).toBe(weight);
    expect(bad({ fairlyWeight: "0.8" })).toBe(weight);
    expect(bad({ fairlyWeight: null })).toBe(weight);
    expect(bad({ fairlyWeight: 0 })).toBeUndefined();
    expect(bad({ fairlyWeight: 1 })).toBeUndefined();
  });

  it("a broken stored value falls back to the defaults", () => {
    expect(rateFormulaOf(null)).toEqual(DEFAULT_RATE_FORMULA);
    expect(rateFormulaOf({ closedStates: "closed" })).toEqual(DEFAULT_RATE_FORMULA);
  });
});
