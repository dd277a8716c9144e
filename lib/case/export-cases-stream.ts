import "server-only";
import ExcelJS from "exceljs";
import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import { csvRow, UTF8_BOM } from "../format/csv";
import type { CaseSummaryDto } from "./case-dto";
import { beijingDateTime, beijingWallDate, caseFeature, EXPORT_COLUMNS, exportCells } from "./export-cases-format";

/**
 * The three export files written as streams from batches of cases: the response starts at once and the
 * server never holds the whole file (up to MAX_CASE_EXPORT_ROWS rows) in memory.
 */
export type CaseBatches = AsyncIterable<CaseSummaryDto[]>;

/** A byte stream that pulls one text part per read: a slow client slows the database reads down with it. */
function textStream(parts: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const it = parts[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await it.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await it.return?.();
    },
  });
}

/** CSV with a UTF-8 BOM (Excel and WPS on Chinese Windows), CRLF, guarded cells (lib/format/csv.ts). */
export function csvStream(batches: CaseBatches): ReadableStream<Uint8Array> {
  return textStream(
    (async function* () {
      yield UTF8_BOM + csvRow(EXPORT_COLUMNS.map((col) => col.header));
      for await (const batch of batches) yield batch.map((r) => csvRow(exportCells(r, beijingDateTime))).join("");
    })(),
  );
}

/** A GeoJSON FeatureCollection of points (RFC 7946), one feature per case, written feature by feature. */
export function geojsonStream(batches: CaseBatches): ReadableStream<Uint8Array> {
  return textStream(
    (async function* () {
      yield '{"type":"FeatureCollection","features":[';
      let first = true;
      for await (const batch of batches) {
        if (batch.length === 0) continue;
        yield (first ? "" : ",") + batch.map((r) => JSON.stringify(caseFeature(r))).join(",");
        first = false;
      }
      yield "]}";
    })(),
  );
}

/**
 * An xlsx workbook through exceljs's streaming writer: rows are committed as they come and zipped into the
 * output, with a frozen, bold header row and real date cells (Beijing wall time, shown as yyyy-mm-dd hh:mm).
 */
export function xlsxStream(batches: CaseBatches, sheetName: string): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((col) => ({ header: col.header, key: col.key, width: col.width }));
  sheet.getRow(1).font = { bold: true };
  const dateColumns = EXPORT_COLUMNS.flatMap((col, i) =>
    ["reportedAt", "deadline", "closedAt"].includes(col.key) ? [i + 1] : [],
  );
  for (const i of dateColumns) sheet.getColumn(i).numFmt = "yyyy-mm-dd hh:mm";
  void (async () => {
    try {
      for await (const batch of batches) {
        for (const r of batch) sheet.addRow(exportCells(r, beijingWallDate)).commit();
        // Let the client catch up before the next batch is read from the database.
        if (out.writableNeedDrain) await once(out, "drain");
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
