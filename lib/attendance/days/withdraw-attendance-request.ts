import "server-only";
import {
  decideAttendanceRequest as writeDecision,
  findAttendanceRequest,
  findStaffOfUser,
  type AttendanceRequestRow,
} from "../../../db/queries/attendance-request";
import { recordAudit } from "../../audit/record-audit";
import { authorize } from "../../auth/authorize";
import type { RequestContext } from "../../context";
import { DomainError, parseInput } from "../../errors";
import { attendanceDays } from "../../i18n/zh-CN/attendance-days";
import { WithdrawRequestInput } from "./schemas";

const e = attendanceDays.errors;

/** The person withdraws their own request while it is pending (attendance.self). Audited. */
export async function withdrawAttendanceRequest({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: WithdrawRequestInput;
}): Promise<AttendanceRequestRow> {
  authorize(ctx, "attendance.self");
  const v = parseInput(WithdrawRequestInput, input);
  const staff = ctx.actor.userId === null ? undefined : await findStaffOfUser(ctx.db, ctx.actor.userId);
  if (!staff) throw new DomainError("FORBIDDEN", e.noStaffRecord);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findAttendanceRequest(trx, v.id, { lock: true });
    if (!before || before.staffId !== staff.id) throw new DomainError("NOT_FOUND", e.requestNotFound);
    if (before.state !== "pending") throw new DomainError("CONFLICT", e.notPending);
    await writeDecision(trx, v.id, { state: "withdrawn", decidedBy: ctx.actor.userId, note: null });
    const after = (await findAttendanceRequest(trx, v.id))!;
    await recordAudit(trx, ctx, {
      action: "attendance.request.withdrawn",
      entity: "attendance_request",
      entityId: v.id,
      before,
      after,
    });
    return after;
  });
}
