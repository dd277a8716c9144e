/**
 * The path ("note", "rows.3.name") of the first string holding a NUL character (U+0000) in a parsed
 * request value, "" for the value itself, or null when there is none. Decision: NUL is refused with a
 * 400, never stripped silently — no form or file puts one in typed text, and PostgreSQL cannot store it.
 */
export function findNulCharacter(value: unknown, path = "", depth = 0): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (depth > 20 || value === null || typeof value !== "object") return null;
  if (value instanceof Date || ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return null;
  const entries: [string, unknown][] =
    value instanceof Map ? [...value.entries()].map(([k, v]) => [String(k), v]) : Object.entries(value);
  for (const [key, item] of entries) {
    if (key.includes("\u0000")) return path ? `${path}.${key.replaceAll("\u0000", "")}` : key.replaceAll("\u0000", "");
    const found = findNulCharacter(item, path ? `${path}.${key}` : key, depth + 1);
    if (found !== null) return found;
  }
  return null;
}
