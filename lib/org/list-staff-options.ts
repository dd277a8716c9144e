import "server-only";
import { findDepartments, findPositions, findRanks } from "../../db/queries/department";
import { inScope } from "../../db/queries/scope";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { wrapDatabaseError } from "../errors";
import { beijingDay } from "../format/time";
import { buildDepartmentTree, flattenTree } from "./department-tree";
import type { StaffOptionsDto } from "./dto";

/**
 * The choices of the staff filters and forms: the area's departments in tree order (with their depth, for
 * indenting), and every position and rank (the organisation's own lists, not personal data).
 */
export async function listStaffOptions({ ctx, now = new Date() }: { ctx: RequestContext; now?: Date }): Promise<StaffOptionsDto> {
  const scope = authorize(ctx, "staff.read");
  const today = beijingDay(now);
  try {
    return await inScope(ctx.db, scope, async (trx) => {
      const departments = await findDepartments(trx, scope, today);
      const positions = await findPositions(trx);
      const ranks = await findRanks(trx);
      const depth = new Map<number, number>();
      const ordered = flattenTree(buildDepartmentTree(departments));
      for (const d of ordered) depth.set(d.id, d.parentId !== null && depth.has(d.parentId) ? depth.get(d.parentId)! + 1 : 0);
      return {
        departments: ordered.map((d) => ({
          id: d.id,
          code: d.code,
          name: d.name,
          depth: depth.get(d.id) ?? 0,
          regionId: d.regionId,
        })),
        positions: positions.map((p) => ({ id: p.id, code: p.code, name: p.name, gridRole: p.gridRole })),
        ranks: ranks.map((r) => ({ id: r.id, code: r.code, name: r.name })),
      };
    });
  } catch (e) {
    throw wrapDatabaseError(e);
  }
}
