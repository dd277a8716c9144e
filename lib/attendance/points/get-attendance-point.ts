import "server-only";
import { findAttendancePointInScope, findAttendancePointMembers } from "../../../db/queries/attendance-point";
import { authorize } from "../../auth/authorize";
import type { RequestContext } from "../../context";
import { DomainError } from "../../errors";
import { parseId } from "../../id";
import { attendancePoints } from "../../i18n/zh-CN/attendance-points";
import { toAttendancePointDto, type AttendancePointDetailDto } from "./point-dto";

/** One attendance point with whom it serves, if its region lies in the caller's area (attendance.configure). */
export async function getAttendancePoint({ ctx, id }: { ctx: RequestContext; id: unknown }): Promise<AttendancePointDetailDto> {
  const scope = authorize(ctx, "attendance.configure");
  const pointId = parseId(id, "bigint");
  const row = pointId === null ? undefined : await findAttendancePointInScope(ctx.db, pointId, scope);
  if (!row) throw new DomainError("NOT_FOUND", attendancePoints.fence.errors.notFound);
  return { ...toAttendancePointDto(row), members: await findAttendancePointMembers(ctx.db, row.id) };
}
