import { describe, expect, it } from "vitest";
import { calendarFromDays, dayClassOf } from "../../case/working-calendar";
import { CALENDAR_DAY_ROWS_2026 } from "../../../db/migrations/data/calendar-days-2026";
import { computeDay, DEFAULT_DAY_RULE, type ComputeDayInput, type DayPunch } from "./compute-day";

/** A punch at a Beijing clock time of 2026-12-07 (a Monday). */
function at(hhmmss: string, kind: "in" | "out", inside = true, corrected = false): DayPunch {
  return { kind, at: new Date(`2026-12-07T${hhmmss}+08:00`), inside, corrected };
}

const rule = { ...DEFAULT_DAY_RULE, id: 1, requiredPatrols: 2 }; // 09:00–17:00, grace 5 / 5, min 480

function day(punches: DayPunch[], extra: Partial<ComputeDayInput> = {}) {
  return computeDay({ dayClass: "workday", rule, punches, onLeave: false, patrolsDone: 0, utcOffsetMinutes: 480, ...extra });
}

describe("computeDay: late at the grace minute", () => {
  it("09:05:00 with 5 minutes of grace is on time", () => {
    const r = day([at("09:05:00", "in"), at("17:00:00", "out")]);
    expect(r.status).toBe("normal");
    expect(r.lateMinutes).toBe(0);
  });
  it("09:05:59 is still the 09:05 clock minute: on time", () => {
    expect(day([at("09:05:59", "in"), at("17:00:00", "out")]).status).toBe("normal");
  });
  it("09:06:00, one minute past the grace, is late by 6 minutes (counted from the start)", () => {
    const r = day([at("09:06:00", "in"), at("17:00:00", "out")]);
    expect(r.status).toBe("late");
    expect(r.lateMinutes).toBe(6);
  });
  it("a grace of 0: 09:00 on time, 09:01 late by 1", () => {
    const strict = { ...rule, lateGraceMinutes: 0 };
    expect(day([at("09:00:30", "in"), at("17:00:00", "out")], { rule: strict }).status).toBe("normal");
    const r = day([at("09:01:00", "in"), at("17:00:00", "out")], { rule: strict });
    expect([r.status, r.lateMinutes]).toEqual(["late", 1]);
  });
});

describe("computeDay: early leave at the grace minute", () => {
  it("16:55 with 5 minutes of grace is on time", () => {
    const r = day([at("09:00:00", "in"), at("16:55:00", "out")]);
    expect([r.status, r.earlyMinutes]).toEqual(["normal", 0]);
  });
  it("16:54:59 is the 16:54 clock minute: early by 6", () => {
    const r = day([at("09:00:00", "in"), at("16:54:59", "out")]);
    expect([r.status, r.earlyMinutes]).toEqual(["early_leave", 6]);
  });
  it("late and early on one day", () => {
    const r = day([at("09:10:00", "in"), at("16:30:00", "out")]);
    expect([r.status, r.lateMinutes, r.earlyMinutes]).toEqual(["late_and_early", 10, 30]);
  });
  it("the minimum work time: a shortfall beyond both graces is early leave by the shortfall", () => {
    const longer = { ...rule, minWorkMinutes: 490 }; // 09:00–17:00 on the clock, 490 minutes asked
    expect(day([at("09:00:00", "in"), at("17:00:00", "out")], { rule: longer }).status).toBe("normal"); // short by 10 = 5 + 5
    const r = day([at("09:01:00", "in"), at("17:00:00", "out")], { rule: longer }); // short by 11
    expect([r.status, r.earlyMinutes, r.lateMinutes]).toEqual(["early_leave", 11, 0]);
  });
});

describe("computeDay: absent, missing punch, outside, leave", () => {
  it("no punch on a working day is absent, with the patrols still required", () => {
    const r = day([]);
    expect([r.status, r.patrolsRequired, r.workedMinutes]).toEqual(["absent", 2, 0]);
  });
  it("an in without an out is a missing punch; lateness is still kept", () => {
    const r = day([at("09:20:00", "in")]);
    expect([r.status, r.lateMinutes, r.workedMinutes]).toEqual(["missing_punch", 20, 0]);
  });
  it("an out without an in is a missing punch", () => {
    expect(day([at("17:00:00", "out")]).status).toBe("missing_punch");
  });
  it("a deciding punch outside the fence flags the day, counted in outsidePunches", () => {
    const r = day([at("08:55:00", "in", false), at("17:01:00", "out")]);
    expect([r.status, r.outsidePunches]).toEqual(["outside", 1]);
  });
  it("an outside punch that does not decide is counted but leaves the day normal", () => {
    const r = day([at("08:50:00", "in"), at("12:00:00", "out", false), at("17:00:00", "out")]);
    expect([r.status, r.outsidePunches]).toEqual(["normal", 1]);
  });
  it("an approved correction (补卡) fills the missing out and counts as inside", () => {
    const r = day([at("08:58:00", "in"), at("17:00:00", "out", false, true)]);
    expect([r.status, r.outsidePunches]).toEqual(["normal", 0]);
  });
  it("approved leave on a working day is leave, no patrols required", () => {
    const r = day([], { onLeave: true, patrolsDone: 0 });
    expect([r.status, r.patrolsRequired]).toEqual(["leave", 0]);
  });
  it("patrols done against required", () => {
    const r = day([at("09:00:00", "in"), at("17:00:00", "out")], { patrolsDone: 1 });
    expect([r.patrolsDone, r.patrolsRequired]).toEqual([1, 2]);
  });
});

describe("computeDay: overtime by class", () => {
  it("a working day: minutes after the shift end are 150 % overtime", () => {
    const r = day([at("09:00:00", "in"), at("19:30:00", "out")]);
    expect([r.status, r.workedMinutes, r.overtimeWorkdayMinutes, r.regularMinutes]).toEqual(["normal", 630, 150, 480]);
  });
  it("a working day: an early start beyond 8 h is overtime too (08:00–17:00 worked 540 → 60)", () => {
    const r = day([at("08:00:00", "in"), at("17:00:00", "out")]);
    expect([r.overtimeWorkdayMinutes, r.regularMinutes]).toEqual([60, 480]);
  });
  it("leaving at the end is no overtime", () => {
    expect(day([at("09:00:00", "in"), at("17:00:59", "out")]).overtimeWorkdayMinutes).toBe(0);
  });
  it("a weekend day: every worked minute is 200 %", () => {
    const r = day([at("10:00:00", "in"), at("14:30:00", "out")], { dayClass: "weekend" });
    expect([r.status, r.overtimeRestdayMinutes, r.overtimeHolidayMinutes, r.overtimeWorkdayMinutes, r.patrolsRequired]).toEqual([
      "rest",
      270,
      0,
      0,
      0,
    ]);
  });
  it("a rest day without punches is rest, not absent; leave on it does not count", () => {
    expect(day([], { dayClass: "weekend" }).status).toBe("rest");
    expect(day([], { dayClass: "moved_rest", onLeave: true }).status).toBe("rest");
  });
  it("a statutory holiday: every worked minute is 300 %", () => {
    const r = day([at("09:00:00", "in"), at("17:00:00", "out")], { dayClass: "statutory" });
    expect([r.status, r.overtimeHolidayMinutes, r.overtimeRestdayMinutes]).toEqual(["holiday", 480, 0]);
  });
});

describe("computeDay: the 40-hour week", () => {
  it("the fifth 8-hour day fills the week exactly: no overtime", () => {
    const r = day([at("09:00:00", "in"), at("17:00:00", "out")], { weekRegularMinutesBefore: 4 * 480 });
    expect([r.regularMinutes, r.overtimeWorkdayMinutes]).toEqual([480, 0]);
  });
  it("a sixth working day in an ordinary week is all overtime (150 %)", () => {
    const r = day([at("09:00:00", "in"), at("17:00:00", "out")], { weekRegularMinutesBefore: 5 * 480 });
    expect([r.regularMinutes, r.overtimeWorkdayMinutes]).toEqual([0, 480]);
  });
  it("the day crossing the cap carries the excess: 2,300 regular minutes before, 480 today → 100 regular, 380 overtime", () => {
    const r = day([at("09:00:00", "in"), at("17:00:00", "out")], { weekRegularMinutesBefore: 2300 });
    expect([r.regularMinutes, r.overtimeWorkdayMinutes]).toEqual([100, 380]);
  });
  it("a swapped workday (调休上班) in the week adds 8 h to the allowance: its sixth day is regular", () => {
    const r = day([at("09:00:00", "in"), at("17:00:00", "out")], { weekRegularMinutesBefore: 5 * 480, weekSwappedWorkdays: 1 });
    expect([r.regularMinutes, r.overtimeWorkdayMinutes]).toEqual([480, 0]);
  });
});

describe("the 2026 calendar: a holiday week and its swapped workdays", () => {
  // The rows as migration 20261204T0910 marks them: of National Day, 10-01 to 10-03 are statutory.
  const statutory = new Set(["2026-10-01", "2026-10-02", "2026-10-03"]);
  const cal = calendarFromDays(CALENDAR_DAY_ROWS_2026.map((d) => ({ ...d, statutory: statutory.has(d.date) })));
  it("National Day: 10-01 statutory (300 %), 10-05 a moved rest day (200 %), 10-10 (Saturday) a swapped workday", () => {
    expect(dayClassOf("2026-10-01", cal)).toBe("statutory");
    expect(dayClassOf("2026-10-03", cal)).toBe("statutory");
    expect(dayClassOf("2026-10-05", cal)).toBe("moved_rest");
    expect(dayClassOf("2026-10-10", cal)).toBe("workday");
    expect(dayClassOf("2026-10-11", cal)).toBe("weekend");
    expect(dayClassOf("2026-10-12", cal)).toBe("workday");
  });
  it("the same 8 hours worked pay by class: 10-01 300 %, 10-05 200 %, 10-10 regular", () => {
    const eight = [at("09:00:00", "in"), at("17:00:00", "out")];
    const byDay = (d: string) => day(eight, { dayClass: dayClassOf(d, cal) });
    expect(byDay("2026-10-01").overtimeHolidayMinutes).toBe(480);
    expect(byDay("2026-10-05").overtimeRestdayMinutes).toBe(480);
    const swapped = byDay("2026-10-10");
    expect([swapped.status, swapped.overtimeWorkdayMinutes, swapped.regularMinutes]).toEqual(["normal", 0, 480]);
  });
});
