import { sql } from "kysely";
import type { Database } from "../client";
import { scopeLiteral, type Scope } from "./scope";

export type TopologyProblemKind = "invalid_geometry" | "outside_parent" | "sibling_overlap" | "gap_in_parent";

export type TopologyProblemRow = {
  level: number;
  problem: TopologyProblemKind;
  region_code: string;
  region_name: string;
  other_code: string | null;
  area_m2: number | null;
  detail: string | null;
};

export type RegionLevelCountRow = { level: number; regions: number };

/** The rows of the PostGIS function topology_check(tolerance) whose region lies inside the scope. */
export async function findTopologyProblems(db: Database, scope: Scope, toleranceM2: number): Promise<TopologyProblemRow[]> {
  const { rows } = await sql<TopologyProblemRow>`
    select t.level::int as level, t.problem, t.region_code, r.name as region_name, t.other_code, t.area_m2, t.detail
      from topology_check(${toleranceM2}::double precision) t
      join region r on r.code = t.region_code
     where r.path <@ ${scopeLiteral(scope)}::ltree[]
     order by t.level, t.problem, t.region_code`.execute(db);
  return rows;
}

/** How many regions each level holds inside the scope (the denominators of the report). */
export async function countRegionsByLevel(db: Database, scope: Scope): Promise<RegionLevelCountRow[]> {
  const { rows } = await sql<RegionLevelCountRow>`
    select level::int as level, count(*)::int as regions from region where path <@ ${scopeLiteral(scope)}::ltree[] group by level order by level`.execute(
    db,
  );
  return rows;
}
