import { common } from "../i18n/zh-CN/common";

/**
 * Time as the users read it, in one place: instants are shown on the Beijing clock (Asia/Shanghai) whatever
 * the server's or the browser's zone, calendar days are Beijing days, and durations are coarse Chinese text.
 *
 * China has kept UTC+8 without daylight saving since 1991, so the Beijing wall clock is the instant plus a
 * fixed 8 hours: plain arithmetic, the same on every machine and far cheaper than Intl per call (tables
 * format thousands of cells). Formats: date "2026-11-23", date-time "2026-11-23 14:05" (seconds on request),
 * short date-time "11-23 14:05" (deadlines, always within weeks of now), time "14:05". Pure, client-safe.
 */

export const BEIJING_TIME_ZONE = "Asia/Shanghai";

const BEIJING_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** An instant as the database or an API gives it: an ISO string or a Date. */
export type Instant = string | Date;

function toTime(value: Instant | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const ms = typeof value === "string" ? Date.parse(value) : value.getTime();
  return Number.isNaN(ms) ? null : ms;
}

/** "2026-11-23T14:05:09" on the Beijing clock, or null for nothing or garbage. */
function wallIso(value: Instant | null | undefined): string | null {
  const ms = toTime(value);
  return ms === null ? null : new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 19);
}

/**
 * A Date whose UTC fields are the Beijing wall time: for formats that store a date without a zone (xlsx),
 * where the reader sees the stored fields as they are.
 */
export function beijingWallClock(value: Instant | null | undefined): Date | null {
  const ms = toTime(value);
  return ms === null ? null : new Date(ms + BEIJING_OFFSET_MS);
}

/** The Beijing calendar day of an instant, "YYYY-MM-DD" (today by default). */
export function beijingDay(value: Instant = new Date()): string {
  const wall = wallIso(value);
  if (wall === null) throw new Error(`not an instant: ${String(value)}`);
  return wall.slice(0, 10);
}

/** A calendar day moved by whole days ("2026-03-01", -1 → "2026-02-28"). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from one day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** ISO 8601 on the Beijing clock with its offset, "2026-11-20T09:30:00+08:00" (machine interfaces: Open311). */
export function formatIsoBeijing(value: Instant | null | undefined): string | null {
  const wall = wallIso(value);
  return wall === null ? null : `${wall}+08:00`;
}

type Options = { /** Shown for nothing or garbage; "—" by default. */ none?: string };

/** "2026-11-23". */
export function formatDate(value: Instant | null | undefined, { none = "—" }: Options = {}): string {
  return wallIso(value)?.slice(0, 10) ?? none;
}

/** "2026-11-23 14:05", or with seconds "2026-11-23 14:05:09" (the audit log, exports). */
export function formatDateTime(
  value: Instant | null | undefined,
  { none = "—", seconds = false }: Options & { seconds?: boolean } = {},
): string {
  const wall = wallIso(value);
  return wall === null ? none : `${wall.slice(0, 10)} ${wall.slice(11, seconds ? 19 : 16)}`;
}

/** "11-23 14:05": an instant near now, where the year goes without saying. */
export function formatShortDateTime(value: Instant | null | undefined, { none = "—" }: Options = {}): string {
  const wall = wallIso(value);
  return wall === null ? none : `${wall.slice(5, 10)} ${wall.slice(11, 16)}`;
}

/** "14:05". */
export function formatTime(value: Instant | null | undefined, { none = "—" }: Options = {}): string {
  return wallIso(value)?.slice(11, 16) ?? none;
}

/**
 * A duration in whole days and hours, hours, or minutes ("3 天 4 小时", "5 小时", "12 分钟"). Coarse on purpose
 * and always rounded down, so time left is never overstated; a negative duration is 0 分钟.
 */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return common.duration.minutes(minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return common.duration.hours(hours);
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return rest ? common.duration.daysHours(days, rest) : common.duration.days(days);
}
