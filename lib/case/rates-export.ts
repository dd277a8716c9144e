import "server-only";
import ExcelJS from "exceljs";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { DomainError, wrapDatabaseError } from "../errors";
import { safeFileNamePart } from "../format/content-disposition";
import { toCsv, type CsvCell } from "../format/csv";
import { caseDesk } from "../i18n/zh-CN/case-desk";
import type { FileDownload } from "./export-cases";
import { caseRatesFor, type CaseRatesInput, type RateRow } from "./rates-report";

const text = caseDesk.rates;

export type ExportCaseRatesInput = CaseRatesInput & { format?: string };

/** A rate as a percentage text with one decimal for CSV ("87.5%"), empty when there is nothing to divide by. */
const percent = (rate: number | null) => (rate === null ? null : `${(rate * 100).toFixed(1)}%`);

/**
 * The rates table of getCaseRates as xlsx or CSV (case.export): the child regions, the lead units and the
 * total, each with its counts, the three rates and 办结率 (definitions in lib/case/rates.ts). Small (one line per region or unit), so built in memory.
 * Audited like every export.
 */
export async function exportCaseRates({
  ctx,
  input,
  now = new Date(),
}: {
  ctx: RequestContext;
  input: ExportCaseRatesInput;
  now?: Date;
}): Promise<FileDownload> {
  const scope = authorize(ctx, "case.export");
  const format = input.format;
  if (format !== "xlsx" && format !== "csv") {
    throw new DomainError("VALIDATION", caseDesk.export.badFormat, { details: { format: caseDesk.export.badFormat } });
  }
  const report = await caseRatesFor(ctx, scope, input, now);
  const c = text.columns;
  const header = [
    text.groupColumn,
    c.name,
    c.reported,
    c.due,
    c.acknowledgedInTime,
    c.answered,
    c.resolved,
    c.rated,
    c.satisfied,
    c.counted,
    c.closed,
    c.response,
    c.resolution,
    c.satisfaction,
    c.completion,
  ];
  const lines: [string, RateRow][] = [
    ...report.regions.map((r): [string, RateRow] => [text.groups.region, r]),
    ...report.units.map((r): [string, RateRow] => [text.groups.unit, r]),
    [text.groups.total, report.total],
  ];
  const counts = (r: RateRow) => [
    r.counts.reported,
    r.counts.due,
    r.counts.acknowledgedInTime,
    r.counts.answered,
    r.counts.resolved,
    r.counts.rated,
    // 满意 is weighted (基本满意 counts its weight): one decimal at most, as on the page
    Math.round(r.counts.satisfied * 10) / 10,
    r.counts.counted,
    r.counts.closed,
  ];
  const rates = (r: RateRow) => [r.rates.response, r.rates.resolution, r.rates.satisfaction, r.rates.completion];
  const base = text.filename(
    safeFileNamePart(report.area.name),
    report.period.from.replaceAll("-", ""),
    report.period.to.replaceAll("-", ""),
  );
  const ascii = text.asciiFilename(report.period.from.replaceAll("-", ""), report.period.to.replaceAll("-", ""));
  let body: Uint8Array<ArrayBuffer>;
  if (format === "csv") {
    body = new TextEncoder().encode(
      toCsv(
        header,
        lines.map(([g, r]): CsvCell[] => [g, r.name, ...counts(r), ...rates(r).map(percent)]),
      ),
    );
  } else {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(text.sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = header.map((h, i) => ({ header: h, width: i === 1 ? 28 : i === 0 ? 10 : 10 }));
    sheet.getRow(1).font = { bold: true };
    for (const [g, r] of lines) sheet.addRow([g, r.name, ...counts(r), ...rates(r)]);
    // The four rate columns, after the group, the name and the nine counts (1-based).
    for (const i of [12, 13, 14, 15]) sheet.getColumn(i).numFmt = "0.0%";
    sheet.getRow(sheet.rowCount).font = { bold: true };
    body = new Uint8Array(await workbook.xlsx.writeBuffer());
  }
  try {
    await ctx.db.transaction().execute((trx) =>
      recordAudit(trx, ctx, {
        action: "case.rates_export",
        entity: "region",
        entityId: report.area.id,
        after: { format, period: { from: report.period.from, to: report.period.to }, rows: lines.length },
      }),
    );
  } catch (e) {
    throw wrapDatabaseError(e);
  }
  return {
    filename: `${base}.${format}`,
    asciiFilename: `${ascii}.${format}`,
    contentType:
      format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    rowCount: lines.length,
    body,
  };
}
