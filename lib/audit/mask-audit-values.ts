import { maskName, maskPersonalNumbers } from "../pii/mask";

/** Keys of audit values that hold a person's name from outside (a 12345 caller, a reporter). */
const NAME_KEYS = new Set(["reporterName"]);

/**
 * An audit row's before/after as the audit page shows it: every text with the identity numbers and phones
 * typed into it masked, and reporters' names as 张*. New rows are written without them (record-audit.ts),
 * this also covers rows written before that rule (the 12345 import kept the caller's text in clear).
 */
export function maskAuditValue(value: unknown, key?: string): unknown {
  if (typeof value === "string") {
    if (key !== undefined && NAME_KEYS.has(key) && value.trim() !== "") return maskName(value);
    return maskPersonalNumbers(value);
  }
  if (Array.isArray(value)) return value.map((v) => maskAuditValue(v));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskAuditValue(v, k)]));
  }
  return value;
}
