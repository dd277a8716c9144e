/**
 * The staff list's filters as URL parameters (the list page, its links and the export share them). Pure:
 * strings in, strings out; the verb's schema judges the values.
 */
export const STAFF_FILTER_KEYS = ["department", "position", "rank", "gridRole", "status", "q"] as const;
export type StaffFilterKey = (typeof STAFF_FILTER_KEYS)[number];
export type StaffFilterParams = Partial<Record<StaffFilterKey, string>>;

export function staffFilterParams(sp: Record<string, string | string[] | undefined>): StaffFilterParams {
  const out: StaffFilterParams = {};
  for (const key of STAFF_FILTER_KEYS) {
    const value = sp[key];
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string" && first.trim() !== "") out[key] = first;
  }
  return out;
}

/** The filters (and extra parameters) as a query string, empty values left out. */
export function staffFilterQuery(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== "") q.set(key, value);
  return q.toString();
}
