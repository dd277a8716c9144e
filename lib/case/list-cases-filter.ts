import { z } from "zod";
import { idSchema } from "../id";
import { caseDesk } from "../i18n/zh-CN/case-desk";
import { CASE_SOURCES } from "./case-dto";
import { CASE_LEVELS, CASE_STATES } from "./case-states";
import { CASE_URGENCIES } from "./time-limits";
import { LIGHTS } from "./traffic-light";

/**
 * The filters of the case list, shared by the list page, its exports and the URL: every value arrives as
 * query-string text, a cleared field as "". Dates are calendar days in China Standard Time; `to` includes
 * its whole day.
 */

const text = caseDesk.list.errors;

const blankAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <S extends z.ZodType>(schema: S) => z.preprocess(blankAsUndefined, schema.optional());

const IsoDay = z
  .string()
  .trim()
  .regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/, text.badDate)
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, text.badDate);

const Id = idSchema(text.badId, "int4");

/** "open" stands for every state in which the case still needs work (OPEN_STATES). */
export const STATE_FILTERS = ["open", ...CASE_STATES] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];

/**
 * The keyset cursor: the last row's reported_at in whole microseconds since the epoch (PostgreSQL keeps
 * microseconds, a JS Date only milliseconds — a millisecond cursor would skip or repeat rows reported
 * within the same millisecond) and its id.
 */
export const CURSOR_PATTERN = /^[0-9]{1,19}-[0-9]{1,19}$/;

export const caseFilterShape = {
  from: optional(IsoDay),
  to: optional(IsoDay),
  category: optional(Id),
  state: optional(z.enum(STATE_FILTERS, { error: text.badState })),
  light: optional(z.enum(LIGHTS, { error: text.badLight })),
  source: optional(z.enum(CASE_SOURCES, { error: text.badSource })),
  level: optional(z.enum(CASE_LEVELS, { error: text.badLevel })),
  urgency: optional(z.enum(CASE_URGENCIES, { error: text.badUrgency })),
  area: optional(Id),
  q: optional(z.string().trim().max(50, text.queryTooLong)),
};

const datesInOrder = (v: { from?: string; to?: string }) => !v.from || !v.to || v.from <= v.to;

export const CaseListFilter = z.object(caseFilterShape).refine(datesInOrder, { message: text.dateOrder, path: ["to"] });
export type CaseListFilter = z.output<typeof CaseListFilter>;
export type CaseListFilterInput = z.input<typeof CaseListFilter>;

export const ListCasesInput = z
  .object({
    ...caseFilterShape,
    after: optional(z.string().trim().regex(CURSOR_PATTERN, text.badCursor)),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine(datesInOrder, { message: text.dateOrder, path: ["to"] });
export type ListCasesInput = z.input<typeof ListCasesInput>;

/** The filter keys, in the order the URL carries them. */
export const FILTER_KEYS = ["q", "from", "to", "category", "state", "light", "source", "level", "urgency", "area"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** The raw filter values of a URL's search params (only the known keys, first value of each). */
export function filterParams(
  params: Record<string, string | string[] | undefined> | URLSearchParams,
): Partial<Record<FilterKey, string>> {
  const out: Partial<Record<FilterKey, string>> = {};
  for (const key of FILTER_KEYS) {
    const value = params instanceof URLSearchParams ? params.get(key) : params[key];
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string" && first.trim() !== "") out[key] = first;
  }
  return out;
}

/** Query string of the given filters (empty ones left out), for links and export URLs. */
export function filterQuery(filters: Partial<Record<string, string | number | undefined>>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== "") q.set(k, String(v));
  return q.toString();
}
