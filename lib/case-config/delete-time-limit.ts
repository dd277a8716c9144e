import "server-only";
import { deleteTimeLimit as deleteRow, findTimeLimitRow } from "../../db/queries/case-config-admin";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { DomainError, parseInput } from "../errors";
import { caseDesk } from "../i18n/zh-CN/case-desk";
import { configChange, staleOrGone } from "./rules";
import { DeleteVersionedInput } from "./schemas";

const e = caseDesk.config.errors;

/** Deletes a specific time-limit rule (case.configure); the default rows stay (they may only be changed). */
export async function deleteTimeLimit({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: DeleteVersionedInput;
}): Promise<{ id: number }> {
  authorize(ctx, "case.configure");
  const { id, expectedVersion } = parseInput(DeleteVersionedInput, input);
  return configChange(ctx, async (trx) => {
    const before = await findTimeLimitRow(trx, id);
    if (!before) staleOrGone(undefined, e.notFound);
    if (before.category_id === null && before.level === null)
      throw new DomainError("VALIDATION", e.defaultLimitDelete, { details: { id: e.defaultLimitDelete } });
    const deleted = await deleteRow(trx, id, expectedVersion);
    if (!deleted) staleOrGone(before);
    await recordAudit(trx, ctx, {
      action: "case_config.time_limit.delete",
      entity: "time_limit_rule",
      entityId: id,
      before: {
        categoryId: deleted.category_id,
        urgency: deleted.urgency,
        level: deleted.level,
        stage: deleted.stage,
        amount: deleted.amount,
        unit: deleted.unit,
        version: deleted.version,
      },
    });
    return { id };
  });
}
