import { sql, type Kysely } from "kysely";
import type { DB } from "../types";
import { scopeLiteral, type Scope } from "./scope";

export type PlaceHitRow = {
  kind: "region" | "building";
  id: number;
  code: string;
  name: string;
  /** Address for buildings, the parent's name for regions. */
  detail: string | null;
  level: number | null;
  regionKind: string | null;
  buildingType: string | null;
  /** 0 exact, 1 prefix, 2 contains: lower is better. */
  rank: number;
  west: number;
  south: number;
  east: number;
  north: number;
};

function likeEscape(text: string) {
  return text.replaceAll("\\", "\\\\").replaceAll("%", "\\%").replaceAll("_", "\\_");
}

/**
 * Regions by name (prefix and contains) or code (prefix), buildings by name, address or code, all
 * inside the scope. Exact matches first, then prefixes, then "contains"; higher levels before lower.
 */
export async function findPlaces(db: Kysely<DB>, query: string, scope: Scope, limit: number): Promise<PlaceHitRow[]> {
  const q = query.trim();
  const prefix = `${likeEscape(q)}%`;
  const contains = `%${likeEscape(q)}%`;
  const isCode = /^[0-9]{2,18}$/.test(q);
  const { rows } = await sql<PlaceHitRow>`
    with regions as (
      select 'region'::text as kind, r.id, r.code, r.name, p.name as detail, r.level::int as level, r.kind as "regionKind",
             null::text as "buildingType",
             case when r.name = ${q} or r.code = ${q} then 0
                  when r.name like ${prefix} or r.code like ${prefix} then 1 else 2 end as rank,
             r.geom
        from region r left join region p on p.id = r.parent_id
       where r.path <@ ${scopeLiteral(scope)}::ltree[]
         and (r.name like ${contains} or (${isCode} and r.code like ${prefix}))
       order by rank, r.level, r.code
       limit ${limit}
    ), buildings as (
      select 'building'::text as kind, b.id::int as id, b.code, b.name, b.address as detail, null::int as level, null::text as "regionKind",
             b.type as "buildingType",
             case when b.address = ${q} or b.name = ${q} or b.code = ${q} then 0
                  when b.address like ${prefix} or b.name like ${prefix} or b.code like ${prefix} then 1 else 2 end as rank,
             b.geom
        from building b join region g on g.id = b.grid_id
       where g.path <@ ${scopeLiteral(scope)}::ltree[]
         and (b.address like ${contains} or b.name like ${contains} or (${isCode} and b.code like ${prefix}))
       order by rank, b.address
       limit ${limit}
    )
    select kind, id, code, name, detail, level, "regionKind", "buildingType", rank,
           st_xmin(geom) as west, st_ymin(geom) as south, st_xmax(geom) as east, st_ymax(geom) as north
      from (select * from regions union all select * from buildings) hits
     order by rank, kind desc, level nulls last, code
     limit ${limit}`.execute(db);
  return rows;
}

export type CaseHitRow = {
  id: number;
  number: string;
  categoryName: string;
  state: string;
  address: string | null;
  gridName: string;
  lon: number;
  lat: number;
};

/**
 * Cases whose number starts with `prefix` (already upper-case, "SJ2026…"), inside the scope, newest number
 * first. A range on the unique number index does the work (LIKE 'x%' cannot use it under a non-C collation);
 * LIKE is the exact check. The area is tested on the grid's path, as the case list does (row-level security
 * on case_record applies too: run it inside `inScope`).
 */
export async function findCasesByNumberPrefix(
  db: Kysely<DB>,
  prefix: string,
  scope: Scope,
  limit: number,
): Promise<CaseHitRow[]> {
  const { rows } = await sql<CaseHitRow>`
    select c.id::int as id, c.number, cat.name as "categoryName", c.state, c.address, g.name as "gridName",
           st_x(c.geom) as lon, st_y(c.geom) as lat
      from case_record c
      join case_category cat on cat.id = c.category_id
      join region g on g.id = c.grid_id
     where c.number >= ${prefix} and c.number < ${`${prefix}\u{10FFFF}`} and c.number like ${`${likeEscape(prefix)}%`}
       and g.path <@ ${scopeLiteral(scope)}::ltree[]
     order by c.number desc
     limit ${limit}`.execute(db);
  return rows;
}
