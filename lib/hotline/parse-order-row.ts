import type { CaseUrgency } from "../case/time-limits";
import { hotline } from "../i18n/zh-CN/hotline";
import type { HotlineColumnKey } from "./columns";
import { parseCoordinateSystem, toWgs84 } from "./coordinates";
import { parseOrderTime, type TimeCell } from "./parse-time";

/**
 * One row of a 12345 file checked field by field (pure): either the order's fields, normalised, or the
 * first reason the row cannot be imported. Places, categories and duplicates are checked later against
 * the database and the rest of the file.
 */

export type CellValue = string | number | boolean | Date | null;

export type RawOrderRow = { rowNumber: number; cells: Partial<Record<HotlineColumnKey, CellValue>> };

/** The four kinds of 12345 orders and the categories (case_category.code) they file under by default. */
export const HOTLINE_KINDS = { 咨询: "consultation", 建议: "suggestion", 举报: "report", 投诉: "complaint" } as const;
export type HotlineKind = (typeof HOTLINE_KINDS)[keyof typeof HOTLINE_KINDS];
export const HOTLINE_KIND_CATEGORY: Record<HotlineKind, string> = {
  consultation: "hotline.consultation",
  suggestion: "hotline.suggestion",
  report: "hotline.report",
  complaint: "hotline.complaint",
};

const URGENCY_WORDS: Record<string, CaseUrgency> = {
  特急: "emergency",
  特别紧急: "emergency",
  紧急: "urgent",
  加急: "urgent",
  急: "urgent",
  一般: "general",
  普通: "general",
  常规: "general",
  疑难: "complex",
  复杂: "complex",
};

/** The order as it will be stored: text trimmed, times as ISO instants, coordinates as WGS-84. */
export type HotlineOrderFields = {
  orderNo: string;
  receivedAt: string;
  kind: HotlineKind;
  /** The 事件类别 cell as written (a category name or code), resolved against the category tree later. */
  category: string | null;
  content: string;
  address: string | null;
  lon: number | null;
  lat: number | null;
  reporterName: string | null;
  reporterPhone: string | null;
  urgency: CaseUrgency | null;
  dueAt: string | null;
};

export type RowRejection = { code: RejectCode; message: string };

export type RejectCode =
  | "missing_field"
  | "invalid_order_no"
  | "invalid_time"
  | "future_time"
  | "unknown_kind"
  | "unknown_category"
  | "invalid_content"
  | "invalid_coordinates"
  | "swapped_coordinates"
  | "invalid_crs"
  | "invalid_phone"
  | "invalid_name"
  | "invalid_address"
  | "unknown_urgency"
  | "invalid_due_time"
  | "duplicate_in_file"
  | "missing_location"
  | "outside_district"
  | "outside_area"
  | "internal_error";

export type ParsedRow = { ok: true; fields: HotlineOrderFields } | { ok: false; orderNo: string | null; rejection: RowRejection };

const ORDER_NO = /^[A-Za-z0-9_-]{1,64}$/;
/** Future 受理时间 within this margin is clock skew between the systems, not an error. */
const FUTURE_MARGIN_MS = 10 * 60_000;

/** A cell as trimmed text ("" when empty). Numbers keep their digits; dates are not text. */
function text(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return "";
  return String(value).trim();
}

/** Structured fields (codes, numbers, words from a closed list): full-width forms folded, spaces removed. */
function folded(value: CellValue | undefined): string {
  return text(value).normalize("NFKC").replace(/\s+/g, "");
}

function number(value: CellValue | undefined): number | null | "invalid" {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : "invalid";
  const t = folded(value);
  if (t === "") return null;
  if (!/^-?\d+(\.\d+)?$/.test(t)) return "invalid";
  return Number(t);
}

/** Whether a row has no content at all (trailing blank rows of a sheet are skipped, not reported). */
export function isBlankRow(row: RawOrderRow): boolean {
  return Object.values(row.cells).every((v) => v === null || v === undefined || (typeof v === "string" && v.trim() === ""));
}

/** The order number of a row as far as it can be read (for the report line of a rejected row). */
export function orderNoOf(row: RawOrderRow): string | null {
  const v = row.cells.orderNo;
  if (typeof v === "number" && Number.isSafeInteger(v)) return String(v);
  const t = folded(v);
  return t === "" ? null : t.slice(0, 64);
}

const reject = (row: RawOrderRow, code: RejectCode, message: string): ParsedRow => ({
  ok: false,
  orderNo: orderNoOf(row),
  rejection: { code, message },
});

export function parseOrderRow(row: RawOrderRow, now: Date = new Date()): ParsedRow {
  const e = hotline.rowErrors;
  const c = row.cells;

  const missing: string[] = [];
  if (!text(c.orderNo) && typeof c.orderNo !== "number") missing.push("工单编号");
  if (c.receivedAt === null || c.receivedAt === undefined || (typeof c.receivedAt === "string" && c.receivedAt.trim() === ""))
    missing.push("受理时间");
  if (!text(c.kind)) missing.push("诉求类型");
  if (!text(c.content)) missing.push("诉求内容");
  if (missing.length) return reject(row, "missing_field", e.missing(missing));

  // 工单编号: a long number stored as a number cell has already lost digits in the spreadsheet.
  let orderNo: string;
  if (typeof c.orderNo === "number") {
    if (!Number.isSafeInteger(c.orderNo) || c.orderNo >= 1e15) return reject(row, "invalid_order_no", e.orderNoAsNumber);
    orderNo = String(c.orderNo);
  } else {
    orderNo = folded(c.orderNo).replace(/^="(.*)"$/, "$1");
  }
  if (!ORDER_NO.test(orderNo)) return reject(row, "invalid_order_no", e.orderNo);

  const receivedAt = parseOrderTime(c.receivedAt as TimeCell);
  if (!receivedAt) return reject(row, "invalid_time", e.time(text(c.receivedAt) || String(c.receivedAt)));
  if (receivedAt.getTime() > now.getTime() + FUTURE_MARGIN_MS) return reject(row, "future_time", e.futureTime);

  const kindWord = folded(c.kind).replace(/类$/, "");
  const kind = (HOTLINE_KINDS as Record<string, HotlineKind>)[kindWord];
  if (!kind) return reject(row, "unknown_kind", e.kind(text(c.kind)));

  const content = text(c.content);
  if (content.length < 2 || content.length > 4000) return reject(row, "invalid_content", e.content);

  const address = text(c.address) || null;
  if (address && address.length > 200) return reject(row, "invalid_address", e.address);

  const lonIn = number(c.lon);
  const latIn = number(c.lat);
  if (lonIn === "invalid" || latIn === "invalid" || (lonIn === null) !== (latIn === null))
    return reject(row, "invalid_coordinates", e.coordinates);
  let lon: number | null = null;
  let lat: number | null = null;
  if (lonIn !== null && latIn !== null) {
    // Swapped columns are the commonest mistake: a latitude can never be above 54° in China.
    if (inLat(lonIn) && inLon(latIn) && !(inLon(lonIn) && inLat(latIn))) return reject(row, "swapped_coordinates", e.swapped);
    if (!inLon(lonIn) || !inLat(latIn)) return reject(row, "invalid_coordinates", e.coordinates);
    const system = parseCoordinateSystem(text(c.crs));
    if (!system) return reject(row, "invalid_crs", e.crs(text(c.crs)));
    [lon, lat] = toWgs84(lonIn, latIn, system).map((v) => Math.round(v * 1e7) / 1e7) as [number, number];
  }
  if (lon === null && !address) return reject(row, "missing_location", e.noLocation);

  const reporterName = text(c.reporterName) || null;
  if (reporterName && reporterName.length > 40) return reject(row, "invalid_name", e.name);

  let reporterPhone: string | null = null;
  const phoneText =
    typeof c.reporterPhone === "number"
      ? String(c.reporterPhone)
      : folded(c.reporterPhone)
          .replace(/^'/, "")
          .replace(/^="(.*)"$/, "$1");
  if (phoneText) {
    const digits = phoneText.replace(/[-()]/g, "");
    if (!/^\+?[0-9]{5,20}$/.test(digits)) return reject(row, "invalid_phone", e.phone);
    reporterPhone = digits;
  }

  let urgency: CaseUrgency | null = null;
  const urgencyWord = folded(c.urgency);
  if (urgencyWord) {
    urgency = URGENCY_WORDS[urgencyWord] ?? null;
    if (!urgency) return reject(row, "unknown_urgency", e.urgency(text(c.urgency)));
  }

  let dueAt: string | null = null;
  const dueCell = c.dueAt;
  if (dueCell !== null && dueCell !== undefined && !(typeof dueCell === "string" && dueCell.trim() === "")) {
    const due = parseOrderTime(dueCell as TimeCell);
    if (!due) return reject(row, "invalid_due_time", e.dueTime(text(dueCell) || String(dueCell)));
    dueAt = due.toISOString();
  }

  return {
    ok: true,
    fields: {
      orderNo,
      receivedAt: receivedAt.toISOString(),
      kind,
      category: text(c.category) || null,
      content,
      address,
      lon,
      lat,
      reporterName,
      reporterPhone,
      urgency,
      dueAt,
    },
  };
}

/** The rectangle of ReportCaseSchema: points in China only. */
function inLon(v: number): boolean {
  return v >= 73 && v <= 136;
}
function inLat(v: number): boolean {
  return v >= 3 && v <= 54;
}

/**
 * Marks every later row with an order number already seen in the file (the first one wins). Returns the
 * rejections by index of `rows`.
 */
export function findDuplicatesInFile(
  rows: readonly { index: number; rowNumber: number; orderNo: string }[],
): Map<number, RowRejection> {
  const first = new Map<string, number>();
  const out = new Map<number, RowRejection>();
  for (const r of rows) {
    const seen = first.get(r.orderNo);
    if (seen === undefined) first.set(r.orderNo, r.rowNumber);
    else out.set(r.index, { code: "duplicate_in_file", message: hotline.rowErrors.duplicateInFile(seen) });
  }
  return out;
}
