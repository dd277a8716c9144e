import { sql } from "kysely";
import type { Database } from "../client";

/**
 * Punches: the fences serving a person and the distance to the nearest one (PostGIS on geography, metres),
 * the punch rows themselves, and what the phone page shows of a day. The rule that turns a distance into
 * inside / outside / refused is lib/attendance/punch/fence-verdict.ts.
 */

/** One position to test: `key` comes back with its answer (so many can be tested in one statement). */
export type FenceProbe = { key: number; staffId: number; lon: number; lat: number };

export type FenceProbeResult = {
  key: number;
  /** The nearest active fence serving the person; null when none serves them. */
  pointId: number | null;
  pointName: string | null;
  /** Metres from the position to that fence: 0 inside a polygon; for a circle, to its rim (0 inside). */
  distanceM: number | null;
  /** Whether the position lies within `farM` metres of the person's district's bounding box. */
  withinDistrict: boolean;
};

/**
 * The nearest fence serving each person and its distance, for one punch or for thousands at once (the
 * demo generator uses the same statement). A fence serves a person when they are a member by name, or their
 * department or any department above it is. Distances are on the spheroid (geography): a polygon's is 0 when
 * ST_Covers holds, else ST_Distance to its edge; a circle's is the distance to its centre minus its radius.
 */
export async function nearestServingFences(
  db: Database,
  probes: readonly FenceProbe[],
  options: { farM: number },
): Promise<FenceProbeResult[]> {
  if (probes.length === 0) return [];
  const { rows } = await sql<FenceProbeResult>`
    with recursive probe as (
      select p.key, p.staff_id, st_setsrid(st_makepoint(p.lon, p.lat), 4326)::geography as pos
        from unnest(${probes.map((p) => p.key)}::int[], ${probes.map((p) => p.staffId)}::bigint[],
                    ${probes.map((p) => p.lon)}::float8[], ${probes.map((p) => p.lat)}::float8[]) as p(key, staff_id, lon, lat)
    ),
    people as (select distinct staff_id from probe),
    chain (staff_id, department_id, parent_id) as (
      select s.id, d.id, d.parent_id from people pe join staff s on s.id = pe.staff_id join department d on d.id = s.department_id
      union all
      select c.staff_id, d.id, d.parent_id from chain c join department d on d.id = c.parent_id
    ),
    serving (staff_id, point_id) as (
      select m.staff_id, m.point_id from attendance_point_member m join people pe on pe.staff_id = m.staff_id
      union
      select c.staff_id, m.point_id from chain c join attendance_point_member m on m.department_id = c.department_id
    )
    select p.key as "key", f.id as "pointId", f.name as "pointName", f.distance_m as "distanceM",
           coalesce((select st_dwithin(st_envelope(r.geom)::geography, p.pos, ${options.farM})
                       from staff s join region r on r.code = s.district_code and r.level = 0
                      where s.id = p.staff_id), false) as "withinDistrict"
      from probe p
      left join lateral (
        select a.id, a.name,
               case when a.shape = 'circle' then greatest(0, st_distance(a.center::geography, p.pos) - a.radius_m)
                    when st_covers(a.geom::geography, p.pos) then 0
                    else st_distance(a.geom::geography, p.pos) end as distance_m
          from serving sv join attendance_point a on a.id = sv.point_id and a.active
         where sv.staff_id = p.staff_id
         order by distance_m, a.id
         limit 1
      ) f on true
     order by p.key`.execute(db);
  return rows;
}

/** The person behind a sign-in account (the phone's "me"), with what a punch needs to know of them. */
export type PunchingStaff = { id: number; name: string; departmentId: number; districtCode: string };

export async function findStaffOfUser(db: Database, userId: number): Promise<PunchingStaff | null> {
  const row = await db
    .selectFrom("staff")
    .select(["id", "name", "department_id as departmentId", "district_code as districtCode"])
    .where("user_id", "=", userId)
    .where((eb) => eb.or([eb("leave_date", "is", null), eb("leave_date", ">", sql<Date>`current_date`)]))
    .executeTakeFirst();
  return row ?? null;
}

/** A punch as the phone and the lists show it. */
export type PunchRow = {
  id: number;
  staffId: number;
  requestId: string;
  kind: "in" | "out";
  serverAt: Date;
  deviceAt: Date | null;
  day: string;
  lon: number | null;
  lat: number | null;
  accuracyM: number | null;
  pointId: number | null;
  pointName: string | null;
  distanceM: number | null;
  inside: boolean;
  outsideReason: string | null;
  offline: boolean;
  reviewFlags: string[];
  hasPhoto: boolean;
};

const punchColumns = sql`p.id, p.staff_id as "staffId", p.request_id::text as "requestId", p.kind, p.server_at as "serverAt",
  p.device_at as "deviceAt", p.day::text as day, st_x(p.position) as lon, st_y(p.position) as lat, p.accuracy_m as "accuracyM",
  p.point_id as "pointId", a.name as "pointName", p.distance_m as "distanceM", p.inside, p.outside_reason as "outsideReason",
  p.offline, p.review_flags as "reviewFlags", p.photo is not null as "hasPhoto"`;

export async function findPunchByRequestId(db: Database, requestId: string): Promise<PunchRow | null> {
  const { rows } = await sql<PunchRow>`
    select ${punchColumns} from attendance_punch p left join attendance_point a on a.id = p.point_id
     where p.request_id = ${requestId}::uuid`.execute(db);
  return rows[0] ?? null;
}

export async function listPunchesOfDay(db: Database, staffId: number, day: string): Promise<PunchRow[]> {
  const { rows } = await sql<PunchRow>`
    select ${punchColumns} from attendance_punch p left join attendance_point a on a.id = p.point_id
     where p.staff_id = ${staffId} and p.day = ${day}::date
     order by p.server_at, p.id`.execute(db);
  return rows;
}

export type NewPunch = {
  staffId: number;
  requestId: string;
  kind: "in" | "out";
  /** The server's time of the punch; omitted = the database's now() (the demo generator passes its own). */
  serverAt?: Date | null;
  deviceAt: Date | null;
  /** The day the punch belongs to; omitted = the Beijing day of the server time. */
  day?: string | null;
  lon: number | null;
  lat: number | null;
  accuracyM: number | null;
  pointId: number | null;
  distanceM: number | null;
  inside: boolean;
  outsideReason: string | null;
  offline: boolean;
  reviewFlags: readonly string[];
  photo: { mime: string; bytes: Uint8Array } | null;
};

/**
 * Inserts punches (one, or a whole morning's for the demo data) as one statement over unnest(); booleans and
 * photos travel as text arrays because postgres.js cannot type a boolean[] or bytea[] parameter. A request id already stored is skipped (ON CONFLICT DO NOTHING waits for a racing copy
 * to commit). Returns the request ids actually inserted with their id, server time and day.
 */
export async function insertPunches(
  db: Database,
  punches: readonly NewPunch[],
): Promise<{ id: number; requestId: string; serverAt: Date; day: string }[]> {
  if (punches.length === 0) return [];
  const { rows } = await sql<{ id: number; requestId: string; serverAt: Date; day: string }>`
    insert into attendance_punch (staff_id, request_id, kind, server_at, device_at, day, position, accuracy_m, point_id,
                                  distance_m, inside, outside_reason, offline, review_flags, photo_mime, photo)
    select v.staff_id, v.request_id, v.kind, coalesce(v.server_at, now()), v.device_at,
           coalesce(v.day, (coalesce(v.server_at, now()) at time zone 'Asia/Shanghai')::date),
           case when v.lon is null then null else st_setsrid(st_makepoint(v.lon, v.lat), 4326) end,
           v.accuracy_m, v.point_id, v.distance_m, v.inside, v.outside_reason, v.offline,
           coalesce((select array_agg(f) from unnest(string_to_array(nullif(v.flags, ''), ',')) f), '{}'),
           v.photo_mime, v.photo
      from unnest(${punches.map((p) => p.staffId)}::bigint[], ${punches.map((p) => p.requestId)}::uuid[],
                  ${punches.map((p) => p.kind)}::text[], ${punches.map((p) => p.serverAt?.toISOString() ?? null)}::timestamptz[],
                  ${punches.map((p) => p.deviceAt?.toISOString() ?? null)}::timestamptz[], ${punches.map((p) => p.day ?? null)}::date[],
                  ${punches.map((p) => p.lon)}::float8[], ${punches.map((p) => p.lat)}::float8[],
                  ${punches.map((p) => p.accuracyM)}::float8[], ${punches.map((p) => p.pointId)}::bigint[],
                  ${punches.map((p) => p.distanceM)}::float8[], ${punches.map((p) => String(p.inside))}::text[]::boolean[],
                  ${punches.map((p) => p.outsideReason)}::text[], ${punches.map((p) => String(p.offline))}::text[]::boolean[],
                  ${punches.map((p) => p.reviewFlags.join(","))}::text[], ${punches.map((p) => p.photo?.mime ?? null)}::text[],
                  ${punches.map((p) => (p.photo ? `\\x${Buffer.from(p.photo.bytes).toString("hex")}` : null))}::text[]::bytea[])
        as v(staff_id, request_id, kind, server_at, device_at, day, lon, lat, accuracy_m, point_id, distance_m, inside,
             outside_reason, offline, flags, photo_mime, photo)
    on conflict (request_id) do nothing
    returning id, request_id::text as "requestId", server_at as "serverAt", day::text as day`.execute(db);
  return rows;
}

/** The Beijing day and time now by the database's clock (the server's time decides a punch). */
export async function databaseNow(db: Database): Promise<{ now: Date; day: string }> {
  const { rows } = await sql<{ now: Date; day: string }>`
    select now() as now, (now() at time zone 'Asia/Shanghai')::date::text as day`.execute(db);
  return rows[0];
}

/** A fence serving the person, as GeoJSON for the phone's small map. */
export type ServingFence = { id: number; name: string; shape: "polygon" | "circle"; radiusM: number | null; geometry: unknown };

export async function listServingFences(db: Database, staffId: number): Promise<ServingFence[]> {
  const { rows } = await sql<ServingFence & { geometry: string }>`
    with recursive chain (id, parent_id) as (
      select d.id, d.parent_id from staff s join department d on d.id = s.department_id where s.id = ${staffId}
      union all
      select d.id, d.parent_id from chain c join department d on d.id = c.parent_id
    )
    select a.id, a.name, a.shape, a.radius_m as "radiusM", st_asgeojson(a.geom, 7) as geometry
      from attendance_point a
     where a.active and exists (select 1 from attendance_point_member m
                                 where m.point_id = a.id and (m.staff_id = ${staffId} or m.department_id in (select id from chain)))
     order by a.id
     limit 20`.execute(db);
  return rows.map((r) => ({ ...r, geometry: JSON.parse(r.geometry) as unknown }));
}
