import { describe, expect, it } from "vitest";
import { accuracyAllowanceM, decideFenceVerdict, distanceToCircleM, isInsideFence } from "./fence-verdict";

const rule = { maxAccuracyM: 200, allowOutsideWithReason: true };
const at = (accuracyM: number) => ({ lon: 116.4, lat: 39.9, accuracyM });
const fence = (distanceM: number) => ({ pointId: 7, name: "社区服务站", distanceM });
const verdict = (accuracyM: number, distanceM: number | null, extra: Partial<Parameters<typeof decideFenceVerdict>[0]> = {}) =>
  decideFenceVerdict({
    position: at(accuracyM),
    withinDistrict: true,
    nearest: distanceM === null ? null : fence(distanceM),
    rule,
    outsideReason: null,
    ...extra,
  });

describe("accuracy allowance: min(accuracy, 50 m)", () => {
  it("is the accuracy up to 50 m and 50 m beyond", () => {
    expect(accuracyAllowanceM(0)).toBe(0);
    expect(accuracyAllowanceM(12)).toBe(12);
    expect(accuracyAllowanceM(50)).toBe(50);
    expect(accuracyAllowanceM(51)).toBe(50);
    expect(accuracyAllowanceM(180)).toBe(50);
  });
});

describe("a circle: inside when distance to centre ≤ radius + min(accuracy, 50)", () => {
  // radius 100 m, fix accurate to 30 m: the edge is 130 m from the centre
  it("inside well within the radius", () => {
    expect(isInsideFence(distanceToCircleM(40, 100), 30)).toBe(true);
  });
  it("inside exactly at radius + accuracy (130 m)", () => {
    expect(distanceToCircleM(130, 100)).toBe(30);
    expect(isInsideFence(distanceToCircleM(130, 100), 30)).toBe(true);
  });
  it("outside 10 cm beyond it (130.1 m)", () => {
    expect(isInsideFence(distanceToCircleM(130.1, 100), 30)).toBe(false);
  });
  it("a 120 m fix widens the circle by 50 m only: 150 m in, 150.5 m out", () => {
    expect(isInsideFence(distanceToCircleM(150, 100), 120)).toBe(true);
    expect(isInsideFence(distanceToCircleM(150.5, 100), 120)).toBe(false);
  });
});

describe("a polygon: inside when the distance to its nearest edge ≤ min(accuracy, 50)", () => {
  it("a point inside the polygon (distance 0) is inside even with a perfect fix", () => {
    expect(verdict(0, 0)).toEqual({ kind: "inside", pointId: 7, distanceM: 0, allowanceM: 0 });
  });
  it("exactly at the widened edge (distance = accuracy = 20 m) is inside", () => {
    expect(verdict(20, 20)).toEqual({ kind: "inside", pointId: 7, distanceM: 20, allowanceM: 20 });
  });
  it("one metre beyond it is outside, accepted with a reason and flagged", () => {
    expect(verdict(20, 21, { outsideReason: "入户走访" })).toEqual({
      kind: "outside",
      pointId: 7,
      distanceM: 21,
      allowanceM: 20,
    });
  });
  it("accuracy capped: a 90 m fix 50 m away is inside, 51 m away is outside", () => {
    expect(verdict(90, 50).kind).toBe("inside");
    expect(verdict(90, 51).kind).toBe("refused");
  });
});

describe("refusals", () => {
  it("no position is refused, whatever the rule allows", () => {
    expect(decideFenceVerdict({ position: null, withinDistrict: true, nearest: fence(0), rule, outsideReason: "原因" })).toEqual({
      kind: "refused",
      reason: "no_position",
      distanceM: null,
    });
  });
  it("accuracy worse than the rule's limit is refused (200 m passes, 200.5 m and 5 km do not)", () => {
    expect(verdict(200, 0).kind).toBe("inside");
    expect(verdict(200.5, 0)).toEqual({ kind: "refused", reason: "accuracy_too_poor", distanceM: null });
    expect(verdict(5000, 0)).toEqual({ kind: "refused", reason: "accuracy_too_poor", distanceM: null });
  });
  it("a position far outside the district is refused even with a reason", () => {
    expect(verdict(10, 30000, { withinDistrict: false, outsideReason: "出差" })).toEqual({
      kind: "refused",
      reason: "far_outside_district",
      distanceM: 30000,
    });
  });
  it("outside without a reason asks for one; a blank reason is no reason", () => {
    expect(verdict(10, 300)).toEqual({ kind: "refused", reason: "reason_required", distanceM: 300 });
    expect(verdict(10, 300, { outsideReason: "   " }).kind).toBe("refused");
  });
  it("outside where the rule does not allow it is refused even with a reason", () => {
    expect(verdict(10, 300, { rule: { ...rule, allowOutsideWithReason: false }, outsideReason: "入户走访" })).toEqual({
      kind: "refused",
      reason: "outside_not_allowed",
      distanceM: 300,
    });
  });
  it("no fence serving the person is outside: accepted with a reason, without a fence", () => {
    expect(verdict(10, null, { outsideReason: "新到岗，未配置考勤点" })).toEqual({
      kind: "outside",
      pointId: null,
      distanceM: null,
      allowanceM: 10,
    });
  });
});
