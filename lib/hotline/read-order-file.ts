import "server-only";
import ExcelJS from "exceljs";
import { DomainError } from "../errors";
import { hotline } from "../i18n/zh-CN/hotline";
import { mapHeader, type HeaderMapping, type HotlineColumnKey } from "./columns";
import { decodeCsvBytes, parseCsv } from "./csv-parse";
import { isBlankRow, type CellValue, type RawOrderRow } from "./parse-order-row";

import { MAX_FILE_BYTES, MAX_ROWS } from "./file-limits";

export { MAX_FILE_BYTES, MAX_ROWS };
/** The header may sit below a title line or two ("12345 工单导出 2026-11-20"). */
const HEADER_SEARCH_ROWS = 5;

export type OrderFile = {
  format: "xlsx" | "csv";
  encoding: string | null;
  rows: RawOrderRow[];
  ignoredHeaders: string[];
};

/**
 * Reads an uploaded 12345 file into rows keyed by the layout's fields (columns.ts). The format comes from
 * the name's extension, confirmed by the content (an xlsx is a zip: "PK"). Whole-file problems — wrong
 * format, unreadable, no header, too many rows — are one VALIDATION error; row problems are left to the rows.
 */
export async function readOrderFile(fileName: string, bytes: Uint8Array): Promise<OrderFile> {
  const t = hotline.fileErrors;
  if (bytes.byteLength === 0) throw new DomainError("VALIDATION", t.empty);
  if (bytes.byteLength > MAX_FILE_BYTES) throw new DomainError("VALIDATION", t.tooLarge(MAX_FILE_BYTES / 1024 / 1024));
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (ext === "xlsx" || (ext !== "csv" && isZip)) {
    if (!isZip) throw new DomainError("VALIDATION", t.unreadable);
    return { format: "xlsx", encoding: null, ...(await readXlsx(bytes)) };
  }
  if (ext === "csv" || ext === "txt") {
    const { text, encoding } = decodeCsvBytes(bytes);
    return { format: "csv", encoding, ...toRows(parseCsv(text)) };
  }
  throw new DomainError("VALIDATION", t.format);
}

async function readXlsx(bytes: Uint8Array): Promise<{ rows: RawOrderRow[]; ignoredHeaders: string[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new DomainError("VALIDATION", hotline.fileErrors.unreadable, { cause: error });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new DomainError("VALIDATION", hotline.fileErrors.empty);
  const grid: CellValue[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellValue(cell.value);
    });
    grid[rowNumber - 1] = cells;
  });
  return toRows(grid);
}

/** An exceljs cell value as a plain value: rich text joined, formulas by their result, hyperlinks by their text. */
function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null || (typeof result === "object" && !(result instanceof Date))) return null;
      return result as CellValue;
    }
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("error" in value) return null;
  }
  return String(value);
}

/** Finds the header row, maps columns, and turns the rows below into RawOrderRows (1-based sheet row numbers). */
function toRows(grid: readonly (readonly (CellValue | undefined)[] | undefined)[]): {
  rows: RawOrderRow[];
  ignoredHeaders: string[];
} {
  let headerIndex = -1;
  let mapping: HeaderMapping | null = null;
  let best: HeaderMapping | null = null;
  for (let i = 0; i < Math.min(HEADER_SEARCH_ROWS, grid.length); i++) {
    const candidate = mapHeader((grid[i] ?? []).map((v) => (v === null || v === undefined ? "" : String(v))));
    if (candidate.missing.length === 0) {
      headerIndex = i;
      mapping = candidate;
      break;
    }
    if (!best || candidate.columns.size > best.columns.size) best = candidate;
  }
  if (!mapping) {
    if (grid.length === 0) throw new DomainError("VALIDATION", hotline.fileErrors.empty);
    throw new DomainError("VALIDATION", hotline.fileErrors.missingHeaders(best?.missing ?? []));
  }
  const rows: RawOrderRow[] = [];
  for (let i = headerIndex + 1; i < grid.length; i++) {
    const line = grid[i];
    if (!line) continue;
    const cells: Partial<Record<HotlineColumnKey, CellValue>> = {};
    for (const [index, key] of mapping.columns) cells[key] = line[index] ?? null;
    const row = { rowNumber: i + 1, cells };
    if (isBlankRow(row)) continue;
    rows.push(row);
    if (rows.length > MAX_ROWS) throw new DomainError("VALIDATION", hotline.fileErrors.tooManyRows(MAX_ROWS));
  }
  if (rows.length === 0) throw new DomainError("VALIDATION", hotline.fileErrors.empty);
  return { rows, ignoredHeaders: mapping.ignored };
}
