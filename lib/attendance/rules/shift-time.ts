import { attendancePoints } from "../../i18n/zh-CN/attendance-points";

/** Shift clock times: "HH:MM" ↔ minutes after local midnight. Pure; shared by the rules page and the verbs. */

const CLOCK = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** "08:30" → 510; "24:00" (the end of the day) → 1440; anything else → null. */
export function parseClock(value: string): number | null {
  const m = CLOCK.exec(value.trim());
  if (!m) return null;
  const minute = Number(m[1]) * 60 + Number(m[2]);
  return minute <= 1440 ? minute : null;
}

/** 510 → "08:30". */
export function formatClock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

export type ShiftShape = {
  startMinute: number;
  endMinute: number;
  lateGraceMinutes: number;
  earlyGraceMinutes: number;
  minWorkMinutes: number;
};

const e = attendancePoints.rules.errors;

/**
 * What makes a shift nonsense, field by field (empty: none). A shift lies within one local day (no night
 * shift crosses midnight: end after start); the grace for coming late and for leaving early together must
 * leave some of the shift (a 60-minute shift with 30 + 30 minutes of grace would count an absent person as
 * present); the minimum hours cannot exceed the shift.
 */
export function shiftProblems(s: ShiftShape): Record<string, string> {
  const problems: Record<string, string> = {};
  if (s.endMinute <= s.startMinute) {
    problems.end = e.endBeforeStart;
    return problems;
  }
  const length = s.endMinute - s.startMinute;
  if (s.lateGraceMinutes + s.earlyGraceMinutes >= length) problems.lateGraceMinutes = e.graceBeyondShift;
  if (s.minWorkMinutes > length) problems.minWorkMinutes = e.minWorkBeyondShift;
  return problems;
}
