/**
 * The attendance fence rule (考勤围栏判定): whether a punch at a phone's position counts as made at an
 * attendance point, and when a punch is refused. Pure; PostGIS measures the distances
 * (db/queries/attendance-punch.ts), this file decides.
 *
 * The rule, with the numbers it uses:
 * 1. No position (the phone gave none, or location is denied) → refused. A punch without a position cannot
 *    be checked against any fence, and letting it through "outside with a reason" would make the fence optional
 *    for anyone who turns location off; a forgotten punch is what 补卡 (a correction a lead approves) is for.
 * 2. GPS accuracy worse than the rule's `max_accuracy_m` (default 200 m) → refused with the advice to retry
 *    outdoors: a 5 km fix says nothing about where the person stands.
 * 3. A position more than 5 km beyond the district's bounding box → refused: a spoofed or broken fix (or a
 *    person far from work), not a punch at a fence.
 * 4. Inside when the distance from the position to the fence is at most min(accuracy, 50 m): the fence is
 *    widened by the fix's own uncertainty, but never by more than 50 m, so a coarse fix cannot stretch a fence
 *    over the neighbourhood. For a polygon the distance is to its nearest edge (0 inside it); for a circle it is
 *    the distance to the centre minus the radius, i.e. inside when distance to centre ≤ radius + min(accuracy, 50).
 *    The fence is the nearest of those serving the person (named, or their department or any department above).
 * 5. Otherwise outside: accepted only when the person's rule allows a punch outside the fence with a reason and
 *    a reason is given (the punch is flagged `outside` for review); refused otherwise. A person no fence serves
 *    is outside every fence.
 */

/** The most a fence is widened by the GPS accuracy of a fix. */
export const ACCURACY_ALLOWANCE_CAP_M = 50;
/** How far beyond the district's bounding box a position is still taken for a punch. */
export const FAR_OUTSIDE_DISTRICT_M = 5000;

export type PunchPosition = { lon: number; lat: number; accuracyM: number };
/** The nearest fence serving the person, and the distance from the position to it (0 inside a polygon). */
export type NearestFence = { pointId: number; name: string; distanceM: number };
export type FenceRuleSettings = { maxAccuracyM: number; allowOutsideWithReason: boolean };

export type FenceRefusal =
  "no_position" | "accuracy_too_poor" | "far_outside_district" | "reason_required" | "outside_not_allowed";

export type FenceVerdict =
  | { kind: "inside"; pointId: number; distanceM: number; allowanceM: number }
  | { kind: "outside"; pointId: number | null; distanceM: number | null; allowanceM: number }
  | { kind: "refused"; reason: FenceRefusal; distanceM: number | null };

/** How far outside the drawn fence a fix of this accuracy still counts as inside: min(accuracy, 50 m). */
export function accuracyAllowanceM(accuracyM: number): number {
  return Math.min(Math.max(accuracyM, 0), ACCURACY_ALLOWANCE_CAP_M);
}

/** The distance from a position to a circular fence, from its distance to the centre (0 inside the circle). */
export function distanceToCircleM(distanceToCentreM: number, radiusM: number): number {
  return Math.max(0, distanceToCentreM - radiusM);
}

/** Whether a position `distanceM` from a fence, with this accuracy, is inside it. */
export function isInsideFence(distanceM: number, accuracyM: number): boolean {
  return distanceM <= accuracyAllowanceM(accuracyM);
}

/** The verdict on one punch (rules 1–5 above). `outsideReason` is the person's reason, blank when none. */
export function decideFenceVerdict(input: {
  position: PunchPosition | null;
  withinDistrict: boolean;
  nearest: NearestFence | null;
  rule: FenceRuleSettings;
  outsideReason: string | null;
}): FenceVerdict {
  const { position, nearest, rule } = input;
  if (!position) return { kind: "refused", reason: "no_position", distanceM: null };
  if (position.accuracyM > rule.maxAccuracyM) return { kind: "refused", reason: "accuracy_too_poor", distanceM: null };
  if (!input.withinDistrict) return { kind: "refused", reason: "far_outside_district", distanceM: nearest?.distanceM ?? null };
  const allowanceM = accuracyAllowanceM(position.accuracyM);
  if (nearest && isInsideFence(nearest.distanceM, position.accuracyM))
    return { kind: "inside", pointId: nearest.pointId, distanceM: nearest.distanceM, allowanceM };
  const distanceM = nearest?.distanceM ?? null;
  if (!rule.allowOutsideWithReason) return { kind: "refused", reason: "outside_not_allowed", distanceM };
  if (!input.outsideReason?.trim()) return { kind: "refused", reason: "reason_required", distanceM };
  return { kind: "outside", pointId: nearest?.pointId ?? null, distanceM, allowanceM };
}
