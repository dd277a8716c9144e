import { sql } from "kysely";
import type { Database } from "../client";
import type { Scope } from "./scope";
import { staffWithinScope } from "./staff-scope";

/** Patrols (巡查): the worker's grid, the track's points, and what share of the walk lies inside the grid. */

/** The grid a worker patrols on `day`: their grid post in force (专职 before 网格长 before 兼职, then the oldest). */
export async function findPatrolGrid(
  db: Database,
  staffId: number,
  day: string,
): Promise<{ regionId: number; regionName: string } | null> {
  const { rows } = await sql<{ regionId: number; regionName: string }>`
    select r.id as "regionId", r.name as "regionName"
      from grid_post p join region r on r.id = p.region_id
     where p.staff_id = ${staffId} and p.valid_from <= ${day}::date and (p.valid_to is null or p.valid_to > ${day}::date)
     order by case p.grid_role when 'full_time' then 0 when 'grid_head' then 1 else 2 end, p.valid_from, p.id
     limit 1`.execute(db);
  return rows[0] ?? null;
}

export async function insertPatrol(
  db: Database,
  patrol: { staffId: number; regionId: number; startedAt: Date; day: string },
): Promise<{ id: number }> {
  return db
    .insertInto("patrol")
    .values({ staff_id: patrol.staffId, region_id: patrol.regionId, started_at: patrol.startedAt, day: patrol.day })
    .returning("id")
    .executeTakeFirstOrThrow();
}

export type PatrolHead = {
  id: number;
  staffId: number;
  regionId: number;
  startedAt: Date;
  endedAt: Date | null;
  pointCount: number;
};

export async function findPatrol(db: Database, patrolId: number): Promise<PatrolHead | null> {
  const row = await db
    .selectFrom("patrol")
    .select([
      "id",
      "staff_id as staffId",
      "region_id as regionId",
      "started_at as startedAt",
      "ended_at as endedAt",
      "point_count as pointCount",
    ])
    .where("id", "=", patrolId)
    .executeTakeFirst();
  return (row as PatrolHead | undefined) ?? null;
}

export type PatrolPointInput = { at: Date; lon: number; lat: number; accuracyM: number | null };

/** Appends a batch of points (a resent batch is skipped point by point: (patrol, at) is the key); the new count. */
export async function appendPatrolPoints(db: Database, patrolId: number, points: readonly PatrolPointInput[]): Promise<number> {
  if (points.length > 0) {
    await sql`
      insert into patrol_point (patrol_id, at, position, accuracy_m)
      select ${patrolId}, v.at, st_setsrid(st_makepoint(v.lon, v.lat), 4326), v.accuracy_m
        from unnest(${points.map((p) => p.at.toISOString())}::timestamptz[], ${points.map((p) => p.lon)}::float8[],
                    ${points.map((p) => p.lat)}::float8[], ${points.map((p) => p.accuracyM)}::float8[]) as v(at, lon, lat, accuracy_m)
      on conflict (patrol_id, at) do nothing`.execute(db);
  }
  const { rows } = await sql<{ n: number }>`
    update patrol set point_count = (select count(*) from patrol_point where patrol_id = ${patrolId})
     where id = ${patrolId} returning point_count as n`.execute(db);
  return rows[0]?.n ?? 0;
}

/**
 * The walk measured against the patrol's grid, on the spheroid: its length, and the share inside the grid — by
 * length where the track has any (ST_Intersection of the line with the grid), else by points (ST_Covers).
 */
export async function measurePatrol(
  db: Database,
  patrolId: number,
): Promise<{ pointCount: number; lengthM: number; insideShare: number | null }> {
  const { rows } = await sql<{ pointCount: number; lengthM: number; insideShare: number | null }>`
    with pts as (select position, at from patrol_point where patrol_id = ${patrolId}),
    line as (select st_makeline(position order by at) as geom from pts having count(*) >= 2),
    grid as (select r.geom from patrol p join region r on r.id = p.region_id where p.id = ${patrolId}),
    m as (
      select (select count(*) from pts)::int as n,
             coalesce((select st_length(geom::geography) from line), 0) as len,
             (select count(*) from pts, grid where st_covers(grid.geom, pts.position))::float8 as inside_points,
             (select st_length(st_intersection(line.geom, grid.geom)::geography) from line, grid) as inside_len
    )
    select n as "pointCount", len as "lengthM",
           case when n = 0 then null
                when len > 0 then least(1, coalesce(inside_len, 0) / len)
                else inside_points / n end as "insideShare"
      from m`.execute(db);
  return rows[0];
}

export async function closePatrol(
  db: Database,
  patrolId: number,
  result: { endedAt: Date; lengthM: number; insideShare: number | null; counted: boolean },
): Promise<void> {
  await sql`
    update patrol set ended_at = ${result.endedAt.toISOString()}::timestamptz, length_m = ${result.lengthM},
           inside_share = ${result.insideShare}, counted = ${result.counted},
           track = (select case when count(*) >= 2 then st_makeline(position order by at) end from patrol_point where patrol_id = ${patrolId})
     where id = ${patrolId}`.execute(db);
}

export type PatrolTrack = {
  id: number;
  startedAt: Date;
  endedAt: Date | null;
  counted: boolean;
  insideShare: number | null;
  lengthM: number | null;
  regionName: string;
  grid: unknown;
  points: { at: string; lon: number; lat: number; accuracyM: number | null }[];
};

/** A person's patrols of a day with their points in order and the grid walked (for the replay on the console map). */
export async function listPatrolTracks(db: Database, staffId: number, day: string): Promise<PatrolTrack[]> {
  const { rows } = await sql<PatrolTrack & { grid: string }>`
    select p.id, p.started_at as "startedAt", p.ended_at as "endedAt", p.counted, p.inside_share as "insideShare",
           p.length_m as "lengthM", r.name as "regionName", st_asgeojson(r.geom, 6) as grid,
           coalesce((select json_agg(json_build_object('at', pp.at, 'lon', st_x(pp.position), 'lat', st_y(pp.position),
                                                       'accuracyM', pp.accuracy_m) order by pp.at)
                       from patrol_point pp where pp.patrol_id = p.id), '[]'::json) as points
      from patrol p join region r on r.id = p.region_id
     where p.staff_id = ${staffId} and p.day = ${day}::date
     order by p.started_at, p.id`.execute(db);
  return rows.map((r) => ({ ...r, grid: JSON.parse(r.grid) as unknown }));
}

/** Patrols done (counted) by a person on a day. */
export async function countPatrolsOfDay(db: Database, staffId: number, day: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from patrol where staff_id = ${staffId} and day = ${day}::date and counted`.execute(db);
  return rows[0].n;
}

/** Whether a person belongs to the area (the one "people of my area" filter). */
export async function isStaffWithinScope(db: Database, staffId: number, scope: Scope): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`select ${staffWithinScope(sql`${staffId}::bigint`, scope)} as ok`.execute(db);
  return rows[0]?.ok === true;
}
