/**
 * A small CSV writer (RFC 4180) for exports that open in Excel and WPS on Chinese Windows:
 * - a UTF-8 byte-order mark first, without which Excel reads the file as GBK and garbles Chinese;
 * - CRLF line ends, fields quoted when they hold a comma, a quote, CR or LF (quotes doubled);
 * - formula-injection guard (OWASP "CSV injection"): a text cell starting with = + - @ (or a tab / CR,
 *   which some spreadsheets strip before looking) gets a leading apostrophe, so a value typed by
 *   someone into a record is shown as text and never run as a formula by the person opening the file;
 * - long digit strings (18-digit identity numbers and grid codes) are written as ="…": Excel keeps only
 *   15 significant digits of a number and would show 1.10112E+17 with the last digits zeroed
 *   (Microsoft KB Q66033). Digits only, so the wrapper cannot carry anything that runs.
 * Pure functions, no dependencies.
 */

export type CsvCell = string | number | boolean | null | undefined;

export const UTF8_BOM = "\uFEFF";

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;
/** More digits than a spreadsheet number keeps (IEEE double: 15 significant digits). */
const LONG_DIGITS = /^[0-9]{16,}$/;

/** One cell as CSV text: empty for null/undefined, numbers as written, text guarded and quoted when needed. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    // A number is data we produced (counts, ages); a negative one must stay a number, not get a quote.
    return Number.isFinite(value) ? String(value) : "";
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  let text = value;
  if (LONG_DIGITS.test(text)) return `="${text}"`;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record: cells joined by commas, ended by CRLF. */
export function csvRow(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/** A whole file: BOM, header row, data rows. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const parts = [UTF8_BOM, csvRow(header)];
  for (const row of rows) {
    if (row.length !== header.length) throw new Error(`CSV row has ${row.length} cells, the header ${header.length}`);
    parts.push(csvRow(row));
  }
  return parts.join("");
}
