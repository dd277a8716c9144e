import "server-only";
import {
  findOverlappingLeave,
  findStaffOfUser,
  hasPendingCorrection,
  insertAttendanceRequest,
  isMonthLocked,
  type AttendanceRequestRow,
} from "../../../db/queries/attendance-request";
import { recordAudit } from "../../audit/record-audit";
import { authorize } from "../../auth/authorize";
import { loadCaseConfig } from "../../case/case-config";
import { addDays, localDateKey } from "../../case/working-calendar";
import type { RequestContext } from "../../context";
import { DomainError, parseInput } from "../../errors";
import { attendanceDays } from "../../i18n/zh-CN/attendance-days";
import { SubmitRequestInput } from "./schemas";

const e = attendanceDays.errors;
/** How far back a correction or a leave may reach: two months covers the report of the month before. */
const MAX_PAST_DAYS = 60;
const MAX_LEAVE_DAYS = 90;

/**
 * A person asks for a correction (补卡: a punch they missed, with its time) or for leave, with a reason
 * (attendance.self; for oneself only). Refused: a correction for today's future or a later day, a day more than
 * 60 days back, a month whose report is confirmed (locked), a second pending correction of the same punch, leave
 * overlapping pending or approved leave. Audited.
 */
export async function submitAttendanceRequest({
  ctx,
  input,
  now = new Date(),
}: {
  ctx: RequestContext;
  input: SubmitRequestInput;
  now?: Date;
}): Promise<AttendanceRequestRow> {
  authorize(ctx, "attendance.self");
  const v = parseInput(SubmitRequestInput, input);
  const staff = ctx.actor.userId === null ? undefined : await findStaffOfUser(ctx.db, ctx.actor.userId);
  if (!staff) throw new DomainError("FORBIDDEN", e.noStaffRecord);
  const { calendar } = await loadCaseConfig(ctx.db);
  const today = localDateKey(now, calendar);
  if (v.day < addDays(today, -MAX_PAST_DAYS)) {
    throw new DomainError("VALIDATION", v.kind === "correction" ? e.correctionTooOld : e.leaveTooEarly, { details: { day: "" } });
  }
  return ctx.db.transaction().execute(async (trx) => {
    let punchAt: string | null = null;
    if (v.kind === "correction") {
      if (v.day > today) throw new DomainError("VALIDATION", e.futureCorrection, { details: { day: e.futureCorrection } });
      const at = new Date(`${v.day}T${v.time}:00+08:00`);
      if (at.getTime() > now.getTime())
        throw new DomainError("VALIDATION", e.punchNotOnDay, { details: { time: e.punchNotOnDay } });
      punchAt = at.toISOString();
      if (await hasPendingCorrection(trx, staff.id, v.day, v.punchKind)) throw new DomainError("CONFLICT", e.duplicateCorrection);
    } else {
      if (v.untilDay < v.day) throw new DomainError("VALIDATION", e.badDay, { details: { untilDay: e.badDay } });
      if (v.untilDay > addDays(v.day, MAX_LEAVE_DAYS - 1)) {
        throw new DomainError("VALIDATION", e.leaveTooLong, { details: { untilDay: e.leaveTooLong } });
      }
      const overlap = await findOverlappingLeave(trx, staff.id, v.day, v.untilDay);
      if (overlap) throw new DomainError("CONFLICT", e.leaveOverlap(overlap.day, overlap.until));
    }
    const lastDay = v.kind === "leave" ? v.untilDay : v.day;
    for (const d of [v.day, lastDay]) {
      if (await isMonthLocked(trx, d)) throw new DomainError("CONFLICT", e.monthLocked(d.slice(0, 7)));
    }
    const row = await insertAttendanceRequest(trx, {
      staffId: staff.id,
      kind: v.kind,
      day: v.day,
      untilDay: v.kind === "leave" ? v.untilDay : null,
      punchKind: v.kind === "correction" ? v.punchKind : null,
      punchAt,
      leaveType: v.kind === "leave" ? v.leaveType : null,
      reason: v.reason,
      requestedBy: ctx.actor.userId,
    });
    await recordAudit(trx, ctx, {
      action: "attendance.request.create",
      entity: "attendance_request",
      entityId: row.id,
      after: row,
    });
    return row;
  });
}
