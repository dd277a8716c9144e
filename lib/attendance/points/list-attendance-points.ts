import "server-only";
import { listAttendancePointsInScope } from "../../../db/queries/attendance-point";
import { authorize } from "../../auth/authorize";
import type { RequestContext } from "../../context";
import { parseInput } from "../../errors";
import { toAttendancePointDto, type AttendancePointDto } from "./point-dto";
import { ListAttendancePointsInput } from "./schemas";

/** Points per page of the list. */
export const POINT_PAGE_SIZE = 50;

/**
 * The attendance points of the caller's area (attendance.configure), newest first, filtered by name, region
 * (and the regions below it), shape and status; keyset pages (`next` is the `before` of the next page).
 */
export async function listAttendancePoints({
  ctx,
  input = {},
}: {
  ctx: RequestContext;
  input?: ListAttendancePointsInput;
}): Promise<{ items: AttendancePointDto[]; next: number | null }> {
  const scope = authorize(ctx, "attendance.configure");
  const v = parseInput(ListAttendancePointsInput, input);
  const rows = await listAttendancePointsInScope(ctx.db, scope, {
    q: v.q,
    regionId: v.regionId,
    shape: v.shape,
    active: v.status === "all" ? undefined : v.status === "active",
    before: v.before,
    limit: POINT_PAGE_SIZE + 1,
  });
  const items = rows.slice(0, POINT_PAGE_SIZE).map(toAttendancePointDto);
  return { items, next: rows.length > POINT_PAGE_SIZE ? items.at(-1)!.id : null };
}
