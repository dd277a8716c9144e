import "server-only";
import { findRegionById } from "../../db/queries/region";
import { insertGridPost } from "../../db/queries/grid-post";
import { findStaffDetail } from "../../db/queries/staff";
import { inScope } from "../../db/queries/scope";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { DomainError, parseInput, wrapDatabaseError } from "../errors";
import { beijingDay } from "../format/time";
import { org } from "../i18n/zh-CN/org";
import { AssignGridPostInput } from "./schemas";
import { staffConstraintError } from "./staff-rules";

const e = org.errors;

/**
 * 任命网格职务 (staff.manage): a person of the area takes a region of the area in a grid role from a day
 * (until a day or further notice). A 专职网格员 only on a basic grid; the database refuses a second 专职网格员
 * on one grid for an overlapping period, answered 409 「该网格在这段时间已有专职网格员…」. Audited.
 */
export async function assignGridPost({
  ctx,
  input,
  now = new Date(),
}: {
  ctx: RequestContext;
  input: AssignGridPostInput;
  now?: Date;
}): Promise<{ id: number }> {
  const scope = authorize(ctx, "staff.manage");
  const v = parseInput(AssignGridPostInput, input);
  try {
    return await inScope(ctx.db, scope, async (trx) => {
      const person = await findStaffDetail(trx, v.staffId, scope, beijingDay(now));
      if (!person) throw new DomainError("NOT_FOUND", org.staff.notFound);
      if (person.leaveDate !== null && person.leaveDate <= v.validFrom)
        throw new DomainError("VALIDATION", e.staffLeft, { details: { staffId: e.staffLeft } });
      const region = await findRegionById(trx, v.regionId, scope);
      if (!region) throw new DomainError("NOT_FOUND", e.regionNotFound, { details: { regionId: e.regionNotFound } });
      if (v.gridRole === "full_time" && region.level !== 4)
        throw new DomainError("VALIDATION", e.fullTimeOnBasicGrid, { details: { regionId: e.fullTimeOnBasicGrid } });
      const id = await insertGridPost(trx, { ...v, validTo: v.validTo ?? null });
      await recordAudit(trx, ctx, {
        action: "grid_post.assign",
        entity: "grid_post",
        entityId: id,
        after: {
          staffId: v.staffId,
          regionId: v.regionId,
          gridRole: v.gridRole,
          validFrom: v.validFrom,
          validTo: v.validTo ?? null,
        },
      });
      return { id };
    });
  } catch (error) {
    throw wrapDatabaseError(staffConstraintError(error));
  }
}
