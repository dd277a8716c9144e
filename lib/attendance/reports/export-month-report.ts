import "server-only";
import ExcelJS from "exceljs";
import {
  findMonthDepartmentRows,
  findMonthPersonRows,
  findMonthReport,
  type MonthFigures,
} from "../../../db/queries/attendance-month-report";
import { authorize } from "../../auth/authorize";
import type { RequestContext } from "../../context";
import { DomainError, parseInput } from "../../errors";
import { attendanceDays } from "../../i18n/zh-CN/attendance-days";
import { idSchema } from "../../id";
import { recordPiiAccess } from "../../pii/record-pii-access";

const c = attendanceDays.columns;

/** The figure columns of both sheets: counts as counts, overtime in hours (2 decimals), all as numbers. */
const FIGURES: { header: string; value: (r: MonthFigures) => number }[] = [
  { header: c.workDays, value: (r) => r.workDays },
  { header: c.daysWorked, value: (r) => r.daysWorked },
  { header: c.lateCount, value: (r) => r.lateCount },
  { header: c.lateMinutes, value: (r) => r.lateMinutes },
  { header: c.earlyCount, value: (r) => r.earlyCount },
  { header: c.earlyMinutes, value: (r) => r.earlyMinutes },
  { header: c.absentDays, value: (r) => r.absentDays },
  { header: c.missingPunches, value: (r) => r.missingPunches },
  { header: c.outsideDays, value: (r) => r.outsideDays },
  { header: c.corrections, value: (r) => r.corrections },
  { header: c.leaveDays, value: (r) => r.leaveDays },
  { header: c.overtimeWorkdayHours, value: (r) => hours(r.overtimeWorkdayMinutes) },
  { header: c.overtimeRestdayHours, value: (r) => hours(r.overtimeRestdayMinutes) },
  { header: c.overtimeHolidayHours, value: (r) => hours(r.overtimeHolidayMinutes) },
  { header: c.patrolsDone, value: (r) => r.patrolsDone },
  { header: c.patrolsRequired, value: (r) => r.patrolsRequired },
];

function hours(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}

/**
 * One version of the monthly report as xlsx (attendance.report, the people of the caller's area): a sheet per
 * person and a sheet per department, a header row, figures as numbers. Logged as an export.
 */
export async function exportMonthReport({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: { id: unknown };
}): Promise<{ fileName: string; body: Buffer }> {
  const scope = authorize(ctx, "attendance.report");
  const id = parseInput(idSchema(attendanceDays.errors.reportNotFound, "bigint"), input.id);
  return ctx.db.transaction().execute(async (trx) => {
    const report = await findMonthReport(trx, id);
    if (!report) throw new DomainError("NOT_FOUND", attendanceDays.errors.reportNotFound);
    const [people, departments] = await Promise.all([
      findMonthPersonRows(trx, id, scope),
      findMonthDepartmentRows(trx, id, scope),
    ]);
    const workbook = new ExcelJS.Workbook();
    const bySheet = workbook.addWorksheet(attendanceDays.sheetPeople);
    bySheet.addRow([c.staffNo, c.name, c.department, ...FIGURES.map((f) => f.header)]).font = { bold: true };
    for (const r of people) bySheet.addRow([r.staffNo, r.staffName, r.departmentName ?? "", ...FIGURES.map((f) => f.value(r))]);
    const deptSheet = workbook.addWorksheet(attendanceDays.sheetDepartments);
    deptSheet.addRow([c.department, c.staffCount, ...FIGURES.map((f) => f.header)]).font = { bold: true };
    for (const r of departments) deptSheet.addRow([r.departmentName ?? "", r.staffCount, ...FIGURES.map((f) => f.value(r))]);
    for (const sheet of [bySheet, deptSheet]) sheet.views = [{ state: "frozen", ySplit: 1 }];
    await recordPiiAccess(trx, ctx, {
      kind: "export",
      field: "list",
      rowCount: people.length,
      reason: `attendance_report ${report.month}`,
    });
    const body = Buffer.from(await workbook.xlsx.writeBuffer());
    return { fileName: attendanceDays.exportFileName(report.month, report.version), body };
  });
}
