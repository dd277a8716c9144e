import { sql, type Kysely } from "kysely";
import type { DB } from "../types";
import { withinScope, type Scope } from "./scope";

/*
 * Grid posts: who holds which grid in which role (网格长 grid_head, 专职网格员 full_time, 兼职网格员 part_time),
 * effective-dated [valid_from, valid_to). The database refuses two full_time posts on one grid at once
 * (constraint grid_post_one_full_time) and two overlapping posts of one person on one grid.
 */

export const ONE_FULL_TIME_CONSTRAINT = "grid_post_one_full_time";

export type GridPostRow = {
  id: number;
  staffId: number;
  staffName: string;
  regionId: number;
  regionName: string;
  regionCode: string;
  regionLevel: number;
  gridRole: string;
  validFrom: string;
  validTo: string | null;
};

const POST_COLUMNS = sql`p.id, p.staff_id as "staffId", s.name as "staffName", p.region_id as "regionId", r.name as "regionName",
  r.code as "regionCode", r.level as "regionLevel", p.grid_role as "gridRole",
  to_char(p.valid_from, 'YYYY-MM-DD') as "validFrom", to_char(p.valid_to, 'YYYY-MM-DD') as "validTo"`;

/** Every post of one person, newest first (the caller has checked the person's scope). */
export async function findPostsOfStaff(db: Kysely<DB>, staffId: number): Promise<GridPostRow[]> {
  const { rows } = await sql<GridPostRow>`
    select ${POST_COLUMNS} from grid_post p join staff s on s.id = p.staff_id join region r on r.id = p.region_id
     where p.staff_id = ${staffId} order by p.valid_from desc, p.id desc`.execute(db);
  return rows;
}

/** One post whose region lies inside the scope. */
export async function findPostById(db: Kysely<DB>, id: number, scope: Scope): Promise<GridPostRow | undefined> {
  const { rows } = await sql<GridPostRow>`
    select ${POST_COLUMNS} from grid_post p join staff s on s.id = p.staff_id join region r on r.id = p.region_id
     where p.id = ${id} and ${withinScope(sql`r.path`, scope)}`.execute(db);
  return rows[0];
}

export async function insertGridPost(
  db: Kysely<DB>,
  p: { staffId: number; regionId: number; gridRole: string; validFrom: string; validTo: string | null },
): Promise<number> {
  const row = await db
    .insertInto("grid_post")
    .values({
      staff_id: p.staffId,
      region_id: p.regionId,
      grid_role: p.gridRole,
      valid_from: sql<Date>`${p.validFrom}::date`,
      valid_to: p.validTo === null ? null : sql<Date>`${p.validTo}::date`,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setGridPostEnd(db: Kysely<DB>, id: number, validTo: string): Promise<void> {
  await db
    .updateTable("grid_post")
    .set({ valid_to: sql<Date>`${validTo}::date` })
    .where("id", "=", id)
    .execute();
}

export type GridGapRow = {
  regionId: number;
  code: string;
  name: string;
  /** The 小区 (parent) name. */
  parentName: string | null;
  /** vacant: no 专职网格员 today; ending: today's post ends within the horizon with nobody following on that day. */
  kind: "vacant" | "ending";
  /** ending: the person and the day the post ends (exclusive: the first day without them). */
  staffId: number | null;
  staffName: string | null;
  endsOn: string | null;
  /** vacant: the day the last post ended, if there was one. */
  vacantSince: string | null;
  /** The next 专职网格员 post already planned after the gap, if any. */
  nextStartsOn: string | null;
};

/**
 * Basic grids (level 4) of the area without a 专职网格员 today, and those whose post ends on or before
 * `horizon` with no post starting on its end day. Vacant first, then by code; at most `limit` rows.
 */
export async function findGridGaps(
  db: Kysely<DB>,
  scope: Scope,
  today: string,
  horizon: string,
  limit: number,
): Promise<GridGapRow[]> {
  const { rows } = await sql<GridGapRow>`
    with grids as (
      select g.id, g.code, g.name, g.parent_id from region g where g.level = 4 and ${withinScope(sql`g.path`, scope)}),
    cur as (
      select p.region_id, p.id, p.staff_id, p.valid_to from grid_post p join grids on grids.id = p.region_id
       where p.grid_role = 'full_time' and p.valid_from <= ${today}::date and (p.valid_to is null or p.valid_to > ${today}::date)),
    gaps as (
      select g.id, 'vacant'::text as kind, null::bigint as staff_id, null::date as ends_on,
             (select max(p.valid_to) from grid_post p where p.region_id = g.id and p.grid_role = 'full_time' and p.valid_to <= ${today}::date) as vacant_since,
             (select min(p.valid_from) from grid_post p where p.region_id = g.id and p.grid_role = 'full_time' and p.valid_from > ${today}::date) as next_from
        from grids g where not exists (select 1 from cur where cur.region_id = g.id)
      union all
      select cur.region_id, 'ending', cur.staff_id, cur.valid_to, null,
             (select min(p.valid_from) from grid_post p where p.region_id = cur.region_id and p.grid_role = 'full_time' and p.valid_from >= cur.valid_to)
        from cur
       where cur.valid_to is not null and cur.valid_to <= ${horizon}::date
         and not exists (select 1 from grid_post n where n.region_id = cur.region_id and n.grid_role = 'full_time' and n.valid_from = cur.valid_to))
    select gaps.id as "regionId", g.code, g.name, parent.name as "parentName", gaps.kind, gaps.staff_id as "staffId", s.name as "staffName",
           to_char(gaps.ends_on, 'YYYY-MM-DD') as "endsOn", to_char(gaps.vacant_since, 'YYYY-MM-DD') as "vacantSince",
           to_char(gaps.next_from, 'YYYY-MM-DD') as "nextStartsOn"
      from gaps join grids g on g.id = gaps.id left join region parent on parent.id = g.parent_id left join staff s on s.id = gaps.staff_id
     order by gaps.kind desc, g.code
     limit ${limit}`.execute(db);
  return rows;
}

/** How many basic grids of the area have no 专职网格员 today (the count beside a truncated list). */
export async function countVacantGrids(db: Kysely<DB>, scope: Scope, today: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from region g
     where g.level = 4 and ${withinScope(sql`g.path`, scope)}
       and not exists (select 1 from grid_post p where p.region_id = g.id and p.grid_role = 'full_time'
                        and p.valid_from <= ${today}::date and (p.valid_to is null or p.valid_to > ${today}::date))`.execute(db);
  return rows[0].n;
}

/** Ends a person's posts that run past `day` (they leave): returns how many were ended. Posts starting later are left for HR. */
export async function endPostsOfStaffOn(db: Kysely<DB>, staffId: number, day: string): Promise<number> {
  const result = await sql`
    update grid_post set valid_to = ${day}::date
     where staff_id = ${staffId} and valid_from < ${day}::date and (valid_to is null or valid_to > ${day}::date)`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
