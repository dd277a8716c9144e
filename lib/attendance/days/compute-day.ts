import type { DayClass } from "../../case/working-calendar";

/**
 * The daily attendance rule (DOMAIN.md, Attendance; issue 11 part 5). Pure: it takes a person's punches of one
 * local day, the rule set in force, the day's class from the working calendar and the approved leave, and
 * returns the day's result. It never reads the clock or the database.
 *
 * Rules kept here, and why:
 * - A punch counts at its clock minute (the seconds dropped), as the phone and the lists show it: with a
 *   09:00 start and 5 minutes of grace, 09:05:59 is on time and 09:06:00 is late by 6 minutes. Early leave the
 *   same way from the other side: with a 17:00 end, 16:55 is on time, 16:54 leaves 6 minutes early. Late and
 *   early minutes are counted from the shift's start and end, not from the grace.
 * - The first punch "in" and the last punch "out" of the day decide; other punches only count toward
 *   `outsidePunches`. A punch made by an approved correction (补卡) counts as inside the fence: the lead
 *   vouched for it.
 * - On a working day, in this order: leave → `leave`; no punch at all → `absent`; an in or an out missing →
 *   `missing_punch`; a deciding punch outside the fence → `outside`; then late and/or early (`late`,
 *   `early_leave`, `late_and_early`); else `normal`. Late and early minutes are kept whatever the status.
 * - Minimum work minutes: a day with both punches whose worked time falls short of the rule's minimum by more
 *   than the two graces together (the slack they allow) is early leave by the shortfall, when the punch times
 *   alone did not already make it late or early (a flexible rule: start and end wide apart, a minimum inside).
 * - Rest days (weekend, rest days moved next to a holiday) → `rest`, statutory holidays → `holiday`, whatever
 *   the punches; leave on those days does not count as leave.
 * - Overtime (8 h a day, 40 h a week; 150 % / 200 % / 300 %):
 *   - on a working day: the minutes after the shift end (last out − end), or the worked minutes beyond 8 h if
 *     that is more; all of it is work-day overtime (150 %);
 *   - on a rest day (weekend or moved rest day): every worked minute (first in → last out) is 200 %;
 *   - on a statutory holiday: every worked minute is 300 %;
 *   - the week cap: a calendar week (Monday to Sunday) allows 40 h of regular (non-overtime) work-day minutes,
 *     plus 8 h for each swapped workday (调休上班) in it, since the swap moves a rest day rather than adding a
 *     working day. Regular minutes of a working day beyond what the week still allows (given the regular
 *     minutes of the earlier days of the week) become work-day overtime too. The daily job passes the earlier
 *     days' regular minutes; the week is counted in calendar order, so the day that crosses the cap carries it.
 * - Patrols: the counted patrols of the day against the rule's requirement on a working day (0 on rest days
 *   and on leave).
 */

export type DayRule = {
  readonly id: number | null;
  /** Minutes after local midnight. */
  readonly startMinute: number;
  readonly endMinute: number;
  readonly lateGraceMinutes: number;
  readonly earlyGraceMinutes: number;
  readonly minWorkMinutes: number;
  readonly requiredPatrols: number;
};

/** The rule used when neither the person nor a department above them has one: 09:00–17:00, 5 minutes of grace. */
export const DEFAULT_DAY_RULE: DayRule = {
  id: null,
  startMinute: 9 * 60,
  endMinute: 17 * 60,
  lateGraceMinutes: 5,
  earlyGraceMinutes: 5,
  minWorkMinutes: 480,
  requiredPatrols: 0,
};

export type DayPunch = {
  readonly kind: "in" | "out";
  /** The server's time of the punch. */
  readonly at: Date;
  readonly inside: boolean;
  /** Made by an approved correction (补卡). */
  readonly corrected?: boolean;
};

export type DayStatus =
  "normal" | "late" | "early_leave" | "late_and_early" | "absent" | "missing_punch" | "outside" | "leave" | "rest" | "holiday";

export const DAY_STATUSES: readonly DayStatus[] = [
  "normal",
  "late",
  "early_leave",
  "late_and_early",
  "absent",
  "missing_punch",
  "outside",
  "leave",
  "rest",
  "holiday",
];

export type ComputeDayInput = {
  readonly dayClass: DayClass;
  readonly rule: DayRule;
  readonly punches: readonly DayPunch[];
  /** An approved leave covers the day. */
  readonly onLeave: boolean;
  /** Counted patrols of the day. */
  readonly patrolsDone: number;
  /** Minutes east of UTC of local time (China: 480). */
  readonly utcOffsetMinutes: number;
  /** Regular (non-overtime) work-day minutes of the earlier days of the same Monday–Sunday week. */
  readonly weekRegularMinutesBefore?: number;
  /** Swapped workdays (调休上班) in the day's week: each adds 8 h to the week's 40. */
  readonly weekSwappedWorkdays?: number;
};

export type DayResult = {
  readonly status: DayStatus;
  readonly firstIn: Date | null;
  readonly lastOut: Date | null;
  readonly lateMinutes: number;
  readonly earlyMinutes: number;
  readonly workedMinutes: number;
  /** Regular (non-overtime) minutes of a working day, what the week cap counts. */
  readonly regularMinutes: number;
  readonly outsidePunches: number;
  readonly patrolsDone: number;
  readonly patrolsRequired: number;
  readonly overtimeWorkdayMinutes: number;
  readonly overtimeRestdayMinutes: number;
  readonly overtimeHolidayMinutes: number;
};

export const DAY_MINUTES_CAP = 8 * 60;
export const WEEK_MINUTES_CAP = 40 * 60;

const MINUTE_MS = 60_000;

export function computeDay(input: ComputeDayInput): DayResult {
  const { dayClass, rule, punches, utcOffsetMinutes } = input;
  const ins = punches.filter((p) => p.kind === "in").sort((a, b) => a.at.getTime() - b.at.getTime());
  const outs = punches.filter((p) => p.kind === "out").sort((a, b) => a.at.getTime() - b.at.getTime());
  const firstIn = ins[0] ?? null;
  const lastOut = outs[outs.length - 1] ?? null;
  const counts = (p: DayPunch) => p.inside || p.corrected === true;
  const outsidePunches = punches.filter((p) => !counts(p)).length;
  const workedMinutes =
    firstIn && lastOut && lastOut.at > firstIn.at
      ? clockMinute(lastOut.at, utcOffsetMinutes) - clockMinute(firstIn.at, utcOffsetMinutes)
      : 0;
  const base = {
    firstIn: firstIn?.at ?? null,
    lastOut: lastOut?.at ?? null,
    workedMinutes: Math.max(0, workedMinutes),
    outsidePunches,
    patrolsDone: input.patrolsDone,
  };
  const none = { lateMinutes: 0, earlyMinutes: 0, regularMinutes: 0, overtimeWorkdayMinutes: 0 };

  if (dayClass !== "workday") {
    const restWork = base.workedMinutes;
    return {
      ...base,
      ...none,
      status: dayClass === "statutory" ? "holiday" : "rest",
      patrolsRequired: 0,
      overtimeRestdayMinutes: dayClass === "statutory" ? 0 : restWork,
      overtimeHolidayMinutes: dayClass === "statutory" ? restWork : 0,
    };
  }
  const noRestOvertime = { overtimeRestdayMinutes: 0, overtimeHolidayMinutes: 0 };
  if (input.onLeave) {
    return { ...base, ...none, ...noRestOvertime, status: "leave", patrolsRequired: 0 };
  }
  const patrolsRequired = rule.requiredPatrols;
  if (!firstIn && !lastOut) {
    return { ...base, ...none, ...noRestOvertime, status: "absent", patrolsRequired };
  }

  const inMinute = firstIn ? clockMinute(firstIn.at, utcOffsetMinutes) : null;
  const outMinute = lastOut ? clockMinute(lastOut.at, utcOffsetMinutes) : null;
  const lateBy = inMinute === null ? 0 : Math.max(0, inMinute - rule.startMinute);
  const earlyBy = outMinute === null ? 0 : Math.max(0, rule.endMinute - outMinute);
  let late = lateBy > rule.lateGraceMinutes;
  let early = earlyBy > rule.earlyGraceMinutes;
  let earlyMinutes = early ? earlyBy : 0;
  if (firstIn && lastOut && !late && !early) {
    const shortfall = rule.minWorkMinutes - base.workedMinutes;
    if (shortfall > rule.lateGraceMinutes + rule.earlyGraceMinutes) {
      early = true;
      earlyMinutes = shortfall;
    }
  }
  late = late && firstIn !== null;
  const lateMinutes = late ? lateBy : 0;

  // Overtime of a working day: after the shift end, or beyond 8 h, whichever is more; then the week cap.
  const afterEnd = outMinute === null ? 0 : Math.max(0, outMinute - rule.endMinute);
  const dailyOvertime = firstIn && lastOut ? Math.max(afterEnd, base.workedMinutes - DAY_MINUTES_CAP) : 0;
  const regularToday = Math.max(0, base.workedMinutes - dailyOvertime);
  const weekAllowance = WEEK_MINUTES_CAP + DAY_MINUTES_CAP * (input.weekSwappedWorkdays ?? 0);
  const weekLeft = Math.max(0, weekAllowance - (input.weekRegularMinutesBefore ?? 0));
  const regularMinutes = Math.min(regularToday, weekLeft);
  const overtimeWorkdayMinutes = dailyOvertime + (regularToday - regularMinutes);

  let status: DayStatus;
  if (!firstIn || !lastOut) status = "missing_punch";
  else if (!counts(firstIn) || !counts(lastOut)) status = "outside";
  else if (late && early) status = "late_and_early";
  else if (late) status = "late";
  else if (early) status = "early_leave";
  else status = "normal";

  return {
    ...base,
    ...noRestOvertime,
    status,
    lateMinutes,
    earlyMinutes,
    regularMinutes,
    overtimeWorkdayMinutes,
    patrolsRequired,
  };
}

/** Minutes after local midnight of an instant, seconds dropped. */
export function clockMinute(at: Date, utcOffsetMinutes: number): number {
  const local = Math.floor(at.getTime() / MINUTE_MS) + utcOffsetMinutes;
  return ((local % 1440) + 1440) % 1440;
}
