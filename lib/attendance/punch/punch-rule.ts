import "server-only";
import type { Database } from "../../../db/client";
import { resolveAttendanceRule } from "../rules/resolve-attendance-rule";
import type { FenceRuleSettings } from "./fence-verdict";

/**
 * The part of a person's attendance rule in force on `day` that a punch needs (the one resolution of rules:
 * lib/attendance/rules; with no rule configured its documented default applies, so a missing configuration
 * never locks people out).
 */
export async function resolvePunchRule(
  db: Database,
  staffId: number,
  day: string,
): Promise<FenceRuleSettings & { ruleId: number | null; requiredPatrols: number }> {
  const rule = await resolveAttendanceRule(db, staffId, day);
  return {
    ruleId: rule.ruleId,
    requiredPatrols: rule.requiredPatrols,
    maxAccuracyM: rule.maxAccuracyM,
    allowOutsideWithReason: rule.allowOutsideWithReason,
  };
}
