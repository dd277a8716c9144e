import "server-only";
import { deleteRoutingRule as deleteRow, findRegionInScope, findRoutingRuleRow } from "../../db/queries/case-config-admin";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { parseInput } from "../errors";
import { caseDesk } from "../i18n/zh-CN/case-desk";
import { configChange, staleOrGone } from "./rules";
import { DeleteVersionedInput } from "./schemas";

/** Deletes a routing rule of the configurer's area at the version the editor saw (case.configure). */
export async function deleteRoutingRule({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: DeleteVersionedInput;
}): Promise<{ id: number }> {
  const scope = authorize(ctx, "case.configure");
  const { id, expectedVersion } = parseInput(DeleteVersionedInput, input);
  return configChange(ctx, async (trx) => {
    const before = await findRoutingRuleRow(trx, id);
    if (!before || !(await findRegionInScope(trx, before.region_id, scope)))
      staleOrGone(undefined, caseDesk.config.errors.notFound);
    const deleted = await deleteRow(trx, id, expectedVersion);
    if (!deleted) staleOrGone(before);
    await recordAudit(trx, ctx, {
      action: "case_config.routing_rule.delete",
      entity: "routing_rule",
      entityId: id,
      before: {
        categoryId: deleted.category_id,
        regionId: deleted.region_id,
        leadUnitId: deleted.lead_unit_id,
        coUnitIds: deleted.co_unit_ids,
        autoDispatch: deleted.auto_dispatch,
        version: deleted.version,
      },
    });
    return { id };
  });
}
