import "server-only";
import ExcelJS from "exceljs";
import { countStaff, findStaffPage } from "../../db/queries/staff";
import { inScope } from "../../db/queries/scope";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { DomainError, parseInput, wrapDatabaseError } from "../errors";
import { beijingDay, daysBetween } from "../format/time";
import { org } from "../i18n/zh-CN/org";
import { recordPiiAccess } from "../pii/record-pii-access";
import { resolveStaffQuery } from "./resolve-staff-query";
import { ListStaffInput } from "./schemas";
import { toStaffSummaryDto } from "./to-dto";

/** The most people one file may hold (the workbook is built in memory). */
export const MAX_STAFF_EXPORT_ROWS = 20_000;

export type StaffExport = { bytes: Uint8Array; fileName: string; asciiFileName: string; rowCount: number };

/**
 * 人员名单 as xlsx (staff.manage): exactly the people the list shows for the same filters, all pages. Personal
 * data masked; numbers (row number, years of service) are numeric cells and dates real dates, so Excel sorts
 * and sums them. One "export"/"list" row goes to the access log with the count, in the read's transaction.
 */
export async function exportStaff({
  ctx,
  input,
  now = new Date(),
}: {
  ctx: RequestContext;
  input: ListStaffInput;
  now?: Date;
}): Promise<StaffExport> {
  const scope = authorize(ctx, "staff.manage");
  const filter = parseInput(ListStaffInput, { ...input, after: undefined });
  const today = beijingDay(now);
  try {
    const rows = await inScope(ctx.db, scope, async (trx) => {
      const query = await resolveStaffQuery(trx, scope, filter, today);
      const total = await countStaff(trx, query);
      if (total > MAX_STAFF_EXPORT_ROWS) {
        const message = org.export.tooMany(MAX_STAFF_EXPORT_ROWS);
        throw new DomainError("VALIDATION", message, { details: { export: message } });
      }
      const found = await findStaffPage(trx, query, { limit: MAX_STAFF_EXPORT_ROWS });
      await recordPiiAccess(trx, ctx, { kind: "export", field: "list", rowCount: found.length });
      return found;
    });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(org.export.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.addRow([...org.export.columns]).font = { bold: true };
    const widths = [6, 14, 10, 6, 28, 14, 12, 28, 12, 12, 10, 22, 16];
    widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
    rows.forEach((row, index) => {
      const s = toStaffSummaryDto(row, today);
      const end = s.leaveDate && s.leaveDate < today ? s.leaveDate : today;
      sheet.addRow([
        index + 1,
        s.staffNo,
        s.name,
        s.genderName,
        s.departmentName,
        s.positionName,
        s.rankName,
        s.posts.map((p) => `${p.roleName}·${p.regionName}`).join("、"),
        asDate(s.hireDate),
        s.leaveDate ? asDate(s.leaveDate) : null,
        Math.round((daysBetween(s.hireDate, end) / 365.25) * 10) / 10,
        s.idNumberMasked,
        s.phoneMasked,
      ]);
    });
    for (const col of [9, 10]) sheet.getColumn(col).numFmt = "yyyy-mm-dd";
    sheet.getColumn(11).numFmt = "0.0";
    const buffer = await workbook.xlsx.writeBuffer();
    const day = today.replaceAll("-", "");
    return {
      bytes: new Uint8Array(buffer as ArrayBuffer),
      fileName: org.export.fileName(day),
      asciiFileName: `staff-${day}.xlsx`,
      rowCount: rows.length,
    };
  } catch (e) {
    throw wrapDatabaseError(e);
  }
}

/** A calendar day as the Date exceljs writes as that day (midnight UTC: Excel dates have no zone). */
function asDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}
