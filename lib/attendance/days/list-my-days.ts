import "server-only";
import { findStaffDays } from "../../../db/queries/attendance-days";
import { findRequestsOfStaff, findStaffOfUser } from "../../../db/queries/attendance-request";
import { authorize } from "../../auth/authorize";
import type { RequestContext } from "../../context";
import { DomainError } from "../../errors";
import { attendanceDays } from "../../i18n/zh-CN/attendance-days";
import { toDayDto, toRequestDto, type AttendanceDayDto, type AttendanceRequestDto } from "./dto";
import { monthRange } from "./month-range";

/** One's own days of a month and one's requests (attendance.self): nobody else's, so nothing to log. */
export async function listMyDays({ ctx, input }: { ctx: RequestContext; input: { month: string } }): Promise<{
  staffName: string;
  month: string;
  days: AttendanceDayDto[];
  requests: AttendanceRequestDto[];
}> {
  authorize(ctx, "attendance.self");
  const staff = ctx.actor.userId === null ? undefined : await findStaffOfUser(ctx.db, ctx.actor.userId);
  if (!staff) throw new DomainError("FORBIDDEN", attendanceDays.errors.noStaffRecord);
  const { from, to } = monthRange(input.month);
  const [days, requests] = await Promise.all([findStaffDays(ctx.db, staff.id, from, to), findRequestsOfStaff(ctx.db, staff.id)]);
  return { staffName: staff.name, month: input.month, days: days.map(toDayDto), requests: requests.map(toRequestDto) };
}
