import { sql } from "kysely";
import { withinScope, type Scope } from "./scope";
import type { Database } from "../client";

const TIME_ZONE = "Asia/Shanghai";

/**
 * The state and satisfaction lists and the 基本满意 weight the counts use: the shape of lib/case/rates.ts's
 * RateFormula, which decides and validates them (the query only needs the values).
 */
export type RateCountLists = {
  closedStates: readonly string[];
  excludedStates: readonly string[];
  satisfiedLevels: readonly string[];
  ratedLevels: readonly string[];
  fairlyWeight: number;
};

export type RateGroupRow = {
  /** "region" (one child region of the area), "unit" (one lead unit, null = not dispatched) or "total". */
  grouping: "region" | "unit" | "total";
  regionPath: string | null;
  unitId: number | null;
  unitName: string | null;
  reported: number;
  due: number;
  acknowledgedInTime: number;
  answered: number;
  resolved: number;
  rated: number;
  satisfied: number;
  counted: number;
  closed: number;
};

/**
 * The rates' counts of the cases reported in [from, to] (Beijing days, inclusive) inside `areaPath` and the
 * scope, at `now` (an acknowledgement limit past `now` is due), in ONE aggregation with grouping sets: per
 * child region of the area (the case's path cut one level below the area), per lead unit, and the total. The
 * FILTER clauses are the SQL twin of countForRates in lib/case/rates.ts. Run inside `inScope` (case_record
 * has row-level security).
 */
export async function aggregateCaseRates(
  db: Database,
  args: { scope: Scope; areaPath: string; from: string; to: string; now: Date; formula: RateCountLists },
): Promise<RateGroupRow[]> {
  const { scope, areaPath, from, to, now, formula: f } = args;
  const depth = areaPath.split(".").length;
  const rated = sql`satisfaction = any(${[...f.ratedLevels]}::text[])`;
  const { rows } = await sql<RateGroupRow>`
    with base as (
      select c.state, c.satisfaction, c.resolution, c.lead_unit_id,
             -- 响应率: the latest dispatch's acknowledgement, due once acknowledged or once its limit has passed;
             -- merged duplicates and cancelled reports are left out
             (c.state <> 'cancelled' and c.merged_into_id is null and c.acknowledge_deadline_at is not null
               and (c.acknowledged_at is not null or c.acknowledge_deadline_at < ${now}::timestamptz)) as ack_due,
             coalesce(c.acknowledged_at <= c.acknowledge_deadline_at, false) as ack_in_time,
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
             count(*) filter (where ack_due)::int as due,
             count(*) filter (where ack_due and ack_in_time)::int as "acknowledgedInTime",
             count(*) filter (where resolution in ('resolved', 'unresolved'))::int as answered,
             count(*) filter (where resolution = 'resolved')::int as resolved,
             count(*) filter (where ${rated})::int as rated,
             coalesce(sum(case when satisfaction = 'fairly_satisfied' then ${f.fairlyWeight}::float8 else 1 end)
               filter (where ${rated} and satisfaction = any(${[...f.satisfiedLevels]}::text[])), 0)::float8 as satisfied,
             count(*) filter (where state <> all(${[...f.excludedStates]}::text[]))::int as counted,
             count(*) filter (where state = any(${[...f.closedStates]}::text[]))::int as closed
        from base
       group by grouping sets ((child_path), (lead_unit_id), ())
    )
    select a.grouping, a.child_path::text as "regionPath", a.lead_unit_id as "unitId", u.name as "unitName",
           a.reported, a.due, a."acknowledgedInTime", a.answered, a.resolved, a.rated, a.satisfied, a.counted, a.closed
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
