import { t } from "../i18n";
import { auditFieldName, auditValue } from "./audit-labels";

const MAX_LINES = 6;
const MAX_VALUE = 60;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isRecord(value: unknown): value is Record<string, Json> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * before/after as stored. Rows written before recordAudit cast its values to jsonb hold the JSON text
 * as a jsonb string scalar ("{\"status\":…}", or "null") instead of the object; the log is append-only,
 * so such rows stay and are decoded here. A string that is not JSON text stays the string it is.
 */
export function decodeStoredJson(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const text = value.trim();
  if (!/^(\{|\[|null$)/.test(text)) return value;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return value;
  }
}

/** A value in one short line: text as is, lists joined, nested objects as JSON, cut at 60 characters. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return t.audit.change.empty;
  let text: string;
  if (typeof value === "string") text = value;
  else if (Array.isArray(value) && value.every((v) => typeof v !== "object" || v === null))
    text = value.map((v) => String(v)).join("、");
  else if (typeof value === "object") text = JSON.stringify(value);
  else text = String(value);
  const chars = Array.from(text);
  return chars.length > MAX_VALUE ? `${chars.slice(0, MAX_VALUE - 1).join("")}…` : text;
}

/**
 * An audit row's before/after in a few short lines for the log table, fields and known codes by their Chinese
 * names ("状态: 已派遣 → 已签收", "已停用: 否 → 是"): only what changed, every field of a creation or a
 * removal, at most six lines.
 */
export function summarizeChange(before: unknown, after: unknown): string[] {
  const c = t.audit.change;
  let lines: string[];
  if ((before === null || before === undefined) && (after === null || after === undefined)) return [];
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    lines = keys
      .filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null))
      .map((k) => `${auditFieldName(k)}: ${formatValue(auditValue(k, before[k]))} → ${formatValue(auditValue(k, after[k]))}`);
  } else if ((before === null || before === undefined) && isRecord(after)) {
    lines = [c.created, ...Object.entries(after).map(([k, v]) => `${auditFieldName(k)}: ${formatValue(auditValue(k, v))}`)];
  } else if (isRecord(before) && (after === null || after === undefined)) {
    lines = [c.removed, ...Object.entries(before).map(([k, v]) => `${auditFieldName(k)}: ${formatValue(auditValue(k, v))}`)];
  } else {
    lines = [`${formatValue(before)} → ${formatValue(after)}`];
  }
  if (lines.length <= MAX_LINES) return lines;
  return [...lines.slice(0, MAX_LINES - 1), c.more(lines.length - (MAX_LINES - 1))];
}
