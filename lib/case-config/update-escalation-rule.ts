import "server-only";
import { findEscalationRuleRow, updateEscalationRule as updateRow } from "../../db/queries/case-config-admin";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { parseInput } from "../errors";
import { caseDesk } from "../i18n/zh-CN/case-desk";
import { configChange, staleOrGone } from "./rules";
import { UpdateEscalationRuleInput } from "./schemas";

/**
 * Changes what happens when a level's case turns red (case.configure): rise one level by itself, and which
 * level's screen gets the red warning (红灯预警) — the level itself or one above, never below; the
 * district has nothing above it, so it never rises by itself.
 */
export async function updateEscalationRule({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: UpdateEscalationRuleInput;
}): Promise<{ level: string; version: number }> {
  authorize(ctx, "case.configure");
  const v = parseInput(UpdateEscalationRuleInput, input);
  return configChange(ctx, async (trx) => {
    const before = await findEscalationRuleRow(trx, v.level);
    if (!before) staleOrGone(undefined, caseDesk.config.errors.notFound);
    const updated = await updateRow(trx, v.level, v.expectedVersion, { autoOnRed: v.autoOnRed, notifyLevel: v.notifyLevel });
    if (!updated) staleOrGone(before);
    await recordAudit(trx, ctx, {
      action: "case_config.escalation_rule.update",
      entity: "escalation_rule",
      entityId: v.level,
      before,
      after: updated,
    });
    return { level: updated.level, version: updated.version };
  });
}
