import "server-only";
import { findRequestsInScope } from "../../../db/queries/attendance-request";
import { authorize } from "../../auth/authorize";
import type { RequestContext } from "../../context";
import { toRequestDto, type AttendanceRequestDto } from "./dto";

/** The lead's queue: requests of the people in the area (attendance.approve), pending first; never the lead's own. */
export async function listRequestQueue({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: { all: boolean };
}): Promise<AttendanceRequestDto[]> {
  const scope = authorize(ctx, "attendance.approve");
  const rows = await findRequestsInScope(ctx.db, scope, { pendingOnly: !input.all, excludeUserId: ctx.actor.userId });
  return rows.map(toRequestDto);
}
