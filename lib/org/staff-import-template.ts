import "server-only";
import ExcelJS from "exceljs";
import { findDepartments, findPositions, findRanks } from "../../db/queries/department";
import { inScope } from "../../db/queries/scope";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { wrapDatabaseError } from "../errors";
import { beijingDay } from "../format/time";
import { org } from "../i18n/zh-CN/org";
import { STAFF_IMPORT_COLUMNS } from "./read-staff-file";

/**
 * 导入模板 (staff.manage): the header row and one example on the first sheet (text cells, so Excel keeps
 * identity numbers and leading zeros as typed), and the codes the caller may use — departments of the area,
 * positions, ranks — on a second sheet.
 */
export async function staffImportTemplate({ ctx, now = new Date() }: { ctx: RequestContext; now?: Date }): Promise<Uint8Array> {
  const scope = authorize(ctx, "staff.manage");
  try {
    const { departments, positions, ranks } = await inScope(ctx.db, scope, async (trx) => ({
      departments: await findDepartments(trx, scope, beijingDay(now)),
      positions: await findPositions(trx),
      ranks: await findRanks(trx),
    }));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(org.import.templateSheet);
    sheet.addRow(STAFF_IMPORT_COLUMNS.map((c) => org.import.columns[c.key])).font = { bold: true };
    sheet.addRow([...org.import.exampleRow]);
    STAFF_IMPORT_COLUMNS.forEach((_, i) => {
      sheet.getColumn(i + 1).width = 18;
      sheet.getColumn(i + 1).numFmt = "@";
    });
    const codes = workbook.addWorksheet(org.import.codesSheet);
    codes.addRow([...org.import.codesHeader]).font = { bold: true };
    const n = Math.max(departments.length, positions.length, ranks.length);
    for (let i = 0; i < n; i++)
      codes.addRow([
        departments[i]?.code ?? "",
        departments[i]?.name ?? "",
        "",
        positions[i]?.code ?? "",
        positions[i]?.name ?? "",
        "",
        ranks[i]?.code ?? "",
        ranks[i]?.name ?? "",
      ]);
    [16, 28, 2, 16, 16, 2, 16, 12].forEach((w, i) => (codes.getColumn(i + 1).width = w));
    return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  } catch (e) {
    throw wrapDatabaseError(e);
  }
}
