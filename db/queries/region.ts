import { sql, type Kysely } from "kysely";
import type { DB } from "../types";
import { scopeLiteral, withinScope, type Scope } from "./scope";

export type RegionRow = {
  id: number;
  code: string;
  name: string;
  level: number;
  kind: string;
  parentId: number | null;
  path: string;
  households: number;
  residents: number;
  floatingResidents: number;
  rentedRooms: number;
  specialGroupResidents: number;
  keyPersons: number;
  buildings: number;
  childCount: number;
  west: number;
  south: number;
  east: number;
  north: number;
};

function regionColumns() {
  return [
    "r.id",
    "r.code",
    "r.name",
    "r.level",
    "r.kind",
    "r.parent_id as parentId",
    sql<string>`r.path::text`.as("path"),
    "r.households",
    "r.residents",
    "r.floating_residents as floatingResidents",
    "r.rented_rooms as rentedRooms",
    "r.special_group_residents as specialGroupResidents",
    "r.key_persons as keyPersons",
    "r.buildings",
    sql<number>`(select count(*)::int from region c where c.parent_id = r.id)`.as("childCount"),
    sql<number>`st_xmin(r.geom)`.as("west"),
    sql<number>`st_ymin(r.geom)`.as("south"),
    sql<number>`st_xmax(r.geom)`.as("east"),
    sql<number>`st_ymax(r.geom)`.as("north"),
  ] as const;
}

/** One region by id, only when it lies inside the scope. */
export async function findRegionById(db: Kysely<DB>, id: number, scope: Scope): Promise<RegionRow | undefined> {
  return db
    .selectFrom("region as r")
    .select(regionColumns())
    .where("r.id", "=", id)
    .where(withinScope(sql.ref("r.path"), scope))
    .executeTakeFirst();
}

/** One region by its national/grid code, only when it lies inside the scope. */
export async function findRegionByCode(db: Kysely<DB>, code: string, scope: Scope): Promise<RegionRow | undefined> {
  return db
    .selectFrom("region as r")
    .select(regionColumns())
    .where("r.code", "=", code)
    .where(withinScope(sql.ref("r.path"), scope))
    .executeTakeFirst();
}

/** The direct children of a region inside the scope, ordered by code (the official order). */
export async function findRegionChildren(db: Kysely<DB>, parentId: number, scope: Scope): Promise<RegionRow[]> {
  return db
    .selectFrom("region as r")
    .select(regionColumns())
    .where("r.parent_id", "=", parentId)
    .where(withinScope(sql.ref("r.path"), scope))
    .orderBy("r.code")
    .execute();
}

export type RegionCrumbRow = { id: number; code: string; name: string; level: number; kind: string };

/**
 * The ancestors of a region and the region itself, from the district down. Ancestors above the
 * caller's scope are dropped: a grid head's breadcrumb starts at their own area.
 */
export async function findRegionAncestry(db: Kysely<DB>, id: number, scope: Scope): Promise<RegionCrumbRow[]> {
  return db
    .selectFrom("region as self")
    .innerJoin("region as a", (join) => join.on(sql<boolean>`self.path <@ a.path`))
    .select(["a.id", "a.code", "a.name", "a.level", "a.kind"])
    .where("self.id", "=", id)
    .where(withinScope(sql.ref("self.path"), scope))
    .where(withinScope(sql.ref("a.path"), scope))
    .orderBy("a.level")
    .execute();
}

/** The root regions of the scope (the district for a district commander) with their bounds, by path. */
export async function findScopeRoots(db: Kysely<DB>, scope: Scope): Promise<RegionRow[]> {
  return db
    .selectFrom("region as r")
    .select(regionColumns())
    .where(sql<boolean>`r.path = any(${scopeLiteral(scope)}::ltree[])`)
    .orderBy("r.path")
    .execute();
}

export type RegionRef = { id: number; path: string; name: string; level: number };

/** The regions with these ids (any level; missing ids are simply absent). For contexts built from assignments. */
export async function findRegionsByIds(db: Kysely<DB>, ids: readonly number[]): Promise<RegionRef[]> {
  if (!ids.length) return [];
  const { rows } = await sql<RegionRef>`
    select id, path::text as path, name, level from region where id = any(${[...ids]}::int[])`.execute(db);
  return rows;
}

/** The district's region id (the first level-0 region); null before a district is loaded. */
export async function findDistrictRegionId(db: Kysely<DB>): Promise<number | null> {
  const { rows } = await sql<{ id: number }>`select id from region where level = 0 order by id limit 1`.execute(db);
  return rows[0]?.id ?? null;
}

/** Recomputes the per-region counts the map and the side panel show (the database function refresh_region_stats). */
export async function refreshRegionStats(db: Kysely<DB>): Promise<void> {
  await sql`select refresh_region_stats()`.execute(db);
}
