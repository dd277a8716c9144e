import { CASE_SOURCES, type CaseSource } from "../lib/case/case-dto";
import { CASE_STATES, OPEN_STATES, type CaseState } from "../lib/case/case-states";
import { LIGHTS, type Light } from "../lib/case/traffic-light";
import { caseMap } from "../lib/i18n/zh-CN/case-map";

/**
 * The filters of the case layers, read from the tile URL's query string (and, on the client, from the
 * map page's URL): pure, so the tile route, the map page and its filter bar share one definition.
 *
 *   from, to   local dates YYYY-MM-DD (Asia/Shanghai), inclusive, on reported_at (heat: the bin's day)
 *   category   comma-separated category ids; each includes its whole subtree
 *   state      comma-separated states, or the groups `open` (未办结: the OPEN_STATES) and `done` (已办结:
 *              closed, evaluated); `all` = no filter
 *   light      comma-separated green, yellow, red (closed cases have no light and drop out)
 *   source     comma-separated case sources
 *
 * Every other query parameter is refused: a misspelt filter must not silently show everything.
 * The canonical form (`caseFilterKey`) sorts and expands, so equal filters share one cache entry and ETag.
 */
export type CaseTileFilter = {
  from: string | null;
  to: string | null;
  categoryIds: number[];
  states: CaseState[];
  lights: Light[];
  sources: CaseSource[];
};

export const EMPTY_CASE_FILTER: CaseTileFilter = { from: null, to: null, categoryIds: [], states: [], lights: [], sources: [] };

export const CASE_FILTER_PARAMS = ["from", "to", "category", "state", "light", "source"] as const;
export type CaseFilterParam = (typeof CASE_FILTER_PARAMS)[number];

export const STATE_GROUPS = { open: OPEN_STATES, done: ["closed", "evaluated"] as readonly CaseState[] } as const;
export type StateGroup = keyof typeof STATE_GROUPS;

/** At most this many category ids in one filter (a tree has ~50 nodes; more is a malformed URL). */
export const MAX_CATEGORY_IDS = 100;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ID = /^[1-9][0-9]{0,9}$/;

export type CaseFilterResult = { ok: true; filter: CaseTileFilter } | { ok: false; param: string; message: string };

/** A real calendar date between 2000 and 2099 written as YYYY-MM-DD. */
export function isLocalDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 2000 || y > 2099 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function list(raw: string): string[] {
  return raw
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const fail = (param: string, message: string): CaseFilterResult => ({ ok: false, param, message });

/** Parses and validates the filter parameters; any unknown parameter, bad value or reversed range is refused. */
export function parseCaseFilter(params: URLSearchParams): CaseFilterResult {
  const e = caseMap.filterErrors;
  for (const name of new Set(params.keys())) {
    if (!(CASE_FILTER_PARAMS as readonly string[]).includes(name)) return fail(name, e.unknownParam(name));
    if (params.getAll(name).length > 1) return fail(name, e.repeated(name));
  }
  const filter: CaseTileFilter = { ...EMPTY_CASE_FILTER };

  for (const name of ["from", "to"] as const) {
    const raw = params.get(name);
    if (raw === null || raw === "") continue;
    if (!isLocalDate(raw)) return fail(name, e.date(name, raw));
    filter[name] = raw;
  }
  if (filter.from && filter.to && filter.from > filter.to) return fail("from", e.reversed(filter.from, filter.to));

  const category = params.get("category");
  if (category) {
    const ids = list(category);
    for (const id of ids) if (!ID.test(id) || Number(id) > 2147483647) return fail("category", e.category(id));
    if (ids.length > MAX_CATEGORY_IDS) return fail("category", e.tooMany(MAX_CATEGORY_IDS));
    filter.categoryIds = [...new Set(ids.map(Number))].sort((a, b) => a - b);
  }

  const state = params.get("state");
  if (state) {
    const chosen = new Set<CaseState>();
    let all = false;
    for (const token of list(state)) {
      if (token === "all") all = true;
      else if (token in STATE_GROUPS) STATE_GROUPS[token as StateGroup].forEach((s) => chosen.add(s));
      else if ((CASE_STATES as readonly string[]).includes(token)) chosen.add(token as CaseState);
      else return fail("state", e.state(token));
    }
    // every state (or "all") is the same as no filter: one cache entry for both spellings
    filter.states = all || chosen.size === CASE_STATES.length ? [] : CASE_STATES.filter((s) => chosen.has(s));
  }

  const light = params.get("light");
  if (light) {
    const tokens = list(light);
    for (const token of tokens) if (!(LIGHTS as readonly string[]).includes(token)) return fail("light", e.light(token));
    filter.lights = LIGHTS.filter((l) => tokens.includes(l));
  }

  const source = params.get("source");
  if (source) {
    const tokens = list(source);
    for (const token of tokens) if (!(CASE_SOURCES as readonly string[]).includes(token)) return fail("source", e.source(token));
    filter.sources =
      tokens.length > 0 && CASE_SOURCES.every((s) => tokens.includes(s)) ? [] : CASE_SOURCES.filter((s) => tokens.includes(s));
  }
  return { ok: true, filter };
}

/**
 * The filter as a query string in canonical form ("" for no filter): fixed parameter order, sorted values,
 * `open`/`done` written as those groups when the states are exactly a group. Equal filters → equal strings.
 */
export function caseFilterQuery(filter: CaseTileFilter): string {
  const parts: string[] = [];
  if (filter.from) parts.push(`from=${filter.from}`);
  if (filter.to) parts.push(`to=${filter.to}`);
  if (filter.categoryIds.length) parts.push(`category=${filter.categoryIds.join(",")}`);
  if (filter.states.length) parts.push(`state=${stateToken(filter.states)}`);
  if (filter.lights.length) parts.push(`light=${filter.lights.join(",")}`);
  if (filter.sources.length) parts.push(`source=${filter.sources.join(",")}`);
  return parts.join("&");
}

/** The canonical key of a filter for cache keys and ETags (same as its query string). */
export const caseFilterKey = caseFilterQuery;

function stateToken(states: readonly CaseState[]): string {
  for (const [group, members] of Object.entries(STATE_GROUPS)) {
    if (members.length === states.length && members.every((s) => states.includes(s))) return group;
  }
  return states.join(",");
}

/** Which group a state list is exactly, if any ("open" / "done"). */
export function stateGroupOf(states: readonly CaseState[]): StateGroup | null {
  const token = stateToken(states);
  return token in STATE_GROUPS ? (token as StateGroup) : null;
}

/** Only the filters the heat layer honours (bins know day, category and grid — not state, light or source). */
export function heatFilterOf(filter: CaseTileFilter): CaseTileFilter {
  return { ...EMPTY_CASE_FILTER, from: filter.from, to: filter.to, categoryIds: filter.categoryIds };
}

/** The first instant of a local (Asia/Shanghai, UTC+8 all year) date, as an ISO string with its offset. */
export function localDayStart(date: string): string {
  return `${date}T00:00:00+08:00`;
}

/** The local date after `date` (for an exclusive upper bound). */
export function nextLocalDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
