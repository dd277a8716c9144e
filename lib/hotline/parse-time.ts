/**
 * Times of 12345 orders (受理时间, 办理时限) as the files carry them, all meant as Beijing time (UTC+8, no
 * daylight saving since 1991):
 * - text: 2026-11-20 09:30, 2026/11/20 9:30:05, 2026.11.20, 2026年11月20日 9时30分, ISO 8601 with an offset;
 * - an Excel date cell: exceljs hands it over as a Date whose UTC fields are the wall clock typed in the sheet;
 * - an Excel serial number (days since 1899-12-30, the fraction is the time of day), when the cell is not
 *   formatted as a date.
 * Anything else is null (the row is reported as "受理时间格式不正确").
 */
import { formatDateTime } from "../format/time";

const BEIJING_OFFSET_MS = 8 * 3600_000;

export type TimeCell = string | number | Date | boolean | null | undefined;

/** A Beijing wall-clock time as an instant; null when a field is out of range (2026-02-30, 25:00). */
export function beijingWallTime(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): Date | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return new Date(utc - BEIJING_OFFSET_MS);
}

const WALL =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*[T\s]?\s*(\d{1,2})\s*[:时]\s*(\d{1,2})\s*(?:[:分]\s*(\d{1,2})(?:\.\d+)?\s*秒?)?\s*分?)?$/;
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
/** Excel serials of 1990-01-01 and 2100-01-01: a bare number outside is not a date. */
const SERIAL_MIN = 32874;
const SERIAL_MAX = 73051;

export function parseOrderTime(value: TimeCell): Date | null {
  if (value === null || value === undefined || typeof value === "boolean") return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return beijingWallTime(
      value.getUTCFullYear(),
      value.getUTCMonth() + 1,
      value.getUTCDate(),
      value.getUTCHours(),
      value.getUTCMinutes(),
      value.getUTCSeconds(),
    );
  }
  if (typeof value === "number") return fromExcelSerial(value);
  const text = value.normalize("NFKC").trim();
  if (text === "") return null;
  if (ISO_WITH_ZONE.test(text)) {
    const t = Date.parse(text);
    return Number.isNaN(t) ? null : new Date(t);
  }
  const m = WALL.exec(text);
  if (m)
    return beijingWallTime(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  if (/^\d+(\.\d+)?$/.test(text)) return fromExcelSerial(Number(text));
  return null;
}

function fromExcelSerial(serial: number): Date | null {
  if (!Number.isFinite(serial) || serial < SERIAL_MIN || serial > SERIAL_MAX) return null;
  // Whole seconds: a serial's fraction rarely lands exactly on one.
  const wallMs = Math.round((serial - 25569) * 86400) * 1000;
  return new Date(wallMs - BEIJING_OFFSET_MS);
}

/** An instant as Beijing wall time "2026-11-20 09:30" (exports, reports). */
export function formatBeijing(date: Date | string | null | undefined, withSeconds = false): string {
  return formatDateTime(date, { none: "", seconds: withSeconds });
}
