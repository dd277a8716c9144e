import "server-only";
import { findCategoryForAdmin, findTimeLimitRow, insertTimeLimit, updateTimeLimit } from "../../db/queries/case-config-admin";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { DomainError, parseInput } from "../errors";
import { caseDesk } from "../i18n/zh-CN/case-desk";
import { configChange, staleOrGone } from "./rules";
import { SaveTimeLimitInput } from "./schemas";

const e = caseDesk.config.errors;

type Row = {
  category_id: number | null;
  urgency: string;
  level: string | null;
  stage: string;
  amount: number;
  unit: string;
  version: number;
};
const snapshot = (r: Row) => ({
  categoryId: r.category_id,
  urgency: r.urgency,
  level: r.level,
  stage: r.stage,
  amount: r.amount,
  unit: r.unit,
  version: r.version,
});

/**
 * Adds a time-limit rule (no id) or changes one (id + expectedVersion) for category? × urgency × level? ×
 * stage (case.configure). A default row (category and level both empty) keeps its key: it may change its
 * amount and unit, never become specific (the defaults must cover every urgency and stage).
 * One row per key (CONFLICT otherwise). New stages are timed by the new limit; running ones keep theirs.
 */
export async function saveTimeLimit({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: SaveTimeLimitInput;
}): Promise<{ id: number; version: number }> {
  authorize(ctx, "case.configure");
  const v = parseInput(SaveTimeLimitInput, input);
  return configChange(
    ctx,
    async (trx) => {
      if (v.categoryId !== null && !(await findCategoryForAdmin(trx, v.categoryId)))
        throw new DomainError("VALIDATION", e.categoryNotFound, { details: { categoryId: e.categoryNotFound } });
      const values = {
        categoryId: v.categoryId,
        urgency: v.urgency,
        level: v.level,
        stage: v.stage,
        amount: v.amount,
        unit: v.unit,
      };
      if (v.id === undefined) {
        const created = await insertTimeLimit(trx, values);
        await recordAudit(trx, ctx, {
          action: "case_config.time_limit.create",
          entity: "time_limit_rule",
          entityId: created.id,
          after: snapshot(created),
        });
        return { id: created.id, version: created.version };
      }
      const before = await findTimeLimitRow(trx, v.id);
      if (!before) staleOrGone(undefined, e.notFound);
      const isDefault = before.category_id === null && before.level === null;
      if (isDefault && (v.categoryId !== null || v.level !== null || v.urgency !== before.urgency || v.stage !== before.stage)) {
        throw new DomainError("VALIDATION", e.defaultLimitDelete, { details: { categoryId: e.defaultLimitDelete } });
      }
      const updated = await updateTimeLimit(trx, v.id, v.expectedVersion!, values);
      if (!updated) staleOrGone(before);
      await recordAudit(trx, ctx, {
        action: "case_config.time_limit.update",
        entity: "time_limit_rule",
        entityId: v.id,
        before: snapshot(before),
        after: snapshot(updated),
      });
      return { id: updated.id, version: updated.version };
    },
    e.duplicateLimit,
  );
}
