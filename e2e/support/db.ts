import { sql } from "kysely";
import { connect, type Connection } from "../../db/client";
import { e2eDatabaseUrl } from "./e2e-env";

/**
 * Direct reads of the e2e database, so specs assert against the data itself (not against numbers
 * written into the test).
 */
export function openE2eDb(): Connection {
  return connect(e2eDatabaseUrl(), { max: 2 });
}

export type GridFacts = {
  id: number;
  code: string;
  name: string;
  households: number;
  residents: number;
  floating: number;
  buildings: number;
  /** A point inside the grid (lng, lat). */
  inside: [number, number];
};

/** The basic grid with the most buildings (so zooming to it shows buildings), with its true counts. */
export async function aGridWithBuildings({ db }: Connection): Promise<GridFacts> {
  const { rows } = await sql<GridFacts & { x: number; y: number }>`
    select g.id, g.code, g.name,
           (select count(*)::int from household h join room r on r.id = h.room_id join building b on b.id = r.building_id where b.grid_id = g.id) as households,
           (select count(*)::int from resident p join household h on h.id = p.household_id join room r on r.id = h.room_id join building b on b.id = r.building_id where b.grid_id = g.id) as residents,
           (select count(*)::int from resident p join household h on h.id = p.household_id join room r on r.id = h.room_id join building b on b.id = r.building_id where b.grid_id = g.id and h.registration = 'floating') as floating,
           (select count(*)::int from building b where b.grid_id = g.id) as buildings,
           st_x(p.pt) as x, st_y(p.pt) as y
      from region g
      cross join lateral (
        -- a point inside the grid but away from buildings, so a click there hits the grid itself
        select st_pointonsurface(coalesce(nullif(st_difference(g.geom, (select st_union(st_buffer(b.geom::geography, 15)::geometry) from building b where b.grid_id = g.id)), 'GEOMETRYCOLLECTION EMPTY'::geometry), g.geom)) as pt
      ) p
     where g.level = 4
     order by (select count(*) from building b where b.grid_id = g.id) desc, g.code
     limit 1`.execute(db);
  const r = rows[0];
  return { ...r, inside: [r.x, r.y] };
}

export type BuildingFacts = {
  id: number;
  name: string;
  address: string;
  floors: number;
  entrances: number;
  rooms: number;
  inside: [number, number];
};

/** The tallest building (a real 楼盘表 to look at), with its room count. */
export async function aTallBuilding({ db }: Connection): Promise<BuildingFacts> {
  const { rows } = await sql<BuildingFacts>`
    select b.id, b.name, b.address, b.floors, b.entrances, (select count(*)::int from room r where r.building_id = b.id) as rooms,
           array[st_x(st_pointonsurface(b.geom)), st_y(st_pointonsurface(b.geom))] as inside
      from building b
     order by b.floors * b.entrances desc, b.id
     limit 1`.execute(db);
  return rows[0];
}

/** A room of the building with the most residents, including a key person when there is one. */
export async function aPopulatedRoom(
  { db }: Connection,
  buildingId: number,
): Promise<{ id: number; number: string; residents: number; keyPersonName: string | null }> {
  const { rows } = await sql<{ id: number; number: string; residents: number; keyPersonName: string | null }>`
    select r.id, r.number, count(p.id)::int as residents,
           (array_agg(p.name) filter (where p.key_person))[1] as "keyPersonName"
      from room r join household h on h.room_id = r.id join resident p on p.household_id = h.id
     where r.building_id = ${buildingId}
     group by r.id, r.number
     order by bool_or(p.key_person) desc, count(p.id) desc, r.id
     limit 1`.execute(db);
  return rows[0];
}

export async function aCommunity({ db }: Connection): Promise<{ id: number; code: string; name: string }> {
  const { rows } = await sql<{ id: number; code: string; name: string }>`
    select id, code, name from region where level = 2 and residents > 0 order by code limit 1`.execute(db);
  return rows[0];
}

/**
 * A room where a key person (重点人员) lives, with that person's real name (which must not show). The demo
 * district has key persons; should it have none, the first resident is made one, so the spec never skips.
 */
export async function aKeyPersonRoom({ db }: Connection): Promise<{ roomId: number; buildingId: number; name: string }> {
  const find = () =>
    sql<{ roomId: number; buildingId: number; name: string }>`
    select r.id as "roomId", r.building_id as "buildingId", p.name
      from resident p join household h on h.id = p.household_id join room r on r.id = h.room_id
     where p.key_person order by p.id limit 1`.execute(db);
  const { rows } = await find();
  if (rows[0]) return rows[0];
  await sql`update resident set key_person = true where id = (select min(id) from resident)`.execute(db);
  return (await find()).rows[0];
}
