import { sql } from "kysely";
import { withinScope, type Scope } from "./scope";
import type { Database } from "../client";

const TIME_ZONE = "Asia/Shanghai";

/**
 * The state and satisfaction lists the counts filter by: the shape of lib/case/rates.ts's RateFormula, which
 * decides and validates them (the query only needs the lists).
 */
export type RateCountLists = {
  responseStates: readonly string[];
  resolvedStates: readonly string[];
  excludedStates: readonly string[];
  satisfiedLevels: readonly string[];
  ratedLevels: readonly string[];
};

export type RateGroupRow = {
  /** "region" (one child region of the area), "unit" (one lead unit, null = not dispatched) or "total". */
  grouping: "region" | "unit" | "total";
  regionPath: string | null;
  unitId: number | null;
  unitName: string | null;
  reported: number;
  counted: number;
  responded: number;
  resolved: number;
  rated: number;
  satisfied: number;
};

/**
 * The three rates' counts of the cases reported in [from, to] (Beijing days, inclusive) inside `areaPath`
 * and the scope, in ONE aggregation with grouping sets: per child region of the area (the case's path cut
 * one level below the area), per lead unit, and the total. The FILTER clauses are the SQL twin of
 * countForRates in lib/case/rates.ts. Run inside `inScope` (case_record has row-level security).
 */
export async function aggregateCaseRates(
  db: Database,
  args: { scope: Scope; areaPath: string; from: string; to: string; formula: RateCountLists },
): Promise<RateGroupRow[]> {
  const { scope, areaPath, from, to, formula: f } = args;
  const depth = areaPath.split(".").length;
  const { rows } = await sql<RateGroupRow>`
    with base as (
      select c.state, c.satisfaction, c.lead_unit_id,
             -- the child region of the area holding the case (none when the area is a basic grid)
             case when nlevel(c.region_path) > ${depth} then subpath(c.region_path, 0, ${depth + 1}) end as child_path
        from case_record c
        join region g on g.id = c.grid_id
       -- On the grid's path, not c.region_path: under row-level security PostgreSQL ignores statistics for
       -- ltree <@ on case_record and would misjudge the plan (see caseFilterConditions in case-list.ts).
       where g.path <@ ${areaPath}::ltree
         and ${withinScope(sql.ref("g.path"), scope)}
         and c.reported_at >= (${from}::date)::timestamp at time zone ${TIME_ZONE}
         and c.reported_at < (${to}::date + 1)::timestamp at time zone ${TIME_ZONE}
    ),
    agg as (
      select case when grouping(child_path) = 0 then 'region' when grouping(lead_unit_id) = 0 then 'unit' else 'total' end as grouping,
             child_path, lead_unit_id,
             count(*)::int as reported,
             count(*) filter (where state <> all(${[...f.excludedStates]}::text[]))::int as counted,
             count(*) filter (where state = any(${[...f.responseStates]}::text[]))::int as responded,
             count(*) filter (where state = any(${[...f.resolvedStates]}::text[]))::int as resolved,
             count(*) filter (where satisfaction = any(${[...f.ratedLevels]}::text[]))::int as rated,
             count(*) filter (where satisfaction = any(${[...f.ratedLevels]}::text[]) and satisfaction = any(${[...f.satisfiedLevels]}::text[]))::int as satisfied
        from base
       group by grouping sets ((child_path), (lead_unit_id), ())
    )
    select a.grouping, a.child_path::text as "regionPath", a.lead_unit_id as "unitId", u.name as "unitName",
           a.reported, a.counted, a.responded, a.resolved, a.rated, a.satisfied
      from agg a
      left join case_unit u on u.id = a.lead_unit_id
     where not (a.grouping = 'region' and a.child_path is null)
     order by a.grouping, a.child_path, u.name`.execute(db);
  return rows;
}

/** The stored rate formula (case_setting "rates"), or undefined when the row is missing. */
export async function findRateFormulaSetting(db: Database): Promise<unknown> {
  const row = await db.selectFrom("case_setting").select("value").where("key", "=", "rates").executeTakeFirst();
  return row?.value;
}
