import { describe, expect, it } from "vitest";
import { attendancePoints } from "../../i18n/zh-CN/attendance-points";
import { formatClock, parseClock, shiftProblems } from "./shift-time";

const e = attendancePoints.rules.errors;
const shift = { startMinute: 540, endMinute: 1020, lateGraceMinutes: 5, earlyGraceMinutes: 5, minWorkMinutes: 480 };

describe("shift clock times", () => {
  it("reads HH:MM from 00:00 to 24:00 and nothing else", () => {
    expect(parseClock("08:30")).toBe(510);
    expect(parseClock("00:00")).toBe(0);
    expect(parseClock("24:00")).toBe(1440);
    for (const bad of ["24:01", "25:00", "8:30", "08:60", "0830", "", "08:30:00"]) expect(parseClock(bad)).toBeNull();
    expect(formatClock(510)).toBe("08:30");
    expect(formatClock(1440)).toBe("24:00");
  });
});

describe("shiftProblems", () => {
  it("accepts a normal 8-hour shift", () => {
    expect(shiftProblems(shift)).toEqual({});
  });

  it("refuses an end at or before the start", () => {
    expect(shiftProblems({ ...shift, endMinute: 540 })).toEqual({ end: e.endBeforeStart });
    expect(shiftProblems({ ...shift, endMinute: 300 })).toEqual({ end: e.endBeforeStart });
  });

  it("refuses grace that swallows the shift: at the length refused, one minute under accepted", () => {
    const hour = { ...shift, startMinute: 540, endMinute: 600, minWorkMinutes: 60 };
    expect(shiftProblems({ ...hour, lateGraceMinutes: 30, earlyGraceMinutes: 30 })).toEqual({
      lateGraceMinutes: e.graceBeyondShift,
    });
    expect(shiftProblems({ ...hour, lateGraceMinutes: 30, earlyGraceMinutes: 29 })).toEqual({});
  });

  it("refuses minimum hours longer than the shift (equal is fine)", () => {
    expect(shiftProblems({ ...shift, minWorkMinutes: 480 })).toEqual({});
    expect(shiftProblems({ ...shift, minWorkMinutes: 481 })).toEqual({ minWorkMinutes: e.minWorkBeyondShift });
  });
});
