import { hasMonthReport } from "../../db/queries/attendance-month-report";
import { previousMonth, writeMonthReport } from "../../lib/attendance/reports/generate-month-report";
import { loadCaseConfig } from "../../lib/case/case-config";
import { localDateKey } from "../../lib/case/working-calendar";
import { defineJob } from "../job";

/**
 * The monthly attendance report: with `month`, a new version of it; on the schedule (daily, 01:30 Beijing), the
 * past month's report when it has none yet — so it is made on the 1st, or the first day the worker runs after.
 */
export const attendanceMonthReportJob = defineJob({
  name: "attendance-month.report",
  async handle(payload, { conn }) {
    let month = payload.month;
    if (!month) {
      const { calendar } = await loadCaseConfig(conn.db);
      month = previousMonth(localDateKey(new Date(), calendar).slice(0, 7));
      if (await hasMonthReport(conn.db, month)) return;
    }
    const report = await writeMonthReport(conn.db, month, null);
    process.stderr.write(`[attendance-month] ${month} version ${report.version}: ${report.rows} row(s) in ${report.ms} ms\n`);
  },
});
