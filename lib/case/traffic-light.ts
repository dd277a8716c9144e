import { clockOf, minutesBetween, type LimitUnit, type WorkingCalendar } from "./working-calendar";

/** The light on an open case: green on time, yellow close to the limit, red overdue (红灯预警). */
export const LIGHTS = ["green", "yellow", "red"] as const;
export type Light = (typeof LIGHTS)[number];

export const DEFAULT_YELLOW_SHARE = 0.8;

export type LightInput = {
  /** When the limit started (the case entered the stage). */
  start: Date;
  /** The stage's deadline, from `deadlineFor`/`addLimit`. */
  deadline: Date;
  now: Date;
  cal: WorkingCalendar;
  /** The limit's unit: it decides the clock the share is measured on (natural or working time). */
  unit: LimitUnit;
  /** Share of the limit used from which the light turns yellow, 0 < share ≤ 1; default 0.8. */
  yellowShare?: number;
};

/**
 * The light at `now`. Boundaries, chosen so that a case is never red while it is still on time:
 * - red only when now is strictly after the deadline; at exactly the deadline the case is yellow.
 * - yellow when the share used, measured on the limit's own clock, is ≥ yellowShare (exactly 80% is
 *   yellow), compared to the millisecond; else green.
 * - On a working clock the share stands still outside working hours: a 2-working-hour limit from Friday
 *   16:00 has used 50% all weekend. Past the deadline instant it is red even outside working hours
 *   (a deadline at 17:00 is red at 17:01).
 * - A limit of zero length is yellow until its deadline passes (nothing left to use).
 */
export function lightOf({ start, deadline, now, cal, unit, yellowShare = DEFAULT_YELLOW_SHARE }: LightInput): Light {
  if (!(yellowShare > 0 && yellowShare <= 1)) throw new RangeError(`yellowShare must be in (0, 1], got ${yellowShare}`);
  if (now.getTime() > deadline.getTime()) return "red";
  const clock = clockOf(unit);
  // Whole milliseconds on both sides, so 0.8 × total cannot miss an exact 80% by a rounding error.
  const totalMs = Math.round(minutesBetween(start, deadline, clock, cal) * 60_000);
  if (totalMs <= 0) return "yellow";
  const usedMs = Math.round(minutesBetween(start, now, clock, cal) * 60_000);
  const thresholdMs = Math.ceil(totalMs * yellowShare - 1e-6);
  return usedMs >= thresholdMs ? "yellow" : "green";
}
