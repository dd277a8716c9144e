import { sql, type InsertObject, type Insertable, type UpdateObject } from "kysely";
import type { Database } from "../client";
import type { CaseEvent, DB } from "../types";

/**
 * Reads and writes of one case (the loop's verbs). Every function takes the executor first, so it works
 * inside the verb's transaction, where the row-level-security scope is set (db/queries/scope.ts).
 */

/** A WGS-84 point (SRID 4326) for a geometry column. */
export function pointGeometry(lon: number, lat: number) {
  return sql<string>`st_setsrid(st_makepoint(${lon}, ${lat}), 4326)`;
}

/** The basic grid (level 4) a point falls in, with the grid's path; null outside every grid. */
export async function findGridAtPoint(db: Database, lon: number, lat: number) {
  const { rows } = await sql<{ id: number; path: string; district_code: string }>`
    select id, path::text as path, district_code from region
     where level = 4 and st_intersects(geom, st_setsrid(st_makepoint(${lon}, ${lat}), 4326))
     order by id limit 1`.execute(db);
  return rows[0] ?? null;
}

export async function insertCase(db: Database, values: InsertObject<DB, "case_record">) {
  return db.insertInto("case_record").values(values).returning(["id", "number"]).executeTakeFirstOrThrow();
}

/** A timeline row; `details` is an object stored as jsonb. */
export async function insertCaseEvent(
  db: Database,
  values: Omit<Insertable<CaseEvent>, "details"> & { details?: Record<string, unknown> | null },
) {
  const { details, ...rest } = values;
  return db
    .insertInto("case_event")
    .values({ ...rest, details: details && Object.keys(details).length ? jsonb(details) : null })
    .returning("id")
    .executeTakeFirstOrThrow();
}

/** An object as a jsonb value (sent as text and cast once: a bound JS string would become a JSON string). */
function jsonb(value: object) {
  return sql<string>`${JSON.stringify(value)}::text::jsonb`;
}

export async function findCaseIdByClientRequest(db: Database, clientRequestId: string) {
  const row = await db
    .selectFrom("case_record")
    .select(["id", "number"])
    .where("client_request_id", "=", clientRequestId)
    .executeTakeFirst();
  return row ?? null;
}

/** The case row, locked for the rest of the transaction (two people acting at once queue here). */
export async function findCaseForUpdate(db: Database, caseId: number) {
  return db.selectFrom("case_record").selectAll().where("id", "=", caseId).forUpdate().executeTakeFirst();
}

/** Writes the new state; guarded by the version the caller read, so a lost race changes no row. */
export async function updateCase(db: Database, caseId: number, expectedVersion: number, patch: UpdateObject<DB, "case_record">) {
  const result = await db
    .updateTable("case_record")
    .set({ ...patch, version: expectedVersion + 1, updated_at: sql<Date>`now()` })
    .where("id", "=", caseId)
    .where("version", "=", expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function findEventByRequest(db: Database, caseId: number, requestId: string) {
  return db
    .selectFrom("case_event")
    .select(["id", "action"])
    .where("case_id", "=", caseId)
    .where("request_id", "=", requestId)
    .executeTakeFirst();
}

/** The units an account acts for. */
export async function findUnitIdsOfUser(db: Database, userId: number | null): Promise<number[]> {
  if (userId === null) return [];
  const rows = await db.selectFrom("case_unit_member").select("unit_id").where("user_id", "=", userId).execute();
  return rows.map((r) => r.unit_id);
}

/** Active units among `ids` (to check a dispatch names real units). */
export async function findActiveUnits(db: Database, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom("case_unit").select(["id", "name", "kind"]).where("id", "in", ids).where("active", "=", true).execute();
}

/**
 * The routing rule for a case: the category's own rule or its parent's, on the deepest region that
 * contains the case's grid (a community's rule beats the district's).
 */
export async function findRoutingRule(db: Database, categoryId: number, parentCategoryId: number | null, regionPath: string) {
  const { rows } = await sql<{ lead_unit_id: number; co_unit_ids: number[]; auto_dispatch: boolean }>`
    select rr.lead_unit_id, rr.co_unit_ids, rr.auto_dispatch
      from routing_rule rr
      join region r on r.id = rr.region_id
      join case_unit u on u.id = rr.lead_unit_id and u.active
     where rr.category_id = any(${[categoryId, ...(parentCategoryId !== null ? [parentCategoryId] : [])]}::int[])
       and r.path @> ${regionPath}::ltree
     order by nlevel(r.path) desc, (rr.category_id = ${categoryId}) desc
     limit 1`.execute(db);
  return rows[0] ?? null;
}

/** Attaches photos the user uploaded and has not attached yet; returns how many were attached. */
export async function attachPhotos(db: Database, caseId: number, photoIds: readonly number[], userId: number | null) {
  if (photoIds.length === 0) return 0;
  const result = await db
    .updateTable("case_photo")
    .set({ case_id: caseId })
    .where("id", "in", photoIds)
    .where("case_id", "is", null)
    .where((eb) => (userId === null ? eb("uploaded_by", "is", null) : eb("uploaded_by", "=", userId)))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export type NoticeInsert = {
  caseId: number;
  kind: "red_warning" | "major_risk" | "risk_warning" | "risk_info" | "escalated" | "reminder" | "supervision" | "assigned";
  level: string;
  regionPath: string;
  unitId?: number | null;
  message: string;
};

export async function insertNotices(db: Database, notices: readonly NoticeInsert[]) {
  if (notices.length === 0) return;
  await db
    .insertInto("case_notice")
    .values(
      notices.map((n) => ({
        case_id: n.caseId,
        kind: n.kind,
        level: n.level,
        region_path: n.regionPath,
        unit_id: n.unitId ?? null,
        message: n.message,
      })),
    )
    .execute();
}

/** Open cases of the same category near a point within a time window (duplicate suggestions). */
export async function findNearbyOpenCases(
  db: Database,
  args: { categoryId: number; lon: number; lat: number; meters: number; since: Date; excludeId?: number; limit: number },
) {
  const { rows } = await sql<{ id: number }>`
    select c.id from case_record c
     where c.category_id = ${args.categoryId}
       and c.reported_at >= ${args.since}
       and c.state not in ('cancelled', 'closed', 'evaluated')
       and c.merged_into_id is null
       and c.id <> ${args.excludeId ?? 0}
       -- metres on the ground are 1/cos(latitude) Web Mercator units: the GIST index on geom_3857 answers it
       and st_dwithin(c.geom_3857, st_transform(st_setsrid(st_makepoint(${args.lon}, ${args.lat}), 4326), 3857), ${args.meters} / cos(radians(${args.lat})))
     order by c.reported_at desc
     limit ${args.limit}`.execute(db);
  return rows.map((r) => r.id);
}
