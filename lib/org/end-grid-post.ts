import "server-only";
import { findPostById, setGridPostEnd } from "../../db/queries/grid-post";
import { inScope } from "../../db/queries/scope";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { DomainError, parseInput, wrapDatabaseError } from "../errors";
import { org } from "../i18n/zh-CN/org";
import { EndGridPostInput } from "./schemas";
import { staffConstraintError } from "./staff-rules";

const e = org.errors;

/**
 * 结束网格职务 (staff.manage): the post ends on `validTo` (exclusive: the first day without it). An ended post
 * may be ended earlier, never later (that would be a new post). Audited.
 */
export async function endGridPost({ ctx, input }: { ctx: RequestContext; input: EndGridPostInput }): Promise<{ id: number }> {
  const scope = authorize(ctx, "staff.manage");
  const v = parseInput(EndGridPostInput, input);
  try {
    return await inScope(ctx.db, scope, async (trx) => {
      const post = await findPostById(trx, v.id, scope);
      if (!post) throw new DomainError("NOT_FOUND", e.postNotFound);
      if (v.validTo <= post.validFrom)
        throw new DomainError("VALIDATION", e.postEndBeforeStart, { details: { validTo: e.postEndBeforeStart } });
      if (post.validTo !== null && post.validTo <= v.validTo)
        throw new DomainError("CONFLICT", e.postAlreadyEnded, { details: { validTo: e.postAlreadyEnded } });
      await setGridPostEnd(trx, v.id, v.validTo);
      await recordAudit(trx, ctx, {
        action: "grid_post.end",
        entity: "grid_post",
        entityId: v.id,
        before: { validTo: post.validTo },
        after: { validTo: v.validTo, staffId: post.staffId, regionId: post.regionId, gridRole: post.gridRole },
      });
      return { id: v.id };
    });
  } catch (error) {
    throw wrapDatabaseError(staffConstraintError(error));
  }
}
