import "server-only";
import type { Database } from "../../db/client";
import {
  findActiveUnitIds,
  findCategoryForAdmin,
  findRegionInScope,
  findRoutingRuleRow,
  insertRoutingRule,
  updateRoutingRule,
} from "../../db/queries/case-config-admin";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import type { Scope } from "../auth/scope";
import type { RequestContext } from "../context";
import { DomainError, parseInput } from "../errors";
import { caseDesk } from "../i18n/zh-CN/case-desk";
import { configChange, staleOrGone } from "./rules";
import { SaveRoutingRuleInput } from "./schemas";

const e = caseDesk.config.errors;

const snapshot = (r: {
  category_id: number;
  region_id: number;
  lead_unit_id: number;
  co_unit_ids: number[];
  auto_dispatch: boolean;
  version: number;
}) => ({
  categoryId: r.category_id,
  regionId: r.region_id,
  leadUnitId: r.lead_unit_id,
  coUnitIds: r.co_unit_ids,
  autoDispatch: r.auto_dispatch,
  version: r.version,
});

/**
 * Adds a routing rule (no id) or changes one (id + expectedVersion): category × region → lead unit and
 * co-units, dispatching by itself or only proposing (case.configure). The region must lie inside the
 * configurer's area, the units must be active; one rule per category and region (CONFLICT otherwise).
 */
export async function saveRoutingRule({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: SaveRoutingRuleInput;
}): Promise<{ id: number; version: number }> {
  const scope = authorize(ctx, "case.configure");
  const v = parseInput(SaveRoutingRuleInput, input);
  return configChange(
    ctx,
    async (trx) => {
      await checkReferences(trx, scope, v);
      const values = {
        categoryId: v.categoryId,
        regionId: v.regionId,
        leadUnitId: v.leadUnitId,
        coUnitIds: v.coUnitIds,
        autoDispatch: v.autoDispatch,
      };
      if (v.id === undefined) {
        const created = await insertRoutingRule(trx, values);
        await recordAudit(trx, ctx, {
          action: "case_config.routing_rule.create",
          entity: "routing_rule",
          entityId: created.id,
          after: snapshot(created),
        });
        return { id: created.id, version: created.version };
      }
      const before = await findRoutingRuleRow(trx, v.id);
      // A rule outside the configurer's area is treated as missing.
      if (!before || !(await findRegionInScope(trx, before.region_id, scope))) staleOrGone(undefined, e.notFound);
      const updated = await updateRoutingRule(trx, v.id, v.expectedVersion!, values);
      if (!updated) staleOrGone(before);
      await recordAudit(trx, ctx, {
        action: "case_config.routing_rule.update",
        entity: "routing_rule",
        entityId: v.id,
        before: snapshot(before),
        after: snapshot(updated),
      });
      return { id: updated.id, version: updated.version };
    },
    e.duplicateRule,
  );
}

async function checkReferences(
  trx: Database,
  scope: Scope,
  v: { categoryId: number; regionId: number; leadUnitId: number; coUnitIds: number[] },
) {
  if (!(await findCategoryForAdmin(trx, v.categoryId)))
    throw new DomainError("VALIDATION", e.categoryNotFound, { details: { categoryId: e.categoryNotFound } });
  if (!(await findRegionInScope(trx, v.regionId, scope)))
    throw new DomainError("VALIDATION", e.regionOutside, { details: { regionId: e.regionOutside } });
  const active = new Set(await findActiveUnitIds(trx, [v.leadUnitId, ...v.coUnitIds]));
  if (!active.has(v.leadUnitId)) throw new DomainError("VALIDATION", e.unitInactive, { details: { leadUnitId: e.unitInactive } });
  if (v.coUnitIds.some((id) => !active.has(id)))
    throw new DomainError("VALIDATION", e.unitInactive, { details: { coUnitIds: e.unitInactive } });
}
