import "server-only";
import { findDepartmentById, findDepartmentSubtreeIds, updateDepartment as writeDepartment } from "../../db/queries/department";
import { inScope } from "../../db/queries/scope";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { DomainError, parseInput, wrapDatabaseError } from "../errors";
import { beijingDay } from "../format/time";
import { org } from "../i18n/zh-CN/org";
import { UpdateDepartmentInput } from "./schemas";

const e = org.department.errors;

/**
 * 编辑部门 (staff.manage): name, kind, order, or a new parent of the area (never itself or one of its own
 * subtree, never a parent of a lower level). Audited with before and after.
 */
export async function updateDepartment({
  ctx,
  input,
  now = new Date(),
}: {
  ctx: RequestContext;
  input: UpdateDepartmentInput;
  now?: Date;
}): Promise<{ id: number }> {
  const scope = authorize(ctx, "staff.manage");
  const v = parseInput(UpdateDepartmentInput, input);
  const today = beijingDay(now);
  try {
    return await inScope(ctx.db, scope, async (trx) => {
      const before = await findDepartmentById(trx, v.id, scope, today);
      if (!before) throw new DomainError("NOT_FOUND", e.notFound);
      if (v.parentId !== undefined && v.parentId !== null && v.parentId !== before.parentId) {
        const parent = await findDepartmentById(trx, v.parentId, scope, today);
        if (!parent) throw new DomainError("VALIDATION", e.parentNotFound, { details: { parentId: e.parentNotFound } });
        if ((await findDepartmentSubtreeIds(trx, v.id)).includes(parent.id))
          throw new DomainError("VALIDATION", e.parentCycle, { details: { parentId: e.parentCycle } });
        if (parent.level > before.level)
          throw new DomainError("VALIDATION", e.levelBelowParent, { details: { parentId: e.levelBelowParent } });
      }
      const patch = { name: v.name, kind: v.kind, parentId: v.parentId, sortOrder: v.sortOrder };
      await writeDepartment(trx, v.id, patch);
      await recordAudit(trx, ctx, {
        action: "department.update",
        entity: "department",
        entityId: v.id,
        before: { name: before.name, kind: before.kind, parentId: before.parentId, sortOrder: before.sortOrder },
        after: {
          name: v.name ?? before.name,
          kind: v.kind ?? before.kind,
          parentId: v.parentId === undefined ? before.parentId : v.parentId,
          sortOrder: v.sortOrder ?? before.sortOrder,
        },
      });
      return { id: v.id };
    });
  } catch (error) {
    throw wrapDatabaseError(error);
  }
}
