import "server-only";
import type { Database } from "../../db/client";
import { findDepartmentById, findDepartmentSubtreeIds } from "../../db/queries/department";
import type { StaffListQuery } from "../../db/queries/staff";
import type { Scope } from "../auth/scope";
import { DomainError } from "../errors";
import { org } from "../i18n/zh-CN/org";
import type { StaffFilter } from "./schemas";

/**
 * The parsed filters as a query for `scope`: a named department must lie inside the area (NOT_FOUND
 * otherwise, the same answer as one that does not exist) and stands for its whole subtree. Shared by the
 * list and the export, so both always show the same people.
 */
export async function resolveStaffQuery(db: Database, scope: Scope, filter: StaffFilter, today: string): Promise<StaffListQuery> {
  let departmentIds: number[] | undefined;
  if (filter.department !== undefined) {
    const department = await findDepartmentById(db, filter.department, scope, today);
    if (!department)
      throw new DomainError("NOT_FOUND", org.department.errors.notFound, {
        details: { department: org.department.errors.notFound },
      });
    departmentIds = await findDepartmentSubtreeIds(db, department.id);
  }
  return {
    scope,
    today,
    departmentIds,
    positionId: filter.position,
    rankId: filter.rank,
    gridRole: filter.gridRole,
    status: filter.status,
    q: filter.q,
  };
}
