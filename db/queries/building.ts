import { sql, type Kysely } from "kysely";
import type { DB } from "../types";
import { withinScope, type Scope } from "./scope";

export type BuildingRow = {
  id: number;
  code: string;
  name: string;
  address: string;
  type: string;
  floors: number;
  entrances: number;
  roomsPerFloor: number;
  gridId: number;
  west: number;
  south: number;
  east: number;
  north: number;
};

/** One building by id, only when its basic grid lies inside the scope. */
export async function findBuildingById(db: Kysely<DB>, id: number, scope: Scope): Promise<BuildingRow | undefined> {
  return db
    .selectFrom("building as b")
    .innerJoin("region as g", "g.id", "b.grid_id")
    .select([
      "b.id",
      "b.code",
      "b.name",
      "b.address",
      "b.type",
      "b.floors",
      "b.entrances",
      "b.rooms_per_floor as roomsPerFloor",
      "b.grid_id as gridId",
      sql<number>`st_xmin(b.geom)`.as("west"),
      sql<number>`st_ymin(b.geom)`.as("south"),
      sql<number>`st_xmax(b.geom)`.as("east"),
      sql<number>`st_ymax(b.geom)`.as("north"),
    ])
    .where("b.id", "=", id)
    .where(withinScope(sql.ref("g.path"), scope))
    .executeTakeFirst();
}

export type RoomCellRow = {
  id: number;
  entrance: number;
  floor: number;
  number: string;
  area: number;
  use: string;
  households: number;
  residents: number;
  specialResidents: number;
  keyPersons: number;
  floatingResidents: number;
};

/**
 * Every room of a building with the flags the 楼盘表 shows (special groups, key persons, floating),
 * aggregated in SQL so a 30-floor tower is one query.
 */
export async function findBuildingRooms(db: Kysely<DB>, buildingId: number): Promise<RoomCellRow[]> {
  const { rows } = await sql<RoomCellRow>`
    select r.id, r.entrance, r.floor, r.number, r.area::float8 as area, r.use,
           coalesce(h.households, 0)::int as households,
           coalesce(p.residents, 0)::int as residents,
           coalesce(p.special, 0)::int as "specialResidents",
           coalesce(p.key_persons, 0)::int as "keyPersons",
           coalesce(p.floating, 0)::int as "floatingResidents"
      from room r
      left join lateral (select count(*) as households from household h where h.room_id = r.id) h on true
      left join lateral (
        select count(*) as residents,
               count(*) filter (where cardinality(x.tags) > 0) as special,
               count(*) filter (where x.key_person) as key_persons,
               count(*) filter (where hh.registration = 'floating') as floating
          from household hh join resident x on x.household_id = hh.id
         where hh.room_id = r.id
      ) p on true
     where r.building_id = ${buildingId}
     order by r.entrance, r.floor desc, r.number`.execute(db);
  return rows;
}

export type GridBuildingRow = {
  id: number;
  name: string;
  address: string;
  floors: number;
  rooms: number;
};

/**
 * One page of a basic grid's buildings in address order (then id), after the building `afterId` (keyset:
 * the address and id of that building), with each building's room count. Rooms have row-level security:
 * run it inside `inScope`. `limit + 1` rows are read so the caller knows whether more follow.
 */
export async function findGridBuildings(
  db: Kysely<DB>,
  gridId: number,
  page: { afterId: number | null; limit: number },
): Promise<GridBuildingRow[]> {
  const after =
    page.afterId === null
      ? sql<boolean>`true`
      : sql<boolean>`(b.address, b.id) > (select a.address, a.id from building a where a.id = ${page.afterId} and a.grid_id = ${gridId})`;
  const { rows } = await sql<GridBuildingRow>`
    select b.id::int as id, b.name, b.address, b.floors,
           (select count(*) from room r where r.building_id = b.id)::int as rooms
      from building b
     where b.grid_id = ${gridId} and ${after}
     order by b.address, b.id
     limit ${page.limit + 1}`.execute(db);
  return rows;
}
