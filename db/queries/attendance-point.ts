import { sql, type RawBuilder } from "kysely";
import type { Database } from "../client";
import { scopeLiteral, type Scope } from "./scope";
import { staffWithinScope } from "./staff-scope";

/** A fence as the user drew it: a polygon's outer ring (lon/lat, open or closed), or a circle's centre and radius. */
export type FenceShapeInput =
  | { shape: "polygon"; ring: readonly (readonly [number, number])[] }
  | { shape: "circle"; center: readonly [number, number]; radiusM: number };

/** What PostGIS says about a drawn fence before it is stored (lib/attendance/points/fence-rules.ts judges it). */
export type FenceInspection = {
  /** Distinct corners of the outer ring (repeated points removed, the closing point not counted). */
  vertices: number;
  valid: boolean;
  /** ST_IsValidReason, e.g. "Self-intersection[116.4 39.9]"; "Valid Geometry" when valid. */
  reason: string;
  /** On the ellipsoid, m², of the shape made valid (ST_MakeValid). */
  areaM2: number;
  /** Whether every corner lies within `districtToleranceM` of the district of the chosen region. */
  insideDistrict: boolean;
  /** Metres between the fence and the chosen region (0 when they touch or overlap); null: no such region. */
  distanceToRegionM: number | null;
  /** The geometry to store (EWKB hex, EPSG:4326). */
  geomHex: string;
};

/** The GeoJSON of a polygon from its outer ring, closed (PostGIS wants the first corner repeated last). */
function ringGeoJson(ring: readonly (readonly [number, number])[]): string {
  const closed =
    ring.length > 0 && (ring[0][0] !== ring.at(-1)![0] || ring[0][1] !== ring.at(-1)![1]) ? [...ring, ring[0]] : ring;
  return JSON.stringify({ type: "Polygon", coordinates: [closed] });
}

/**
 * The geometry of a drawn fence in PostGIS: a polygon as drawn, repeated points removed; a circle as the buffer
 * of its centre on the ellipsoid (ST_Buffer on geography: metres, 16 segments per quarter, so 64 corners whose
 * area is 99.84 % of πr²).
 */
function fenceGeometry(input: FenceShapeInput): RawBuilder<unknown> {
  if (input.shape === "circle") {
    return sql`st_buffer(st_setsrid(st_makepoint(${input.center[0]}::float8, ${input.center[1]}::float8), 4326)::geography, ${input.radiusM}::float8, 'quad_segs=16')::geometry`;
  }
  return sql`st_removerepeatedpoints(st_setsrid(st_geomfromgeojson(${ringGeoJson(input.ring)}::text), 4326))`;
}

/** Inspects a drawn fence against the region it is meant for (one statement, nothing stored). */
export async function inspectFence(
  db: Database,
  input: FenceShapeInput,
  regionId: number,
  districtToleranceM: number,
): Promise<FenceInspection> {
  const { rows } = await sql<FenceInspection>`
    with fence as (select ${fenceGeometry(input)} as g),
    chosen as (select r.geom, r.path from region r where r.id = ${regionId}),
    district as (select d.geom from region d join chosen c on d.path = subpath(c.path, 0, 1))
    select greatest(st_npoints(f.g) - 1, 0)::int as vertices,
           st_isvalid(f.g) as valid,
           st_isvalidreason(f.g) as reason,
           -- the area of the shape made valid: a bow tie keeps its two lobes (its own signed area is 0), corners
           -- on one line become a line with none
           coalesce(st_area(st_makevalid(f.g)::geography), 0)::float8 as "areaM2",
           coalesce((select not exists (select 1 from st_dumppoints(f.g) p
                                         where not st_dwithin(p.geom::geography, d.geom::geography, ${districtToleranceM}::float8))
                       from district d), false) as "insideDistrict",
           (select st_distance(c.geom::geography, f.g::geography)::float8 from chosen c) as "distanceToRegionM",
           encode(st_asewkb(f.g), 'hex') as "geomHex"
      from fence f`.execute(db);
  return rows[0];
}

export type AttendancePointValues = {
  name: string;
  regionId: number;
  shape: "polygon" | "circle";
  geomHex: string;
  center: readonly [number, number] | null;
  radiusM: number | null;
};

const centerSql = (c: readonly [number, number] | null) =>
  c === null ? sql`null` : sql`st_setsrid(st_makepoint(${c[0]}::float8, ${c[1]}::float8), 4326)`;

export async function insertAttendancePoint(
  db: Database,
  v: AttendancePointValues,
  createdBy: number | null,
): Promise<{ id: number; version: number }> {
  const { rows } = await sql<{ id: number; version: number }>`
    insert into attendance_point (name, region_id, shape, geom, center, radius_m, created_by)
    values (${v.name}, ${v.regionId}, ${v.shape}, ${v.geomHex}::geometry, ${centerSql(v.center)}, ${v.radiusM}, ${createdBy})
    returning id, version`.execute(db);
  return rows[0];
}

/** Changes a point if it still has `expectedVersion`; undefined when it changed meanwhile or is gone. */
export async function updateAttendancePoint(
  db: Database,
  id: number,
  expectedVersion: number,
  v: AttendancePointValues,
): Promise<{ id: number; version: number } | undefined> {
  const { rows } = await sql<{ id: number; version: number }>`
    update attendance_point set name = ${v.name}, region_id = ${v.regionId}, shape = ${v.shape}, geom = ${v.geomHex}::geometry,
           center = ${centerSql(v.center)}, radius_m = ${v.radiusM}, version = version + 1, updated_at = now()
     where id = ${id} and version = ${expectedVersion}
    returning id, version`.execute(db);
  return rows[0];
}

export async function setAttendancePointActive(
  db: Database,
  id: number,
  expectedVersion: number,
  active: boolean,
): Promise<{ id: number; version: number } | undefined> {
  const { rows } = await sql<{ id: number; version: number }>`
    update attendance_point set active = ${active}, version = version + 1, updated_at = now()
     where id = ${id} and version = ${expectedVersion}
    returning id, version`.execute(db);
  return rows[0];
}

/** Replaces whom a point serves. */
export async function replaceAttendancePointMembers(
  db: Database,
  pointId: number,
  staffIds: readonly number[],
  departmentIds: readonly number[],
): Promise<void> {
  await sql`delete from attendance_point_member where point_id = ${pointId}`.execute(db);
  if (staffIds.length > 0)
    await sql`insert into attendance_point_member (point_id, staff_id) select ${pointId}, unnest(${[...staffIds]}::bigint[])`.execute(
      db,
    );
  if (departmentIds.length > 0)
    await sql`insert into attendance_point_member (point_id, department_id) select ${pointId}, unnest(${[...departmentIds]}::int[])`.execute(
      db,
    );
}

export type AttendancePointMemberRow = { kind: "staff" | "department"; id: number; name: string; detail: string | null };

export type AttendancePointRow = {
  id: number;
  name: string;
  regionId: number;
  regionName: string;
  regionLevel: number;
  shape: "polygon" | "circle";
  /** GeoJSON Polygon text (7 decimals, about 1 cm). */
  geojson: string;
  centerLon: number | null;
  centerLat: number | null;
  radiusM: number | null;
  areaM2: number;
  vertices: number;
  bbox: [number, number, number, number];
  active: boolean;
  version: number;
  updatedAt: string;
  staffCount: number;
  departmentCount: number;
};

const POINT_COLUMNS = sql`p.id, p.name, p.region_id as "regionId", r.name as "regionName", r.level::int as "regionLevel", p.shape,
  st_asgeojson(p.geom, 7) as geojson, st_x(p.center) as "centerLon", st_y(p.center) as "centerLat", p.radius_m as "radiusM",
  st_area(p.geom::geography)::float8 as "areaM2", (st_npoints(p.geom) - 1)::int as vertices,
  array[st_xmin(p.geom), st_ymin(p.geom), st_xmax(p.geom), st_ymax(p.geom)]::float8[] as bbox,
  p.active, p.version, to_char(p.updated_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as "updatedAt",
  (select count(*) from attendance_point_member m where m.point_id = p.id and m.staff_id is not null)::int as "staffCount",
  (select count(*) from attendance_point_member m where m.point_id = p.id and m.department_id is not null)::int as "departmentCount"`;

/** One point whose region lies in the scope. */
export async function findAttendancePointInScope(
  db: Database,
  id: number,
  scope: Scope,
): Promise<AttendancePointRow | undefined> {
  const { rows } = await sql<AttendancePointRow>`
    select ${POINT_COLUMNS}
      from attendance_point p join region r on r.id = p.region_id
     where p.id = ${id} and r.path <@ ${scopeLiteral(scope)}::ltree[]`.execute(db);
  return rows[0];
}

/** Whom a point serves, people first, by name. */
export async function findAttendancePointMembers(db: Database, pointId: number): Promise<AttendancePointMemberRow[]> {
  const { rows } = await sql<AttendancePointMemberRow>`
    select 'staff' as kind, s.id, s.name, s.staff_no as detail
      from attendance_point_member m join staff s on s.id = m.staff_id where m.point_id = ${pointId}
    union all
    select 'department' as kind, d.id, d.name, null as detail
      from attendance_point_member m join department d on d.id = m.department_id where m.point_id = ${pointId}
    order by 1 desc, 3`.execute(db);
  return rows;
}

export type AttendancePointFilter = {
  q?: string;
  /** Points of this region and the regions below it. */
  regionId?: number;
  shape?: "polygon" | "circle";
  active?: boolean;
  /** Keyset: points with a smaller id than this (the list runs newest first). */
  before?: number;
  limit: number;
};

/** Points in the scope matching the filter, newest first. */
export async function listAttendancePointsInScope(
  db: Database,
  scope: Scope,
  f: AttendancePointFilter,
): Promise<AttendancePointRow[]> {
  const { rows } = await sql<AttendancePointRow>`
    select ${POINT_COLUMNS}
      from attendance_point p join region r on r.id = p.region_id
     where r.path <@ ${scopeLiteral(scope)}::ltree[]
       ${f.q ? sql`and p.name ilike ${`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}` : sql``}
       ${f.regionId !== undefined ? sql`and r.path <@ (select g.path from region g where g.id = ${f.regionId})` : sql``}
       ${f.shape ? sql`and p.shape = ${f.shape}` : sql``}
       ${f.active !== undefined ? sql`and p.active = ${f.active}` : sql``}
       ${f.before !== undefined ? sql`and p.id < ${f.before}` : sql``}
     order by p.id desc
     limit ${f.limit}`.execute(db);
  return rows;
}

export type RegionChoice = { id: number; name: string; level: number };

/** A region in the scope, or undefined. */
export async function findRegionInScopeById(db: Database, regionId: number, scope: Scope): Promise<RegionChoice | undefined> {
  const { rows } = await sql<RegionChoice>`
    select id, name, level::int as level from region where id = ${regionId} and path <@ ${scopeLiteral(scope)}::ltree[]`.execute(
    db,
  );
  return rows[0];
}

/**
 * The regions in the scope that hold a point, from the widest to the deepest (district … basic grid): the
 * region a fence drawn there most likely belongs to is the last, and the others are the choices above it.
 */
export async function findRegionsAtPoint(db: Database, lon: number, lat: number, scope: Scope): Promise<RegionChoice[]> {
  const { rows } = await sql<RegionChoice>`
    select id, name, level::int as level from region
     where st_covers(geom, st_setsrid(st_makepoint(${lon}::float8, ${lat}::float8), 4326)) and path <@ ${scopeLiteral(scope)}::ltree[]
     order by level`.execute(db);
  return rows;
}

/** The ids among `ids` of staff inside the scope. */
export async function staffIdsInScope(db: Database, ids: readonly number[], scope: Scope): Promise<number[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<{ id: number }>`
    select s.id from staff s where s.id = any(${[...ids]}::bigint[]) and ${staffWithinScope(sql`s.id`, scope)}`.execute(db);
  return rows.map((r) => r.id);
}

/** The ids among `ids` of departments inside the scope. */
export async function departmentIdsInScope(db: Database, ids: readonly number[], scope: Scope): Promise<number[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<{ id: number }>`
    select d.id from department d join region g on g.id = d.region_id
     where d.id = any(${[...ids]}::int[]) and g.path <@ ${scopeLiteral(scope)}::ltree[]`.execute(db);
  return rows.map((r) => r.id);
}

/** People and departments in the scope whose name (or staff number) starts with or holds `q`, for the member picker. */
export async function searchFenceMembers(
  db: Database,
  q: string,
  scope: Scope,
  limit: number,
): Promise<AttendancePointMemberRow[]> {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const { rows } = await sql<AttendancePointMemberRow>`
    (select 'department' as kind, d.id, d.name, g.name as detail
       from department d join region g on g.id = d.region_id
      where d.name ilike ${like} and d.valid_to is null and g.path <@ ${scopeLiteral(scope)}::ltree[]
      order by length(d.name), d.name limit ${limit})
    union all
    (select 'staff' as kind, s.id, s.name, s.staff_no || ' · ' || d.name as detail
       from staff s join department d on d.id = s.department_id
      where (s.name ilike ${like} or s.staff_no ilike ${like}) and s.leave_date is null and ${staffWithinScope(sql`s.id`, scope)}
      order by length(s.name), s.name limit ${limit})`.execute(db);
  return rows;
}

/**
 * The active fences serving a person: named as a member, or through their department or a department above it
 * (a fence for a street office serves the sections under it). Nearest first: the person's own fences, then by
 * how far up the tree the serving department is.
 */
export async function findFencesServingStaff(
  db: Database,
  staffId: number,
): Promise<{ id: number; name: string; depth: number }[]> {
  const { rows } = await sql<{ id: number; name: string; depth: number }>`
    with recursive chain (id, parent_id, depth) as (
      select d.id, d.parent_id, 0 from department d join staff s on s.department_id = d.id where s.id = ${staffId}
      union all
      select d.id, d.parent_id, c.depth + 1 from department d join chain c on d.id = c.parent_id where c.depth < 16
    )
    select p.id, p.name, min(case when m.staff_id is not null then -1 else c.depth end)::int as depth
      from attendance_point p join attendance_point_member m on m.point_id = p.id
      left join chain c on c.id = m.department_id
     where p.active and (m.staff_id = ${staffId} or c.id is not null)
     group by p.id, p.name
     order by depth, p.id`.execute(db);
  return rows;
}
