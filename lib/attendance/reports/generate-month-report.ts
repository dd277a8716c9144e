import "server-only";
import type { Database } from "../../../db/client";
import { insertMonthReport, insertMonthRows, lockMonthReports } from "../../../db/queries/attendance-month-report";
import { recordAudit } from "../../audit/record-audit";
import { authorize } from "../../auth/authorize";
import { loadCaseConfig } from "../../case/case-config";
import { localDateKey } from "../../case/working-calendar";
import type { RequestContext } from "../../context";
import { DomainError, parseInput } from "../../errors";
import { attendanceDays } from "../../i18n/zh-CN/attendance-days";
import { MonthKey } from "../days/schemas";

export { previousMonth } from "./month-of";

export type GeneratedReport = { id: number; month: string; version: number; rows: number; ms: number };

/**
 * Makes a new version of a month's report from the computed days, in one transaction (rows set-based). Used by
 * the scheduled job at the start of each month and by HR on demand. Versions of one month are serialised.
 */
export async function writeMonthReport(db: Database, month: string, generatedBy: number | null): Promise<GeneratedReport> {
  const started = performance.now();
  return db.transaction().execute(async (trx) => {
    await lockMonthReports(trx, month);
    const report = await insertMonthReport(trx, month, generatedBy);
    const rows = await insertMonthRows(trx, report.id, month);
    return { id: report.id, month, version: report.version, rows, ms: Math.round(performance.now() - started) };
  });
}

/** HR makes a new version of a month's report on demand (attendance.report); not for a month still to come. Audited. */
export async function generateMonthReport({
  ctx,
  input,
  now = new Date(),
}: {
  ctx: RequestContext;
  input: { month: string };
  now?: Date;
}): Promise<GeneratedReport> {
  authorize(ctx, "attendance.report");
  const month = parseInput(MonthKey, input.month);
  const { calendar } = await loadCaseConfig(ctx.db);
  if (month > localDateKey(now, calendar).slice(0, 7)) {
    throw new DomainError("VALIDATION", attendanceDays.errors.badMonth, { details: { month: attendanceDays.errors.badMonth } });
  }
  const result = await writeMonthReport(ctx.db, month, ctx.actor.userId);
  await recordAudit(ctx.db, ctx, {
    action: "attendance.report.generate",
    entity: "attendance_month_report",
    entityId: result.id,
    after: result,
  });
  return result;
}
