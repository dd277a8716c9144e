import "server-only";
import { departmentCodeExists, findDepartmentById, insertDepartment } from "../../db/queries/department";
import { findRegionById } from "../../db/queries/region";
import { inScope } from "../../db/queries/scope";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { DomainError, parseInput, wrapDatabaseError } from "../errors";
import { beijingDay } from "../format/time";
import { org } from "../i18n/zh-CN/org";
import { CreateDepartmentInput } from "./schemas";

const e = org.department.errors;

/**
 * 新建部门 (staff.manage): a department on a region of the caller's area, its level (纵向) that of the region,
 * under a parent of the area whose level is not below it. Codes are unique across the district. Audited.
 */
export async function createDepartment({
  ctx,
  input,
  now = new Date(),
}: {
  ctx: RequestContext;
  input: CreateDepartmentInput;
  now?: Date;
}): Promise<{ id: number }> {
  const scope = authorize(ctx, "staff.manage");
  const v = parseInput(CreateDepartmentInput, input);
  const today = beijingDay(now);
  try {
    return await inScope(ctx.db, scope, async (trx) => {
      const region = await findRegionById(trx, v.regionId, scope);
      if (!region) throw new DomainError("VALIDATION", e.regionNotFound, { details: { regionId: e.regionNotFound } });
      if (v.parentId !== undefined) {
        const parent = await findDepartmentById(trx, v.parentId, scope, today);
        if (!parent || (parent.validTo !== null && parent.validTo <= today))
          throw new DomainError("VALIDATION", e.parentNotFound, { details: { parentId: e.parentNotFound } });
        if (parent.level > region.level)
          throw new DomainError("VALIDATION", e.levelBelowParent, { details: { regionId: e.levelBelowParent } });
      }
      if (await departmentCodeExists(trx, v.code))
        throw new DomainError("CONFLICT", e.codeTaken, { details: { code: e.codeTaken } });
      const values = {
        code: v.code,
        name: v.name,
        kind: v.kind,
        level: region.level,
        parentId: v.parentId ?? null,
        regionId: region.id,
        sortOrder: v.sortOrder,
        validFrom: v.validFrom ?? today,
      };
      const id = await insertDepartment(trx, values);
      await recordAudit(trx, ctx, { action: "department.create", entity: "department", entityId: id, after: values });
      return { id };
    });
  } catch (error) {
    if ((error as { code?: string } | null)?.code === "23505")
      throw new DomainError("CONFLICT", e.codeTaken, { cause: error, details: { code: e.codeTaken } });
    throw wrapDatabaseError(error);
  }
}
