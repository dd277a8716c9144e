import { CASE_SOURCES, type CaseSource } from "@/lib/case/case-dto";
import { CASE_STATES, type CaseState } from "@/lib/case/case-states";
import { LIGHTS, type Light } from "@/lib/case/traffic-light";
import { caseFilterQuery, heatFilterOf, isLocalDate, parseCaseFilter, type CaseTileFilter } from "@/tiles/case-filter";
import type { CaseColorMode } from "@/tiles/style";

/**
 * What the case layers of the map show, as it lives in the page's URL (so a link, a reload or the back
 * button restore it). Absent parameters are the defaults, so the plain map URL stays `/`:
 *
 *   cases=0            the 事件 layer off (default on, for roles with case.read)
 *   heat=1             the heat layer on (default off)
 *   color=category     colour by category group (default: by light)
 *   from, to           reported between these local dates (default: no limit)
 *   category=<id>      one category with its subtree
 *   state=<s>          open (default) | done | all | one state
 *   light=red,yellow   lights (default: any)
 *   source=<s>         one source (default: any)
 *
 * The same names as the case list's filters, so the map and /cases read each other's links.
 */
export type StateChoice = "open" | "done" | "all" | CaseState;

export type CaseMapState = {
  cases: boolean;
  heat: boolean;
  color: CaseColorMode;
  from: string | null;
  to: string | null;
  categoryId: number | null;
  state: StateChoice;
  lights: Light[];
  source: CaseSource | null;
};

export const DEFAULT_CASE_MAP_STATE: CaseMapState = {
  cases: true,
  heat: false,
  color: "light",
  from: null,
  to: null,
  categoryId: null,
  state: "open",
  lights: [],
  source: null,
};

/** The URL parameters this state owns (the map page keeps its others: region, building, case). */
export const CASE_MAP_PARAMS = ["cases", "heat", "color", "from", "to", "category", "state", "light", "source"] as const;

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: Params, key: string): string | null {
  if (params instanceof URLSearchParams) return params.get(key);
  const v = params[key];
  return (Array.isArray(v) ? v[0] : v) ?? null;
}

/** Reads the state from a URL; a value that makes no sense falls back to its default (a link never breaks the map). */
export function readCaseMapState(params: Params): CaseMapState {
  const s: CaseMapState = { ...DEFAULT_CASE_MAP_STATE, lights: [] };
  s.cases = read(params, "cases") !== "0";
  s.heat = read(params, "heat") === "1";
  s.color = read(params, "color") === "category" ? "category" : "light";
  const from = read(params, "from");
  const to = read(params, "to");
  if (from && isLocalDate(from)) s.from = from;
  if (to && isLocalDate(to)) s.to = to;
  if (s.from && s.to && s.from > s.to) [s.from, s.to] = [s.to, s.from];
  const category = Number(read(params, "category"));
  if (Number.isInteger(category) && category > 0 && category <= 2147483647) s.categoryId = category;
  const state = read(params, "state");
  if (state === "open" || state === "done" || state === "all" || (CASE_STATES as readonly string[]).includes(state ?? ""))
    s.state = state as StateChoice;
  const lights = (read(params, "light") ?? "").split(",");
  s.lights = LIGHTS.filter((l) => lights.includes(l));
  const source = read(params, "source");
  if ((CASE_SOURCES as readonly string[]).includes(source ?? "")) s.source = source as CaseSource;
  return s;
}

/** Writes the state into `params` (only what differs from the defaults), leaving the page's other parameters alone. */
export function writeCaseMapState(state: CaseMapState, params = new URLSearchParams()): URLSearchParams {
  for (const key of CASE_MAP_PARAMS) params.delete(key);
  if (!state.cases) params.set("cases", "0");
  if (state.heat) params.set("heat", "1");
  if (state.color === "category") params.set("color", "category");
  if (state.from) params.set("from", state.from);
  if (state.to) params.set("to", state.to);
  if (state.categoryId) params.set("category", String(state.categoryId));
  if (state.state !== "open") params.set("state", state.state);
  if (state.lights.length) params.set("light", state.lights.join(","));
  if (state.source) params.set("source", state.source);
  return params;
}

/** The tile filter of the state (validated by the same parser the tile route uses). */
export function tileFilterOf(state: CaseMapState): CaseTileFilter {
  const q = new URLSearchParams();
  if (state.from) q.set("from", state.from);
  if (state.to) q.set("to", state.to);
  if (state.categoryId) q.set("category", String(state.categoryId));
  q.set("state", state.state);
  if (state.lights.length) q.set("light", state.lights.join(","));
  if (state.source) q.set("source", state.source);
  const parsed = parseCaseFilter(q);
  if (!parsed.ok) throw new Error(`case map state gives an invalid filter: ${parsed.message}`);
  return parsed.filter;
}

/** Query strings of the two case sources: the case layer takes every filter, the heat layer time and category. */
export function caseTileQueries(state: CaseMapState): { cases: string; heat: string } {
  const filter = tileFilterOf(state);
  return { cases: caseFilterQuery(filter), heat: caseFilterQuery(heatFilterOf(filter)) };
}

/** True when any filter differs from the defaults (the reset button is offered). */
export function hasCaseFilters(state: CaseMapState): boolean {
  const d = DEFAULT_CASE_MAP_STATE;
  return (
    state.from !== d.from ||
    state.to !== d.to ||
    state.categoryId !== d.categoryId ||
    state.state !== d.state ||
    state.lights.length > 0 ||
    state.source !== d.source
  );
}

/** The state with every filter back to its default (toggles and colouring kept). */
export function withoutCaseFilters(state: CaseMapState): CaseMapState {
  return { ...DEFAULT_CASE_MAP_STATE, lights: [], cases: state.cases, heat: state.heat, color: state.color };
}
