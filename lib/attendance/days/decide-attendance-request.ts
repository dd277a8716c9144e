import "server-only";
import {
  decideAttendanceRequest as writeDecision,
  findAttendanceRequest,
  findStaffInScope,
  insertCorrectionPunch,
  isMonthLocked,
  type AttendanceRequestRow,
} from "../../../db/queries/attendance-request";
import { recordAudit } from "../../audit/record-audit";
import { authorize } from "../../auth/authorize";
import { loadCaseConfig } from "../../case/case-config";
import type { RequestContext } from "../../context";
import { DomainError, parseInput } from "../../errors";
import { attendanceDays } from "../../i18n/zh-CN/attendance-days";
import { recomputeStaffDays } from "./recompute-staff-days";
import { DecideRequestInput } from "./schemas";

const e = attendanceDays.errors;

/**
 * A lead approves or rejects a pending correction or leave (attendance.approve, the person inside the lead's
 * area by staffWithinScope, never the lead's own request). One transaction: the request row is locked, so of two
 * leads deciding at once one wins and the other gets 409; approving a correction inserts its punch (with
 * correction_id); an approval recomputes the days it touches; the audit row goes with it. A month whose report
 * is confirmed (locked) is refused with 409.
 */
export async function decideAttendanceRequest({
  ctx,
  input,
  now = new Date(),
}: {
  ctx: RequestContext;
  input: DecideRequestInput;
  now?: Date;
}): Promise<AttendanceRequestRow> {
  const scope = authorize(ctx, "attendance.approve");
  const v = parseInput(DecideRequestInput, input);
  const { calendar } = await loadCaseConfig(ctx.db);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findAttendanceRequest(trx, v.id, { lock: true });
    if (!before || !(await findStaffInScope(trx, before.staffId, scope))) throw new DomainError("NOT_FOUND", e.requestNotFound);
    if (before.staffUserId !== null && before.staffUserId === ctx.actor.userId) throw new DomainError("FORBIDDEN", e.ownRequest);
    if (before.state !== "pending") throw new DomainError("CONFLICT", e.alreadyDecided);
    const lastDay = before.untilDay ?? before.day;
    if (v.decision === "approve") {
      for (const d of [before.day, lastDay]) {
        if (await isMonthLocked(trx, d)) throw new DomainError("CONFLICT", e.monthLocked(d.slice(0, 7)));
      }
    }
    const state = v.decision === "approve" ? "approved" : "rejected";
    if (!(await writeDecision(trx, v.id, { state, decidedBy: ctx.actor.userId, note: v.note }))) {
      throw new DomainError("CONFLICT", e.alreadyDecided);
    }
    if (state === "approved") {
      if (before.kind === "correction" && before.punchKind && before.punchAt) {
        await insertCorrectionPunch(trx, {
          staffId: before.staffId,
          kind: before.punchKind,
          at: new Date(before.punchAt),
          day: before.day,
          correctionId: before.id,
        });
      }
      await recomputeStaffDays(trx, { staffId: before.staffId, from: before.day, until: lastDay, calendar, now });
    }
    const after = (await findAttendanceRequest(trx, v.id))!;
    await recordAudit(trx, ctx, {
      action: `attendance.request.${state}`,
      entity: "attendance_request",
      entityId: v.id,
      before,
      after,
    });
    return after;
  });
}
