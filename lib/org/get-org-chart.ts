import "server-only";
import { findDepartments } from "../../db/queries/department";
import { inScope } from "../../db/queries/scope";
import { authorize, can } from "../auth/authorize";
import type { RequestContext } from "../context";
import { wrapDatabaseError } from "../errors";
import { beijingDay } from "../format/time";
import { buildDepartmentTree } from "./department-tree";
import type { OrgChartDto } from "./dto";
import { toDepartmentNodeDto } from "./to-dto";

/**
 * 组织架构: the departments of the caller's area in force today as a tree, each with its in-service staff
 * count and the count of its whole subtree. No personal data (names of people are not read).
 */
export async function getOrgChart({ ctx, now = new Date() }: { ctx: RequestContext; now?: Date }): Promise<OrgChartDto> {
  const scope = authorize(ctx, "staff.read");
  const today = beijingDay(now);
  try {
    const rows = await inScope(ctx.db, scope, (trx) => findDepartments(trx, scope, today));
    const roots = buildDepartmentTree(rows).map(toDepartmentNodeDto);
    return {
      roots,
      departmentCount: rows.length,
      staffCount: roots.reduce((sum, r) => sum + r.subtreeCount, 0),
      canManage: can(ctx, "staff.manage"),
    };
  } catch (e) {
    throw wrapDatabaseError(e);
  }
}
