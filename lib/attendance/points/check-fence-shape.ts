import "server-only";
import type { Database } from "../../../db/client";
import {
  findRegionInScopeById,
  inspectFence,
  type FenceInspection,
  type FenceShapeInput,
} from "../../../db/queries/attendance-point";
import type { Scope } from "../../auth/scope";
import { DomainError } from "../../errors";
import { attendancePoints } from "../../i18n/zh-CN/attendance-points";
import { FENCE_DISTRICT_TOLERANCE_M, fenceProblem } from "./fence-rules";

const e = attendancePoints.fence.errors;

/**
 * The region must lie in the caller's area, and PostGIS must find the drawn shape acceptable (fence-rules.ts):
 * else VALIDATION with the reason on `fence` (or `regionId`). Returns the inspection, whose geometry is stored.
 */
export async function checkFenceShape(
  db: Database,
  scope: Scope,
  regionId: number,
  fence: FenceShapeInput,
): Promise<FenceInspection> {
  if (!(await findRegionInScopeById(db, regionId, scope)))
    throw new DomainError("VALIDATION", e.regionOutside, { details: { regionId: e.regionOutside } });
  // A ring of fewer than 3 distinct corners cannot even be built into a polygon: say so before PostGIS is asked.
  if (fence.shape === "polygon" && new Set(fence.ring.map(([x, y]) => `${x},${y}`)).size < 3)
    throw new DomainError("VALIDATION", e.tooFewPoints, { details: { fence: e.tooFewPoints } });
  const inspection = await inspectFence(db, fence, regionId, FENCE_DISTRICT_TOLERANCE_M);
  const problem = fenceProblem(inspection);
  if (problem) throw new DomainError("VALIDATION", problem, { details: { fence: problem } });
  return inspection;
}
