import "server-only";
import { findCategoryForAdmin, updateCategoryRow } from "../../db/queries/case-config-admin";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { parseInput } from "../errors";
import { caseDesk } from "../i18n/zh-CN/case-desk";
import { configChange, staleOrGone } from "./rules";
import { UpdateCategoryInput } from "./schemas";

/**
 * Renames a category, sets its default accepting level and urgency, or (de)activates it (case.configure).
 * A deactivated category is no longer offered for new reports; existing cases keep it.
 */
export async function updateCategory({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: UpdateCategoryInput;
}): Promise<{ id: number; version: number }> {
  authorize(ctx, "case.configure");
  const v = parseInput(UpdateCategoryInput, input);
  return configChange(ctx, async (trx) => {
    const before = await findCategoryForAdmin(trx, v.id);
    if (!before) staleOrGone(undefined, caseDesk.config.errors.notFound);
    const updated = await updateCategoryRow(trx, v.id, v.expectedVersion, v);
    if (!updated) staleOrGone(before);
    const snapshot = (c: { name: string; defaultLevel: string; defaultUrgency: string; active: boolean }) => ({
      name: c.name,
      defaultLevel: c.defaultLevel,
      defaultUrgency: c.defaultUrgency,
      active: c.active,
    });
    await recordAudit(trx, ctx, {
      action: "case_config.category.update",
      entity: "case_category",
      entityId: v.id,
      before: { ...snapshot(before), version: before.version },
      after: { ...snapshot(v), version: updated.version },
    });
    return updated;
  });
}
