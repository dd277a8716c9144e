/**
 * The rule a person works under when no rule is set for them, their department or any department above it.
 * Documented in one place so punches and daily results agree:
 * - 09:00–17:00 (the 8-hour day, the same block as the case calendar's DEFAULT_WORKING_HOURS), 5 minutes of
 *   grace for coming late and for leaving early, 480 minutes (8 h) of work required;
 * - no required patrols: 一日双巡 is a grid worker's duty and is set by the grid offices' rules, so a person
 *   outside any rule is not marked short of patrols;
 * - a punch outside the fence is allowed with a reason (flagged for review), GPS accuracy worse than 200 m is
 *   refused — the same values as the attendance_rule column defaults.
 * Rest days are not part of a rule: they come from the working calendar the cases use (calendar_day).
 */
export const DEFAULT_ATTENDANCE_RULE = {
  startMinute: 9 * 60,
  endMinute: 17 * 60,
  lateGraceMinutes: 5,
  earlyGraceMinutes: 5,
  minWorkMinutes: 480,
  requiredPatrols: 0,
  allowOutsideWithReason: true,
  maxAccuracyM: 200,
} as const;
