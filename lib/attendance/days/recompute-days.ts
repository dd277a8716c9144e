import "server-only";
import { findStaffIdsInScope } from "../../../db/queries/attendance-team";
import { recordAudit } from "../../audit/record-audit";
import { authorize } from "../../auth/authorize";
import { loadCaseConfig } from "../../case/case-config";
import { localDateKey } from "../../case/working-calendar";
import type { RequestContext } from "../../context";
import { DomainError, parseInput } from "../../errors";
import { attendanceDays } from "../../i18n/zh-CN/attendance-days";
import { computeAttendanceDays } from "./compute-days";
import { DayKey } from "./schemas";

/**
 * HR recomputes one past day for the people of its area on demand (attendance.report) — the nightly job's work
 * for one day, e.g. after punches were fixed. Not today or later (the day is not over). Audited.
 */
export async function recomputeDays({
  ctx,
  input,
  now = new Date(),
}: {
  ctx: RequestContext;
  input: { day: unknown };
  now?: Date;
}): Promise<{ day: string; count: number }> {
  const scope = authorize(ctx, "attendance.report");
  const day = parseInput(DayKey, input.day);
  const { calendar } = await loadCaseConfig(ctx.db);
  if (day >= localDateKey(now, calendar)) {
    throw new DomainError("VALIDATION", attendanceDays.errors.notPastDay, { details: { day: attendanceDays.errors.notPastDay } });
  }
  return ctx.db.transaction().execute(async (trx) => {
    const staffIds = await findStaffIdsInScope(trx, scope);
    const done = await computeAttendanceDays(trx, { day, staffIds, calendar });
    await recordAudit(trx, ctx, { action: "attendance.days.recompute", entity: "attendance_day", entityId: day, after: done });
    return done;
  });
}
