import "server-only";
import {
  findRegionsAtPoint,
  searchFenceMembers,
  type AttendancePointMemberRow,
  type RegionChoice,
} from "../../../db/queries/attendance-point";
import { authorize } from "../../auth/authorize";
import type { RequestContext } from "../../context";
import { DomainError } from "../../errors";
import { attendancePoints } from "../../i18n/zh-CN/attendance-points";

const e = attendancePoints.fence.errors;

/**
 * The regions of the caller's area at a point (a drawn fence's centre), widest first: the editor files a new
 * fence under the deepest one and offers the others (attendance.configure).
 */
export async function regionsAtPoint({
  ctx,
  lon,
  lat,
}: {
  ctx: RequestContext;
  lon: unknown;
  lat: unknown;
}): Promise<RegionChoice[]> {
  const scope = authorize(ctx, "attendance.configure");
  const x = Number(lon);
  const y = Number(lat);
  if (
    typeof lon !== "string" ||
    typeof lat !== "string" ||
    !Number.isFinite(x) ||
    !Number.isFinite(y) ||
    Math.abs(x) > 180 ||
    Math.abs(y) > 90
  )
    throw new DomainError("VALIDATION", e.badCoordinate);
  return findRegionsAtPoint(ctx.db, x, y, scope);
}

/** Members to pick: departments and people of the caller's area matching `q` (at most 10 of each). */
export async function searchPointMembers({ ctx, q }: { ctx: RequestContext; q: unknown }): Promise<AttendancePointMemberRow[]> {
  const scope = authorize(ctx, "attendance.configure");
  const text = typeof q === "string" ? q.trim().slice(0, 30) : "";
  if (text.length === 0) return [];
  return searchFenceMembers(ctx.db, text, scope, 10);
}
