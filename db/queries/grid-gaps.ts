import { sql, type SqlBool } from "kysely";
import type { Database } from "../client";
import { scopeLiteral, type Scope } from "./scope";

export type GridGapRow = { regionId: number; name: string; code: string };

/**
 * Basic grids without a 专职网格员 on `day` (DOMAIN: a basic grid has exactly one at a time; a gap is a warning).
 * Limited to the given grids (`regionIds`, e.g. the grids a transfer left) or to an area (`scope`).
 * Shared: the transfer pages warn with it, and the organisation's gap list can build on it.
 */
export async function findGridsWithoutFullTime(
  db: Database,
  filter: { day: string; regionIds?: readonly number[]; scope?: Scope; limit?: number },
): Promise<GridGapRow[]> {
  if (filter.regionIds && filter.regionIds.length === 0) return [];
  let query = db
    .selectFrom("region as g")
    .select(["g.id as regionId", "g.name", "g.code"])
    .where("g.level", "=", 4)
    .where(
      sql<SqlBool>`not exists (select 1 from grid_post p where p.region_id = g.id and p.grid_role = 'full_time'
                     and p.valid_from <= ${filter.day}::date and (p.valid_to is null or p.valid_to > ${filter.day}::date))`,
    );
  if (filter.regionIds) query = query.where("g.id", "in", [...filter.regionIds]);
  if (filter.scope) query = query.where(sql<SqlBool>`g.path <@ ${scopeLiteral(filter.scope)}::ltree[]`);
  return query
    .orderBy("g.code")
    .limit(filter.limit ?? 200)
    .execute();
}
