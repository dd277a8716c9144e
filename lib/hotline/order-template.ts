import "server-only";
import ExcelJS from "exceljs";
import { toCsv } from "../format/csv";
import { hotline } from "../i18n/zh-CN/hotline";
import { HOTLINE_COLUMNS } from "./columns";

/**
 * The import template: the first sheet holds only the header row (an example row left in by mistake would be
 * imported), with drop-down lists for 诉求类型, 紧急程度 and 坐标系 and text format for the order number and the
 * phone (so Excel keeps their digits); the second sheet explains every column with an example.
 */
export async function orderTemplateXlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "GridAtlas";
  const sheet = workbook.addWorksheet(hotline.template.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = HOTLINE_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.key === "content" ? 48 : c.key === "address" ? 32 : 16,
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  HOTLINE_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: c.required ? "FFFDE68A" : "FFE2E8F0" } };
    cell.note = `${c.required ? "必填" : "可空"}：${c.note}`;
  });
  const lists: Partial<Record<(typeof HOTLINE_COLUMNS)[number]["key"], string>> = {
    kind: '"咨询,建议,举报,投诉"',
    urgency: '"特急,紧急,一般,疑难"',
    crs: '"WGS84,GCJ02,BD09"',
  };
  HOTLINE_COLUMNS.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    if (c.key === "orderNo" || c.key === "reporterPhone") column.numFmt = "@";
    if (c.key === "receivedAt" || c.key === "dueAt") column.numFmt = "yyyy-mm-dd hh:mm";
    const list = lists[c.key];
    if (list) {
      const letter = column.letter;
      (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
        `${letter}2:${letter}20001`,
        {
          type: "list",
          allowBlank: !c.required,
          formulae: [list],
          showErrorMessage: true,
          errorTitle: c.header,
          error: c.note,
        },
      );
    }
  });

  const notes = workbook.addWorksheet(hotline.template.notesSheet);
  notes.columns = [
    { header: hotline.upload.columnHeader, width: 14 },
    { header: "", width: 8 },
    { header: hotline.upload.aliasesHeader, width: 28 },
    { header: hotline.upload.noteHeader, width: 80 },
    { header: "示例", width: 30 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of HOTLINE_COLUMNS)
    notes.addRow([
      c.header,
      c.required ? hotline.upload.required : hotline.upload.optional,
      c.aliases.join("、"),
      c.note,
      c.example,
    ]);
  notes.getColumn(4).alignment = { wrapText: true, vertical: "top" };

  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** The CSV template: UTF-8 with a BOM (Excel on Chinese Windows), the header line only. */
export function orderTemplateCsv(): string {
  return toCsv(
    HOTLINE_COLUMNS.map((c) => c.header),
    [],
  );
}
