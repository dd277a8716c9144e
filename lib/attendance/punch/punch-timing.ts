/**
 * Whose clock a punch goes by (pure). The server's time is the punch's time: the phone's clock can be wrong or
 * set by hand. The phone's time is kept beside it, and it decides only the day of an offline punch.
 *
 * - Online punch: the day is the Beijing day of the server time. A device time more than 5 minutes away from the
 *   server time at sending is flagged `clock_skew` (the phone's clock is wrong: worth a look, not a refusal).
 * - Offline punch (made without a network, sent later from the phone's queue): flagged `offline`; its day is the
 *   Beijing day of the device time, since that is when the person stood at the fence. A device time more than
 *   5 minutes after the server's time cannot be real (the punch would come from the future): flagged
 *   `clock_skew`, and the server's day is used. A device time more than 72 hours old is refused: a punch that
 *   late is a correction (补卡) a lead decides, not a punch.
 */

export const CLOCK_SKEW_MINUTES = 5;
export const OFFLINE_MAX_AGE_HOURS = 72;

export type PunchTiming =
  | { ok: true; day: string; flags: ("offline" | "clock_skew")[] }
  | { ok: false; reason: "offline_too_old" | "offline_needs_device_time" };

/** The Beijing calendar day (UTC+8, no daylight saving) of an instant, as YYYY-MM-DD. */
export function beijingDayOf(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function decidePunchTiming(input: { serverAt: Date; deviceAt: Date | null; offline: boolean }): PunchTiming {
  const { serverAt, deviceAt, offline } = input;
  const skewMs = CLOCK_SKEW_MINUTES * 60_000;
  if (!offline) {
    const skewed = deviceAt !== null && Math.abs(deviceAt.getTime() - serverAt.getTime()) > skewMs;
    return { ok: true, day: beijingDayOf(serverAt), flags: skewed ? ["clock_skew"] : [] };
  }
  if (!deviceAt) return { ok: false, reason: "offline_needs_device_time" };
  if (deviceAt.getTime() - serverAt.getTime() > skewMs)
    return { ok: true, day: beijingDayOf(serverAt), flags: ["offline", "clock_skew"] };
  if (serverAt.getTime() - deviceAt.getTime() > OFFLINE_MAX_AGE_HOURS * 3_600_000)
    return { ok: false, reason: "offline_too_old" };
  return { ok: true, day: beijingDayOf(deviceAt), flags: ["offline"] };
}
