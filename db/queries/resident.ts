import { sql, type Kysely } from "kysely";
import type { DB } from "../types";
import { withinScope, type Scope } from "./scope";

/*
 * Residents one by one (detail, reveal, lookup by identity number) and in bulk (exports).
 * Every function here must run inside `inScope(…)`: row-level security hides rooms, households and
 * residents outside the transaction's scope, and each query filters by the scope as well.
 * Ciphertext columns are selected only by the two functions whose callers decrypt on purpose
 * (findResidentSecrets, findResidentsForExport with `withCiphers`).
 */

/** Residents with their household, room, building and basic grid (p, h, r, b, g): the joins the queries here share. */
function residentsAtHome(db: Kysely<DB>) {
  return db
    .selectFrom("resident as p")
    .innerJoin("household as h", "h.id", "p.household_id")
    .innerJoin("room as r", "r.id", "h.room_id")
    .innerJoin("building as b", "b.id", "r.building_id")
    .innerJoin("region as g", "g.id", "p.grid_id");
}

export type ResidentDetailRow = {
  id: number;
  name: string;
  gender: string;
  /** ISO date (YYYY-MM-DD), text so no time zone shifts it. */
  birthDate: string;
  relation: string;
  idNumberMasked: string;
  phoneMasked: string | null;
  tags: string[];
  keyPerson: boolean;
  householdId: number;
  householdType: string;
  registration: string;
  workUnit: string | null;
  roomId: number;
  roomNumber: string;
  entrance: number;
  floor: number;
  buildingId: number;
  buildingName: string;
  buildingAddress: string;
  gridId: number;
  gridName: string;
  gridCode: string;
  gridPath: string;
  /** 街道 / 社区 / 小区 names above the grid, top down, joined with " / ". */
  areaPath: string;
};

/** One resident with household, room, building and grid, only when the grid lies inside the scope. */
export async function findResidentDetail(db: Kysely<DB>, id: number, scope: Scope): Promise<ResidentDetailRow | undefined> {
  return residentsAtHome(db)
    .select([
      "p.id",
      "p.name",
      "p.gender",
      sql<string>`to_char(p.birth_date, 'YYYY-MM-DD')`.as("birthDate"),
      "p.relation",
      "p.id_number_masked as idNumberMasked",
      "p.phone_masked as phoneMasked",
      "p.tags",
      "p.key_person as keyPerson",
      "h.id as householdId",
      "h.type as householdType",
      "h.registration",
      "h.work_unit as workUnit",
      "r.id as roomId",
      "r.number as roomNumber",
      "r.entrance",
      "r.floor",
      "b.id as buildingId",
      "b.name as buildingName",
      "b.address as buildingAddress",
      "g.id as gridId",
      "g.name as gridName",
      "g.code as gridCode",
      sql<string>`g.path::text`.as("gridPath"),
      sql<string>`(select coalesce(string_agg(a.name, ' / ' order by a.level), '') from region a
                    where a.path @> g.path and a.level between 1 and g.level - 1)`.as("areaPath"),
    ])
    .where("p.id", "=", id)
    .where(withinScope(sql.ref("g.path"), scope))
    .executeTakeFirst();
}

export type ResidentSecretsRow = {
  id: number;
  name: string;
  keyPerson: boolean;
  gridId: number;
  gridPath: string;
  idNumberCipher: Buffer;
  phoneCipher: Buffer | null;
};

/** The encrypted fields of one resident, for a reveal the caller has been allowed (scope-filtered). */
export async function findResidentSecrets(db: Kysely<DB>, id: number, scope: Scope): Promise<ResidentSecretsRow | undefined> {
  return db
    .selectFrom("resident as p")
    .innerJoin("region as g", "g.id", "p.grid_id")
    .select([
      "p.id",
      "p.name",
      "p.key_person as keyPerson",
      "g.id as gridId",
      sql<string>`g.path::text`.as("gridPath"),
      "p.id_number_cipher as idNumberCipher",
      "p.phone_cipher as phoneCipher",
    ])
    .where("p.id", "=", id)
    .where(withinScope(sql.ref("g.path"), scope))
    .executeTakeFirst();
}

export type ResidentLookupRow = {
  id: number;
  name: string;
  keyPerson: boolean;
  idNumberMasked: string;
  gridId: number;
  buildingId: number;
  buildingAddress: string;
  roomNumber: string;
  west: number;
  south: number;
  east: number;
  north: number;
};

/** A lookup hit's columns (`ResidentLookupRow`): who, where they live, and the building's box to zoom to. */
function residentLookups(db: Kysely<DB>) {
  return residentsAtHome(db).select([
    "p.id",
    "p.name",
    "p.key_person as keyPerson",
    "p.id_number_masked as idNumberMasked",
    "g.id as gridId",
    "b.id as buildingId",
    "b.address as buildingAddress",
    "r.number as roomNumber",
    sql<number>`st_xmin(b.geom)`.as("west"),
    sql<number>`st_ymin(b.geom)`.as("south"),
    sql<number>`st_xmax(b.geom)`.as("east"),
    sql<number>`st_ymax(b.geom)`.as("north"),
  ]);
}

/** The resident whose identity number has this keyed hash (exact match only), inside the scope. */
export async function findResidentByIdHash(db: Kysely<DB>, hash: Buffer, scope: Scope): Promise<ResidentLookupRow | undefined> {
  return residentLookups(db)
    .where("p.id_number_hash", "=", hash)
    .where(withinScope(sql.ref("g.path"), scope))
    .executeTakeFirst();
}

export type ExportResidentRow = {
  name: string;
  gender: string;
  birthDate: string;
  relation: string;
  idNumberMasked: string;
  phoneMasked: string | null;
  registration: string;
  tags: string[];
  keyPerson: boolean;
  buildingAddress: string;
  roomNumber: string;
  gridName: string;
  /** Present only when asked for (`withCiphers`): an unmasked export the caller was allowed. */
  idNumberCipher?: Buffer;
  phoneCipher?: Buffer | null;
};

function residentsOfSubtree(db: Kysely<DB>, regionPath: string, scope: Scope) {
  return db
    .selectFrom("resident as p")
    .innerJoin("region as g", "g.id", "p.grid_id")
    .where(sql<boolean>`g.path <@ ${regionPath}::ltree`)
    .where(withinScope(sql.ref("g.path"), scope));
}

/** How many residents live in the region's subtree (inside the scope): checked before a large export. */
export async function countResidentsInSubtree(db: Kysely<DB>, regionPath: string, scope: Scope): Promise<number> {
  const row = await residentsOfSubtree(db, regionPath, scope)
    .select(sql<number>`count(*)::int`.as("n"))
    .executeTakeFirstOrThrow();
  return row.n;
}

/**
 * Every resident of the region's subtree inside the scope, in the order a list is read on paper:
 * grid, building, entrance, floor, room, household, head of household first.
 */
export async function findResidentsForExport(
  db: Kysely<DB>,
  regionPath: string,
  scope: Scope,
  options: { withCiphers: boolean },
): Promise<ExportResidentRow[]> {
  const base = residentsAtHome(db)
    .where(sql<boolean>`g.path <@ ${regionPath}::ltree`)
    .where(withinScope(sql.ref("g.path"), scope))
    .select([
      "p.name",
      "p.gender",
      sql<string>`to_char(p.birth_date, 'YYYY-MM-DD')`.as("birthDate"),
      "p.relation",
      "p.id_number_masked as idNumberMasked",
      "p.phone_masked as phoneMasked",
      "h.registration",
      "p.tags",
      "p.key_person as keyPerson",
      "b.address as buildingAddress",
      "r.number as roomNumber",
      "g.name as gridName",
    ])
    .orderBy("g.code")
    .orderBy("b.code")
    .orderBy("r.entrance")
    .orderBy("r.floor")
    .orderBy("r.number")
    .orderBy("h.id")
    .orderBy(sql`case p.relation when 'head' then 0 when 'spouse' then 1 when 'parent' then 2 when 'child' then 3 else 4 end`)
    .orderBy("p.birth_date")
    .orderBy("p.id");
  if (!options.withCiphers) return base.execute();
  return base.select(["p.id_number_cipher as idNumberCipher", "p.phone_cipher as phoneCipher"]).execute();
}

/**
 * Residents whose name is `name` or starts with it, inside the scope, exact names first (the name index,
 * text_pattern_ops, serves the prefix). Key persons are never found by name: a hit would tell that the named
 * person is one. Run it inside `inScope` (row-level security).
 */
export async function findResidentsByName(
  db: Kysely<DB>,
  name: string,
  scope: Scope,
  limit: number,
): Promise<ResidentLookupRow[]> {
  const prefix = `${name.replaceAll("\\", "\\\\").replaceAll("%", "\\%").replaceAll("_", "\\_")}%`;
  return residentLookups(db)
    .where(sql<boolean>`p.name like ${prefix}`)
    .where("p.key_person", "=", false)
    .where(withinScope(sql.ref("g.path"), scope))
    .orderBy(sql`p.name = ${name}`, "desc")
    .orderBy("p.name")
    .orderBy("p.id")
    .limit(limit)
    .execute();
}
