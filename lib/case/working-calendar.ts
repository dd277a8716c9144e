/**
 * Working time for case time limits (办理时限). Pure: every function takes the instants it needs; none reads
 * the clock.
 *
 * Rules kept here, and why:
 * - Local time is China Standard Time, a fixed UTC+08:00 with no daylight saving, so a local day is a plain
 *   24-hour block and no time-zone database is needed. The offset is still data (`utcOffsetMinutes`) so a
 *   test or a deployment elsewhere can change it.
 * - A working day has the same working ranges, a list of [start, end) minutes after local midnight. The
 *   default is one continuous 09:00–17:00 block (8 h, the 8-hour day of the labour rules); a site with a
 *   lunch break configures e.g. [[540, 720], [810, 1080]] (09:00–12:00, 13:30–18:00).
 * - Which days work, in order: a date in `holidays` (statutory days off, 法定节假日) is off; else a date in
 *   `workdays` (调休: a weekend day that works to make up for a holiday bridge) works; else a weekend day
 *   (Saturday, Sunday) is off; else it works. The two sets must not overlap (checked on creation), so the
 *   order between them never decides anything.
 * - Limits come in two clocks: natural time (自然时间, e.g. the 12345 emergency limit of 2 hours runs
 *   through nights and holidays) and working time (工作时间). See `addLimit`.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const MINUTES_PER_DAY = 1440;
/** A year and a half of days without a single working minute means the calendar is broken, not busy. */
const MAX_SCAN_DAYS = 550;
const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A local calendar date, "YYYY-MM-DD". */
export type DateKey = string;
/** [start, end) in minutes after local midnight, 0 ≤ start < end ≤ 1440. */
export type MinuteRange = readonly [number, number];

export type WorkingCalendar = {
  /** Minutes east of UTC; China Standard Time is +480 (UTC+08:00, no daylight saving). */
  readonly utcOffsetMinutes: number;
  /** Working ranges of every working day (swapped workdays included), sorted, not overlapping. */
  readonly workingHours: readonly MinuteRange[];
  /** Days of the week that are off unless listed in `workdays`: 0 = Sunday … 6 = Saturday. */
  readonly weekend: ReadonlySet<number>;
  /** Statutory days off (法定节假日 and the days moved next to them), "YYYY-MM-DD". */
  readonly holidays: ReadonlySet<DateKey>;
  /** Swapped working days (调休上班) that fall on a weekend, "YYYY-MM-DD". */
  readonly workdays: ReadonlySet<DateKey>;
  /**
   * The holidays that are statutory (法定节假日, overtime 300 %); the other holidays are rest days moved next to
   * them (调休休息日, 200 %). Always a subset of `holidays`.
   */
  readonly statutory: ReadonlySet<DateKey>;
};

export type WorkingCalendarInput = {
  utcOffsetMinutes?: number;
  workingHours?: readonly MinuteRange[];
  weekend?: Iterable<number>;
  holidays?: Iterable<DateKey>;
  workdays?: Iterable<DateKey>;
  statutory?: Iterable<DateKey>;
};

/** 09:00–17:00, one continuous 8-hour block. */
export const DEFAULT_WORKING_HOURS: readonly MinuteRange[] = [[9 * 60, 17 * 60]];
export const CHINA_UTC_OFFSET_MINUTES = 8 * 60;

/**
 * Builds a calendar, checking its data: working ranges inside the day, sorted and apart; well-formed dates;
 * no date both a holiday and a workday (the State Council notice never makes a day both).
 */
export function createWorkingCalendar(input: WorkingCalendarInput = {}): WorkingCalendar {
  const utcOffsetMinutes = input.utcOffsetMinutes ?? CHINA_UTC_OFFSET_MINUTES;
  if (!Number.isInteger(utcOffsetMinutes) || Math.abs(utcOffsetMinutes) > 14 * 60) {
    throw new RangeError(`utcOffsetMinutes must be a whole number of minutes within ±14 h, got ${utcOffsetMinutes}`);
  }
  const workingHours = (input.workingHours ?? DEFAULT_WORKING_HOURS).map(([s, e]) => [s, e] as const);
  if (workingHours.length === 0) throw new RangeError("workingHours must hold at least one range");
  let previousEnd = 0;
  for (const [start, end] of workingHours) {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > MINUTES_PER_DAY || start >= end) {
      throw new RangeError(`working range [${start}, ${end}] must satisfy 0 ≤ start < end ≤ 1440`);
    }
    if (start < previousEnd) throw new RangeError(`working ranges must be sorted and must not overlap (at ${start})`);
    previousEnd = end;
  }
  const weekend = new Set(input.weekend ?? [0, 6]);
  for (const day of weekend) {
    if (!Number.isInteger(day) || day < 0 || day > 6) throw new RangeError(`weekend day must be 0–6, got ${day}`);
  }
  const holidays = new Set(input.holidays ?? []);
  const workdays = new Set(input.workdays ?? []);
  for (const key of [...holidays, ...workdays]) dayNumberOfKey(key);
  for (const key of workdays) {
    if (holidays.has(key)) throw new RangeError(`${key} is listed both as a holiday and as a workday`);
  }
  const statutory = new Set(input.statutory ?? []);
  for (const key of statutory) {
    if (!holidays.has(key)) throw new RangeError(`${key} is statutory but not listed as a holiday`);
  }
  return { utcOffsetMinutes, workingHours, weekend, holidays, workdays, statutory };
}

/** One row of the editable holiday table: a statutory day off, or a swapped working day (调休上班). */
export type CalendarDay = {
  readonly date: DateKey;
  readonly kind: "holiday" | "workday";
  readonly name: string;
  /** A holiday that is statutory (法定, 300 %) rather than a rest day moved next to one (200 %). */
  readonly statutory?: boolean;
};

/** A calendar from rows of the holiday table (the shape the product stores), with optional other settings. */
export function calendarFromDays(
  days: readonly CalendarDay[],
  input: Omit<WorkingCalendarInput, "holidays" | "workdays"> = {},
): WorkingCalendar {
  return createWorkingCalendar({
    ...input,
    holidays: days.filter((d) => d.kind === "holiday").map((d) => d.date),
    workdays: days.filter((d) => d.kind === "workday").map((d) => d.date),
    statutory: days.filter((d) => d.kind === "holiday" && d.statutory === true).map((d) => d.date),
  });
}

/**
 * What kind of day a local date is, for attendance and overtime (DOMAIN.md, Attendance: 150 % on work days,
 * 200 % on rest days, 300 % on statutory holidays):
 * - workday: a working day, swapped workdays (调休上班) included;
 * - weekend: an ordinary weekend day off (rest, 200 %);
 * - moved_rest: a holiday that is not statutory, a rest day moved next to a holiday (2026-10-05: rest, 200 %);
 * - statutory: a statutory holiday (2026-10-01: 300 %).
 */
export type DayClass = "workday" | "weekend" | "moved_rest" | "statutory";

export function dayClassOf(date: DateKey, cal: WorkingCalendar): DayClass {
  const day = dayNumberOfKey(date);
  if (isWorkingDayNumber(day, cal)) return "workday";
  if (cal.statutory.has(date)) return "statutory";
  if (cal.holidays.has(date)) return "moved_rest";
  return "weekend";
}

/** The weekday of a local date: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: DateKey): number {
  return (((dayNumberOfKey(date) + 4) % 7) + 7) % 7;
}

/** The local date `days` after (or before, when negative) a date. */
export function addDays(date: DateKey, days: number): DateKey {
  return keyOfDayNumber(dayNumberOfKey(date) + days);
}

/** The local calendar date of an instant, "YYYY-MM-DD". */
export function localDateKey(instant: Date, cal: WorkingCalendar): DateKey {
  return keyOfDayNumber(localDayNumber(instant.getTime(), cal));
}

/** Whether a local date (or the local date of an instant) is a working day. */
export function isWorkingDay(date: Date | DateKey, cal: WorkingCalendar): boolean {
  const day = typeof date === "string" ? dayNumberOfKey(date) : localDayNumber(date.getTime(), cal);
  return isWorkingDayNumber(day, cal);
}

/**
 * The instant when `minutes` of working time have passed after `start`. Counting starts at `start` if it is
 * inside working hours, else at the next working range. A deadline that uses up a range exactly is that
 * range's end (Friday 16:00 + 60 working minutes = Friday 17:00, not Monday 09:00). Zero minutes → `start`.
 */
export function addWorkingMinutes(start: Date, minutes: number, cal: WorkingCalendar): Date {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`minutes must be ≥ 0, got ${minutes}`);
  const startMs = start.getTime();
  let remaining = Math.round(minutes * MINUTE_MS);
  if (remaining === 0) return new Date(startMs);
  const firstDay = localDayNumber(startMs, cal);
  for (let day = firstDay; day < firstDay + MAX_SCAN_DAYS; day++) {
    for (const [from, to] of workingRangesMs(day, cal)) {
      const begin = Math.max(from, startMs);
      if (to <= begin) continue;
      const available = to - begin;
      if (remaining <= available) return new Date(begin + remaining);
      remaining -= available;
    }
  }
  throw new RangeError(`the calendar has no working time within ${MAX_SCAN_DAYS} days of ${start.toISOString()}`);
}

/**
 * Working minutes between two instants, signed: positive when `b` is after `a`, negative when before (so
 * `workingMinutesBetween(now, deadline)` < 0 says by how much a case is overdue). The inverse of
 * `addWorkingMinutes`: workingMinutesBetween(s, addWorkingMinutes(s, m)) = m.
 */
export function workingMinutesBetween(a: Date, b: Date, cal: WorkingCalendar): number {
  return workingMsBetween(a.getTime(), b.getTime(), cal) / MINUTE_MS;
}

/** Time units of a limit. natural_* run through nights, weekends and holidays; working_* do not. */
export type LimitUnit = "natural_minutes" | "natural_hours" | "working_minutes" | "working_hours" | "working_days";
export type TimeLimit = { readonly amount: number; readonly unit: LimitUnit };
/** The clock a limit is measured in. */
export type LimitClock = "natural" | "working";

export function clockOf(unit: LimitUnit): LimitClock {
  return unit.startsWith("natural_") ? "natural" : "working";
}

/**
 * The deadline of a limit that starts at `start`.
 * - natural_minutes / natural_hours: plain elapsed time (the 12345 emergency "2 小时" counts natural hours).
 * - working_minutes / working_hours: working time, see `addWorkingMinutes`.
 * - working_days (whole days, the 12345 "7 个工作日"): the end of working hours of the Nth working day
 *   after the day of receipt. The day of receipt never counts, whatever the hour (a lenient and simple
 *   rule: a case received at 08:00 or at 16:59 both get N full days); a case received on a holiday or a
 *   weekend counts from the next working day. Received Wednesday 2026-09-30 10:00 with 7 working days:
 *   10/1–10/7 are off, 10/8 is day 1 … 10/15 is day 7 → 2026-10-15 17:00.
 */
export function addLimit(start: Date, limit: TimeLimit, cal: WorkingCalendar): Date {
  const { amount, unit } = limit;
  if (!Number.isFinite(amount) || amount < 0) throw new RangeError(`limit amount must be ≥ 0, got ${amount}`);
  switch (unit) {
    case "natural_minutes":
      return new Date(start.getTime() + Math.round(amount * MINUTE_MS));
    case "natural_hours":
      return new Date(start.getTime() + Math.round(amount * 60 * MINUTE_MS));
    case "working_minutes":
      return addWorkingMinutes(start, amount, cal);
    case "working_hours":
      return addWorkingMinutes(start, amount * 60, cal);
    case "working_days":
      return endOfNthWorkingDayAfter(start, amount, cal);
  }
}

/**
 * Minutes between `a` and `b` on a limit's own clock (signed like `workingMinutesBetween`). A
 * working_days limit is measured in working minutes too, so its light moves through the day.
 */
export function minutesBetween(a: Date, b: Date, clock: LimitClock, cal: WorkingCalendar): number {
  return clock === "natural" ? (b.getTime() - a.getTime()) / MINUTE_MS : workingMinutesBetween(a, b, cal);
}

function endOfNthWorkingDayAfter(start: Date, days: number, cal: WorkingCalendar): Date {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`working_days must be a whole number ≥ 1, got ${days}`);
  const receiptDay = localDayNumber(start.getTime(), cal);
  let counted = 0;
  for (let day = receiptDay + 1; day <= receiptDay + days + MAX_SCAN_DAYS; day++) {
    if (!isWorkingDayNumber(day, cal)) continue;
    counted++;
    if (counted === days) {
      const lastRange = cal.workingHours[cal.workingHours.length - 1];
      return new Date(dayStartMs(day, cal) + lastRange[1] * MINUTE_MS);
    }
  }
  throw new RangeError(`the calendar has too few working days after ${start.toISOString()}`);
}

function workingMsBetween(aMs: number, bMs: number, cal: WorkingCalendar): number {
  if (bMs < aMs) return -workingMsBetween(bMs, aMs, cal);
  let total = 0;
  const lastDay = localDayNumber(bMs, cal);
  for (let day = localDayNumber(aMs, cal); day <= lastDay; day++) {
    for (const [from, to] of workingRangesMs(day, cal)) {
      const overlap = Math.min(to, bMs) - Math.max(from, aMs);
      if (overlap > 0) total += overlap;
    }
  }
  return total;
}

/** Working ranges of a local day as instants (ms), empty on a day off. */
function workingRangesMs(day: number, cal: WorkingCalendar): (readonly [number, number])[] {
  if (!isWorkingDayNumber(day, cal)) return [];
  const base = dayStartMs(day, cal);
  return cal.workingHours.map(([s, e]) => [base + s * MINUTE_MS, base + e * MINUTE_MS] as const);
}

function isWorkingDayNumber(day: number, cal: WorkingCalendar): boolean {
  const key = keyOfDayNumber(day);
  if (cal.holidays.has(key)) return false;
  if (cal.workdays.has(key)) return true;
  // 1970-01-01, day 0, was a Thursday (4).
  const weekday = (((day + 4) % 7) + 7) % 7;
  return !cal.weekend.has(weekday);
}

/** Local days since 1970-01-01 (local). */
function localDayNumber(ms: number, cal: WorkingCalendar): number {
  return Math.floor((ms + cal.utcOffsetMinutes * MINUTE_MS) / DAY_MS);
}

function dayStartMs(day: number, cal: WorkingCalendar): number {
  return day * DAY_MS - cal.utcOffsetMinutes * MINUTE_MS;
}

/** Day keys already made: every calendar walk asks for the same few hundred days, and making one costs a Date. */
const dayKeys = new Map<number, DateKey>();
const DAY_KEYS_KEPT = 100_000;

function keyOfDayNumber(day: number): DateKey {
  let key = dayKeys.get(day);
  if (key === undefined) {
    key = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (dayKeys.size < DAY_KEYS_KEPT) dayKeys.set(day, key);
  }
  return key;
}

function dayNumberOfKey(key: DateKey): number {
  const match = DATE_KEY.exec(key);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  // The round trip refuses dates that do not exist, like 2026-02-30.
  if (Number.isNaN(ms) || keyOfDayNumber(ms / DAY_MS) !== key) throw new RangeError(`not a date "YYYY-MM-DD": ${key}`);
  return ms / DAY_MS;
}
