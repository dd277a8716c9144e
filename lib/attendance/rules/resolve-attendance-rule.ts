import type { Database } from "../../../db/client";
import { findRuleInForce } from "../../../db/queries/attendance-rule";
import { attendancePoints } from "../../i18n/zh-CN/attendance-points";
import { DEFAULT_ATTENDANCE_RULE } from "./default-attendance-rule";

/**
 * Where the rule came from: the person's own rule, their department's, an ancestor department's (the nearest
 * one with a rule in force), or the documented default (DEFAULT_ATTENDANCE_RULE) when none applies.
 */
export type AttendanceRuleSource = "person" | "department" | "ancestor" | "default";

export type ResolvedAttendanceRule = {
  source: AttendanceRuleSource;
  /** The attendance_rule row; null for the default. */
  ruleId: number | null;
  name: string;
  /** The department the person belonged to on that day (staff_job), null for an unknown person. */
  departmentId: number | null;
  /** The department holding the rule (source department/ancestor), else null. */
  ruleDepartmentId: number | null;
  /** Shift start and end, minutes after local midnight (end > start: no shift crosses midnight). */
  startMinute: number;
  endMinute: number;
  lateGraceMinutes: number;
  earlyGraceMinutes: number;
  minWorkMinutes: number;
  requiredPatrols: number;
  allowOutsideWithReason: boolean;
  maxAccuracyM: number;
};

/**
 * The attendance rule in force for a person on a local day ("YYYY-MM-DD"). Order: the person's own rule wins
 * over their department's, then the nearest ancestor department's; none → DEFAULT_ATTENDANCE_RULE. The
 * department is the one the person belonged to that day (effective-dated staff_job), so a transfer changes the
 * rule from its effective date on. Whether the day is worked at all is the calendar's answer, not the rule's
 * (lib/case/working-calendar.ts over calendar_day).
 */
export async function resolveAttendanceRule(db: Database, staffId: number, day: string): Promise<ResolvedAttendanceRule> {
  const { rule, departmentId } = await findRuleInForce(db, staffId, day);
  if (!rule) {
    return {
      source: "default",
      ruleId: null,
      name: attendancePoints.rules.defaultRuleName,
      departmentId,
      ruleDepartmentId: null,
      ...DEFAULT_ATTENDANCE_RULE,
    };
  }
  return {
    source: rule.depth < 0 ? "person" : rule.depth === 0 ? "department" : "ancestor",
    ruleId: rule.id,
    name: rule.name,
    departmentId,
    ruleDepartmentId: rule.departmentId,
    startMinute: rule.startMinute,
    endMinute: rule.endMinute,
    lateGraceMinutes: rule.lateGraceMinutes,
    earlyGraceMinutes: rule.earlyGraceMinutes,
    minWorkMinutes: rule.minWorkMinutes,
    requiredPatrols: rule.requiredPatrols,
    allowOutsideWithReason: rule.allowOutsideWithReason,
    maxAccuracyM: rule.maxAccuracyM,
  };
}
