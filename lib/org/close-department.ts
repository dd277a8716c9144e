import "server-only";
import { countDepartmentDependents, findDepartmentById, updateDepartment } from "../../db/queries/department";
import { inScope } from "../../db/queries/scope";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { DomainError, parseInput, wrapDatabaseError } from "../errors";
import { beijingDay } from "../format/time";
import { org } from "../i18n/zh-CN/org";
import { CloseDepartmentInput } from "./schemas";

const e = org.department.errors;

/**
 * 撤销部门 (staff.manage): the department ends on `validTo` (it stays in the history: job rows keep naming
 * it). Refused while open departments sit below it or people in service belong to it on that day.
 */
export async function closeDepartment({
  ctx,
  input,
  now = new Date(),
}: {
  ctx: RequestContext;
  input: CloseDepartmentInput;
  now?: Date;
}): Promise<{ id: number }> {
  const scope = authorize(ctx, "staff.manage");
  const v = parseInput(CloseDepartmentInput, input);
  try {
    return await inScope(ctx.db, scope, async (trx) => {
      const before = await findDepartmentById(trx, v.id, scope, beijingDay(now));
      if (!before) throw new DomainError("NOT_FOUND", e.notFound);
      if (before.validTo !== null) throw new DomainError("CONFLICT", e.alreadyClosed);
      if (v.validTo <= before.validFrom)
        throw new DomainError("VALIDATION", e.closeBeforeStart, { details: { validTo: e.closeBeforeStart } });
      const { children, staff } = await countDepartmentDependents(trx, v.id, v.validTo);
      if (children > 0) throw new DomainError("CONFLICT", e.hasChildren(children));
      if (staff > 0) throw new DomainError("CONFLICT", e.hasStaff(staff));
      await updateDepartment(trx, v.id, { validTo: v.validTo });
      await recordAudit(trx, ctx, {
        action: "department.close",
        entity: "department",
        entityId: v.id,
        before: { validTo: null },
        after: { validTo: v.validTo },
      });
      return { id: v.id };
    });
  } catch (error) {
    throw wrapDatabaseError(error);
  }
}
