import "server-only";
import type { Database } from "../../../db/client";
import { findPunchRuleSettings } from "../../../db/queries/attendance-punch";
import type { FenceRuleSettings } from "./fence-verdict";

/**
 * The part of a person's attendance rule a punch needs. Where no rule is configured for them (a new
 * department, a rule not yet drawn up) the column defaults of attendance_rule apply: accuracy up to 200 m, a
 * punch outside the fence allowed with a reason — a missing configuration must not lock people out.
 */
export const DEFAULT_PUNCH_RULE: FenceRuleSettings = { maxAccuracyM: 200, allowOutsideWithReason: true };

export async function resolvePunchRule(
  db: Database,
  staffId: number,
  day: string,
): Promise<FenceRuleSettings & { ruleId: number | null }> {
  const rule = await findPunchRuleSettings(db, staffId, day);
  return rule ?? { ...DEFAULT_PUNCH_RULE, ruleId: null };
}
