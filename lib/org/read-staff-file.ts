import "server-only";
import ExcelJS from "exceljs";
import { DomainError } from "../errors";
import { MAX_FILE_BYTES } from "../hotline/file-limits";
import { decodeCsvBytes, parseCsv } from "../hotline/csv-parse";
import { normalizeHeader } from "../hotline/columns";
import { org } from "../i18n/zh-CN/org";

/** The columns of a staff import, by key, with the header text of the template. */
export const STAFF_IMPORT_COLUMNS = [
  { key: "staffNo", required: true },
  { key: "name", required: true },
  { key: "gender", required: false },
  { key: "departmentCode", required: true },
  { key: "positionCode", required: true },
  { key: "rankCode", required: true },
  { key: "hireDate", required: true },
  { key: "idNumber", required: false },
  { key: "phone", required: false },
] as const;
export type StaffImportKey = (typeof STAFF_IMPORT_COLUMNS)[number]["key"];

export const MAX_IMPORT_ROWS = 5_000;

/** One data row: its line in the file (1-based, as the user sees it) and its cells as text ("" when empty). */
export type StaffFileRow = { line: number; cells: Record<StaffImportKey, string> };

const fail = (message: string, cause?: unknown) => new DomainError("VALIDATION", message, { cause, details: { file: message } });

/**
 * Reads an uploaded staff file (xlsx, or CSV in UTF-8/UTF-16/GBK as Excel saves it — the 12345 import's CSV
 * reader) into rows keyed by column. Whole-file problems are one VALIDATION error in Chinese: not a
 * spreadsheet, missing required columns (named), no data, too many rows.
 */
export async function readStaffFile(fileName: string, bytes: Uint8Array): Promise<StaffFileRow[]> {
  const e = org.import.errors;
  if (bytes.byteLength === 0) throw fail(e.empty);
  if (bytes.byteLength > MAX_FILE_BYTES) throw new DomainError("TOO_LARGE", e.malformed);
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  let grid: string[][];
  if (isZip || ext === "xlsx") {
    if (!isZip) throw fail(e.malformed);
    grid = await readXlsxGrid(bytes);
  } else if (ext === "csv" || ext === "txt") {
    grid = parseCsv(decodeCsvBytes(bytes).text);
  } else {
    throw fail(e.malformed);
  }
  return toRows(grid);
}

async function readXlsxGrid(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw fail(org.import.errors.malformed, error);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw fail(org.import.errors.empty);
  const grid: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    grid[rowNumber - 1] = cells;
  });
  return Array.from(grid, (r) => r ?? []);
}

/** A cell as text: dates as YYYY-MM-DD (exceljs reads date cells as UTC midnight), numbers without exponent. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if (typeof value === "number") return Number.isInteger(value) ? BigInt(Math.round(value)).toString() : String(value);
  if (typeof value === "string" || typeof value === "boolean") return String(value);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("result" in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ("text" in value && typeof value.text === "string") return value.text;
  }
  return "";
}

function toRows(grid: string[][]): StaffFileRow[] {
  const e = org.import.errors;
  if (grid.length === 0) throw fail(e.empty);
  const headerNames = org.import.columns;
  const byHeader = new Map<string, StaffImportKey>();
  for (const c of STAFF_IMPORT_COLUMNS) byHeader.set(normalizeHeader(headerNames[c.key]), c.key);
  const header = grid[0].map((h) => byHeader.get(normalizeHeader(h ?? "")));
  const missing = STAFF_IMPORT_COLUMNS.filter((c) => c.required && !header.includes(c.key)).map((c) => headerNames[c.key]);
  if (missing.length > 0) throw fail(e.missingColumns(missing));
  const rows: StaffFileRow[] = [];
  for (let i = 1; i < grid.length; i++) {
    const line = grid[i] ?? [];
    if (line.every((v) => (v ?? "").trim() === "")) continue;
    const cells = Object.fromEntries(STAFF_IMPORT_COLUMNS.map((c) => [c.key, ""])) as Record<StaffImportKey, string>;
    header.forEach((key, index) => {
      if (key) cells[key] = (line[index] ?? "").trim();
    });
    rows.push({ line: i + 1, cells });
    if (rows.length > MAX_IMPORT_ROWS) throw fail(e.tooManyRows(MAX_IMPORT_ROWS));
  }
  if (rows.length === 0) throw fail(e.empty);
  return rows;
}
