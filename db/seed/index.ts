/**
 * The synthetic district generator (issue 2, section 3): real names and codes from a divisions file,
 * invented but believable geometry and population. `seedDistrict` replaces whatever district the
 * database holds.
 *
 * Scales. The region tree (every code and polygon, all levels) is the same at every scale for a given
 * seed; the scale only sets how many of each basic grid's planned households are generated, and where:
 * - full:   ×1.0 everywhere (Tongzhou: ~780 thousand households, ~1.8 million residents, ~1,800 grids);
 * - medium: ×0.1 everywhere (the demo: the whole district, a tenth of the people);
 * - small:  ×0.05 in "a couple of streets": the first street office and the first town having both
 *           urban communities and villages, at most 8 communities each (tests; loads in seconds).
 *           The other communities keep their polygons and stay empty.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Connection } from "../client";
import { bumpLayerVersions } from "../queries/layer-version";
import { refreshRegionStats } from "../queries/region";
import { readDivisions } from "./divisions";
import { buildMapFeatures } from "./features";
import { dropForLoad, restoreAfterLoad } from "./load-mode";
import { planDistrict, type DistrictPlan } from "./plan";
import { loadPopulation, type PopulationCounts } from "./population";
import { buildRegions } from "./regions";
import { seedCaseUnits } from "./case-units";
import { seedCases, type CaseSeedReport } from "./cases";
import { seedOrganisation, type OrgCounts } from "./org";
import { seedAttendance, type AttendanceSeedReport } from "./attendance";

export type Scale = "small" | "medium" | "full";

export type SeedOptions = {
  divisionsCsv: string;
  scale: Scale;
  seed: number;
  /** Street/town codes to populate instead of the scale's default choice. */
  streets?: string[];
  /**
   * The demo cases (db/seed/cases.ts): a year up to `now` (default: this minute), ~1.26 per household.
   * Default on; `false` skips them (tests that do not need cases load in seconds).
   */
  cases?: false | { now?: Date; factor?: number };
  /**
   * The demo attendance (db/seed/attendance.ts): fences, rules, punches, patrols and computed days of the
   * `days` (default 30) before `now`. Default: on at scale small, off at medium and full (minutes there: the
   * whole organisation punches and patrols); `false` skips it (the database tests' template).
   */
  attendance?: false | { days?: number };
  /**
   * The seed's "now": the day the organisation's histories end (and the cases' default `now`). Default: the
   * cases' `now` if given, else this minute.
   */
  now?: Date;
};

export type TopologyProblem = { level: number; problem: string; count: number; areaM2: number | null };

export type SeedReport = {
  district: { code: string; name: string };
  scale: Scale;
  seed: number;
  factor: number;
  populatedStreets: { code: string; name: string; communities: number }[];
  /** Regions per level 0–4. */
  regions: number[];
  counts: PopulationCounts & { region: number; map_feature: number };
  phases: { name: string; ms: number }[];
  totalMs: number;
  topology: TopologyProblem[];
  /** The demo organisation (db/seed/org.ts): departments, staff, their jobs and grid posts. */
  organisation: OrgCounts;
  /** The demo attendance, unless skipped. */
  attendance?: AttendanceSeedReport;
  /** The generated cases, unless skipped. */
  cases?: CaseSeedReport;
};

export const DEFAULT_DIVISIONS_CSV = fileURLToPath(new URL("./data/divisions-110112.csv", import.meta.url));

export const SCALE_FACTORS: Record<Scale, number> = { small: 0.05, medium: 0.1, full: 1.0 };

/** Tables the seed replaces (region last in dependency order is irrelevant with TRUNCATE … CASCADE). */
const DISTRICT_TABLES = ["resident", "household", "room", "building", "organization", "component", "map_feature", "region"];
const LOADED_TABLES = ["building", "room", "household", "resident", "organization", "component"];

/**
 * Every tile layer: their caches drop what they hold when the version moves. The case layers too: clearing
 * the district clears its cases (TRUNCATE … CASCADE), with or without new demo cases.
 */
export const LAYERS = [
  "district",
  "street",
  "community",
  "xiaoqu",
  "grid",
  "building",
  "organization",
  "component",
  "basemap",
  "case",
  "case_heat",
];

const SMALL_MAX_COMMUNITIES = 8;

/** The communities that get a population at this scale (see the header comment). */
export function populatedCommunities(plan: DistrictPlan, scale: Scale, streets?: string[]): Set<string> {
  if (streets?.length) {
    const unknown = streets.filter((code) => !plan.streets.some((s) => s.code === code));
    if (unknown.length)
      throw new Error(`unknown street code${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")} (not in the divisions file)`);
    return new Set(plan.streets.filter((s) => streets.includes(s.code)).flatMap((s) => s.communities.map((c) => c.code)));
  }
  if (scale !== "small") return new Set(plan.streets.flatMap((s) => s.communities.map((c) => c.code)));
  const chosen: string[] = [];
  const office = plan.streets.find((s) => s.kind === "street" && s.communities.length > 0);
  if (office) chosen.push(...office.communities.slice(0, SMALL_MAX_COMMUNITIES).map((c) => c.code));
  const towns = plan.streets.filter((s) => s.kind !== "street" && s.communities.length > 0);
  const mixed =
    towns.find((s) => s.communities.some((c) => c.kind === "urban") && s.communities.some((c) => c.kind === "village")) ??
    towns[0];
  if (mixed) {
    // Both kinds: up to three urban communities, villages for the rest.
    const urban = mixed.communities.filter((c) => c.kind === "urban").slice(0, 3);
    const villages = mixed.communities.filter((c) => c.kind === "village").slice(0, SMALL_MAX_COMMUNITIES - urban.length);
    chosen.push(...[...urban, ...villages].map((c) => c.code));
  }
  if (!office && !mixed) chosen.push(...(plan.streets[0]?.communities ?? []).slice(0, SMALL_MAX_COMMUNITIES).map((c) => c.code));
  return new Set(chosen);
}

/** Clears the district tables and loads a generated district; see the header comment for the scales. */
export async function seedDistrict(conn: Connection, options: SeedOptions): Promise<SeedReport> {
  const { sql } = conn;
  const max = (sql.options as { max?: number }).max ?? 10;
  if (max < 3)
    throw new Error(`seedDistrict needs a connection pool of at least 3 (three COPY streams run at once); this one has ${max}`);
  const phases: { name: string; ms: number }[] = [];
  const started = performance.now();
  let mark = started;
  const phase = (name: string) => {
    const now = performance.now();
    phases.push({ name, ms: Math.round(now - mark) });
    mark = now;
  };

  const divisions = readDivisions(options.divisionsCsv);
  const plan = planDistrict(divisions, options.seed);
  const populated = populatedCommunities(plan, options.scale, options.streets);
  const factor = SCALE_FACTORS[options.scale];
  const now =
    options.now ?? (options.cases ? options.cases.now : undefined) ?? new Date(Math.floor(Date.now() / 60_000) * 60_000);
  phase("parse + plan");

  // CASCADE: rows elsewhere that point into the old district (cases, assignments…) refer to regions and
  // people that no longer exist once the district is replaced.
  await sql.unsafe(`truncate ${DISTRICT_TABLES.join(", ")} restart identity cascade`);
  phase("clear");

  const { build, features } = await sql.begin(async (tx) => {
    const build = await buildRegions(tx, plan, options.seed);
    const features = await buildMapFeatures(tx, plan, build, options.seed);
    return { build, features };
  });
  phase("regions + map features");
  await seedCaseUnits(sql);
  phase("case units + routing rules");
  const organisation = await seedOrganisation(sql, { seed: options.seed, populated, now });
  phase("organisation (departments + staff)");

  const saved = await dropForLoad(sql, LOADED_TABLES);
  phase("drop indexes");
  const counts = await loadPopulation(sql, plan, build, features.obstacles, { seed: options.seed, factor, populated });
  phase("population (generate + COPY)");
  await restoreAfterLoad(sql, saved);
  for (const table of LOADED_TABLES) {
    await sql.unsafe(
      `select setval(pg_get_serial_sequence('${table}', 'id'), greatest(max(id), 1), max(id) is not null) from ${table}`,
    );
  }
  phase("rebuild indexes + keys");

  await refreshRegionStats(conn.db);
  await bumpLayerVersions(conn.db, LAYERS);
  await sql.unsafe(`analyze ${DISTRICT_TABLES.join(", ")}`);
  phase("region stats + layer versions + analyze");

  let attendance: AttendanceSeedReport | undefined;
  const attendanceOption = options.attendance ?? (options.scale === "small" ? {} : false);
  if (attendanceOption !== false) {
    attendance = await seedAttendance(conn, { seed: options.seed, now, days: attendanceOption.days });
    phase("attendance (fences, rules, punches, days)");
  }

  let cases: CaseSeedReport | undefined;
  if (options.cases !== false) {
    cases = await seedCases(conn, { seed: options.seed, now: options.cases?.now ?? now, factor: options.cases?.factor });
    phase("cases (generate + COPY + heat bins)");
  }

  const topology = await sql<{ level: number; problem: string; count: number; area_m2: number | null }[]>`
    select level, problem, count(*)::int as count, sum(area_m2) as area_m2 from topology_check(1.0) group by 1, 2 order by 1, 2`;
  phase("topology check");

  const [{ n: mapFeatures }] = await sql<{ n: number }[]>`select count(*)::int as n from map_feature`;
  return {
    district: { code: plan.code, name: plan.name },
    scale: options.scale,
    seed: options.seed,
    factor,
    populatedStreets: plan.streets
      .map((s) => ({ code: s.code, name: s.name, communities: s.communities.filter((c) => populated.has(c.code)).length }))
      .filter((s) => s.communities > 0),
    regions: build.counts,
    counts: { region: build.counts.reduce((a, b) => a + b, 0), ...counts, map_feature: mapFeatures },
    phases,
    totalMs: Math.round(performance.now() - started),
    organisation,
    attendance,
    topology: topology.map((t) => ({ level: t.level, problem: t.problem, count: t.count, areaM2: t.area_m2 })),
    cases,
  };
}

export { readDivisions, parseDivisions, DivisionsError } from "./divisions";
