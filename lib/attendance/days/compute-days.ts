import "server-only";
import type { Database } from "../../../db/client";
import { findDayInputs, upsertAttendanceDays, type AttendanceDayValues } from "../../../db/queries/attendance-days";
import { loadCaseConfig } from "../../case/case-config";
import { addDays, dayClassOf, weekdayOf, type WorkingCalendar } from "../../case/working-calendar";
import { computeDay, DEFAULT_DAY_RULE } from "./compute-day";

/** The Monday of a local date's week (weeks run Monday to Sunday). */
export function weekStartOf(day: string): string {
  return addDays(day, -((weekdayOf(day) + 6) % 7));
}

/** Swapped workdays (调休上班, a weekend day that works) in the Monday–Sunday week of a day. */
export function swappedWorkdaysInWeek(day: string, cal: WorkingCalendar): number {
  const monday = weekStartOf(day);
  let n = 0;
  for (let i = 0; i < 7; i++) {
    const d = addDays(monday, i);
    if (cal.workdays.has(d) && cal.weekend.has(weekdayOf(d))) n++;
  }
  return n;
}

/**
 * Computes and stores the attendance days of one local day: every person employed that day, or only
 * `staffIds` (a recompute after an approved correction or leave). Reads the inputs in one statement, runs the
 * pure rule (compute-day.ts) and writes every row in one statement, so a day of 4,000 people is three round
 * trips. Pass a transaction to recompute inside the change that caused it.
 */
export async function computeAttendanceDays(
  db: Database,
  input: { day: string; staffIds?: readonly number[]; calendar?: WorkingCalendar },
): Promise<{ day: string; count: number }> {
  const calendar = input.calendar ?? (await loadCaseConfig(db)).calendar;
  const dayClass = dayClassOf(input.day, calendar);
  const weekSwappedWorkdays = swappedWorkdaysInWeek(input.day, calendar);
  const rows = await findDayInputs(db, { day: input.day, weekStart: weekStartOf(input.day), staffIds: input.staffIds });
  const values: AttendanceDayValues[] = rows.map((row) => {
    const rule = row.rule ?? DEFAULT_DAY_RULE;
    const result = computeDay({
      dayClass,
      rule,
      punches: row.punches.map((p) => ({ kind: p.kind, at: new Date(p.at), inside: p.inside, corrected: p.corrected })),
      onLeave: row.onLeave,
      patrolsDone: row.patrolsDone,
      utcOffsetMinutes: calendar.utcOffsetMinutes,
      weekRegularMinutesBefore: row.weekRegularBefore,
      weekSwappedWorkdays,
    });
    return {
      staffId: row.staffId,
      status: result.status,
      firstIn: result.firstIn?.toISOString() ?? null,
      lastOut: result.lastOut?.toISOString() ?? null,
      lateMinutes: result.lateMinutes,
      earlyMinutes: result.earlyMinutes,
      workedMinutes: result.workedMinutes,
      outsidePunches: result.outsidePunches,
      patrolsDone: result.patrolsDone,
      patrolsRequired: result.patrolsRequired,
      overtimeWorkdayMinutes: result.overtimeWorkdayMinutes,
      overtimeRestdayMinutes: result.overtimeRestdayMinutes,
      overtimeHolidayMinutes: result.overtimeHolidayMinutes,
      departmentId: row.departmentId,
      ruleId: row.rule?.id ?? null,
    };
  });
  const count = await upsertAttendanceDays(db, input.day, values);
  return { day: input.day, count };
}
