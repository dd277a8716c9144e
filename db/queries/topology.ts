import { sql } from "kysely";
import type { Database } from "../client";

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

/** The rows of the PostGIS function topology_check(tolerance) whose region lies inside `scopePath`. */
export async function findTopologyProblems(db: Database, scopePath: string, toleranceM2: number): Promise<TopologyProblemRow[]> {
  const { rows } = await sql<TopologyProblemRow>`
    select t.level::int as level, t.problem, t.region_code, r.name as region_name, t.other_code, t.area_m2, t.detail
      from topology_check(${toleranceM2}::double precision) t
      join region r on r.code = t.region_code
     where r.path <@ ${scopePath}::ltree
     order by t.level, t.problem, t.region_code`.execute(db);
  return rows;
}

/** How many regions each level holds inside `scopePath` (the denominators of the report). */
export async function countRegionsByLevel(db: Database, scopePath: string): Promise<RegionLevelCountRow[]> {
  const { rows } = await sql<RegionLevelCountRow>`
    select level::int as level, count(*)::int as regions from region where path <@ ${scopePath}::ltree group by level order by level`.execute(db);
  return rows;
}
