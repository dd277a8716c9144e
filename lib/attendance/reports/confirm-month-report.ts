import "server-only";
import {
  confirmMonthReport as writeConfirm,
  findMonthReport,
  findMonthReports,
  lockMonthReports,
} from "../../../db/queries/attendance-month-report";
import { recordAudit } from "../../audit/record-audit";
import { authorize } from "../../auth/authorize";
import type { RequestContext } from "../../context";
import { DomainError } from "../../errors";
import { attendanceDays } from "../../i18n/zh-CN/attendance-days";
import { idSchema } from "../../id";
import { parseInput } from "../../errors";

const e = attendanceDays.errors;

/**
 * HR confirms the latest version of a month (attendance.report), which locks the month: corrections and leave
 * for its days are refused from then on. A confirmed earlier version becomes 'superseded'. Audited.
 */
export async function confirmMonthReport({ ctx, input }: { ctx: RequestContext; input: { id: unknown } }) {
  authorize(ctx, "attendance.report");
  const id = parseInput(idSchema(e.reportNotFound, "bigint"), input.id);
  return ctx.db.transaction().execute(async (trx) => {
    const peek = await findMonthReport(trx, id);
    if (!peek) throw new DomainError("NOT_FOUND", e.reportNotFound);
    await lockMonthReports(trx, peek.month);
    const before = (await findMonthReport(trx, id, { lock: true }))!;
    if (before.state !== "draft") throw new DomainError("CONFLICT", e.reportAlreadyConfirmed);
    const latest = (await findMonthReports(trx, before.month))[0];
    if (latest.id !== id) throw new DomainError("CONFLICT", e.reportNotLatest);
    await writeConfirm(trx, id, before.month, ctx.actor.userId);
    const after = (await findMonthReport(trx, id))!;
    await recordAudit(trx, ctx, {
      action: "attendance.report.confirm",
      entity: "attendance_month_report",
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
