import { sql } from "kysely";
import { withinScope, type Scope } from "./scope";
import type { Database } from "../client";

/**
 * The ledger of 12345 orders (hotline_order) and what the importer reads besides: the district's names,
 * its buildings and house numbers as places to match addresses against, and the category tree. Executor
 * first: every function works inside the import's transaction.
 */

export const HOTLINE_SYSTEM = "12345";

export type OrderLedgerRow = {
  id: number;
  order_no: string;
  status: "needs_location" | "imported";
  fields: unknown;
  content_hash: Buffer;
  region_path: string;
  case_id: number | null;
  version: number;
};

/** The orders with these numbers, locked until the transaction ends (an import and a placement never cross). */
export async function findOrdersForUpdate(db: Database, orderNos: readonly string[]): Promise<OrderLedgerRow[]> {
  if (orderNos.length === 0) return [];
  const rows = await db
    .selectFrom("hotline_order")
    .select([
      "id",
      "order_no",
      "status",
      "fields",
      "content_hash",
      sql<string>`region_path::text`.as("region_path"),
      "case_id",
      "version",
    ])
    .where("order_no", "in", orderNos)
    .forUpdate()
    .execute();
  return rows as OrderLedgerRow[];
}

/** What the ledger keeps of an order's row (the fields as JSON text, the phone encrypted). */
export type OrderValues = {
  orderNo: string;
  fieldsJson: string;
  contentHash: Buffer;
  phoneCipher: Buffer | null;
  receivedAt: Date;
  dueAt: Date | null;
  batchId: number | null;
};

/** An order that waits in the needs-location queue, visible to the area `regionPath`. */
export async function insertQueuedOrder(db: Database, v: OrderValues, regionPath: string) {
  await sql`
    insert into hotline_order (order_no, status, fields, content_hash, reporter_phone_cipher, received_at, due_at, region_path, first_batch_id, last_batch_id)
    values (${v.orderNo}, 'needs_location', ${v.fieldsJson}::text::jsonb, ${v.contentHash}, ${v.phoneCipher}, ${v.receivedAt}, ${v.dueAt},
            ${regionPath}::ltree, ${v.batchId}, ${v.batchId})`.execute(db);
}

/** An order that became a case: its region is the case's grid path, read in the same statement. */
export async function insertImportedOrder(db: Database, v: OrderValues, caseId: number) {
  await sql`
    insert into hotline_order (order_no, status, fields, content_hash, reporter_phone_cipher, received_at, due_at, region_path, case_id, first_batch_id, last_batch_id, located_at)
    select ${v.orderNo}, 'imported', ${v.fieldsJson}::text::jsonb, ${v.contentHash}, ${v.phoneCipher}, ${v.receivedAt}, ${v.dueAt},
           c.region_path, c.id, ${v.batchId}, ${v.batchId}, now()
      from case_record c where c.id = ${caseId}`.execute(db);
}

/** A re-imported order with new content (the case, if any, is updated by the caller). */
export async function updateOrderValues(db: Database, id: number, v: OrderValues) {
  await sql`
    update hotline_order
       set fields = ${v.fieldsJson}::text::jsonb, content_hash = ${v.contentHash}, reporter_phone_cipher = ${v.phoneCipher},
           received_at = ${v.receivedAt}, due_at = ${v.dueAt}, last_batch_id = ${v.batchId}, updated_at = now(), version = version + 1
     where id = ${id}`.execute(db);
}

/** Moves a queued order to another area (its address now names a street). */
export async function moveQueuedOrder(db: Database, id: number, regionPath: string) {
  await sql`update hotline_order set region_path = ${regionPath}::ltree where id = ${id} and status = 'needs_location'`.execute(
    db,
  );
}

/** Marks a queued order located: its case exists now and its region becomes the case's grid path. */
export async function markOrderImported(db: Database, id: number, caseId: number, locatedBy: number | null) {
  await sql`
    update hotline_order o
       set status = 'imported', case_id = c.id, region_path = c.region_path, located_at = now(), located_by = ${locatedBy},
           updated_at = now(), version = o.version + 1
      from case_record c
     where o.id = ${id} and c.id = ${caseId}`.execute(db);
}

/** The district's name and its streets/towns (level 1) with their paths: the address prefixes. */
export async function findDistrictNames(db: Database) {
  const { rows } = await sql<{ name: string; path: string; level: number }>`
    select name, path::text as path, level from region where level <= 1 order by level, id`.execute(db);
  return { district: rows.find((r) => r.level === 0) ?? null, streets: rows.filter((r) => r.level === 1) };
}

/**
 * Every building (point on its surface) and every firm's house number on a road (门牌) of the district,
 * with the grid path: the places an address can be matched against. Shops are left out (their address is
 * the building's), and so are social organisations (no number).
 */
export async function findPlaceCandidates(db: Database) {
  const { rows } = await sql<{
    id: number;
    kind: "building" | "house";
    address: string;
    grid_path: string;
    lon: number;
    lat: number;
  }>`
    select b.id, 'building' as kind, b.address, g.path::text as grid_path, st_x(p.pt) as lon, st_y(p.pt) as lat
      from building b
      join region g on g.id = b.grid_id
      cross join lateral (select st_pointonsurface(b.geom) as pt) p
    union all
    select o.id, 'house', o.address, g.path::text, st_x(o.geom), st_y(o.geom)
      from organization o
      join region g on g.id = o.grid_id
     where o.kind = 'enterprise'`.execute(db);
  return rows;
}

/** A cheap fingerprint of the places (an address index built from them is still good while it holds). */
export async function findPlacesFingerprint(db: Database): Promise<string> {
  const { rows } = await sql<{ f: string }>`
    select (select count(*) || ':' || coalesce(max(id), 0) from building) || '/' ||
           (select count(*) || ':' || coalesce(max(id), 0) from organization where kind = 'enterprise') as f`.execute(db);
  return rows[0].f;
}

/** Active categories by code and name (the 事件类别 column may use either). */
export async function findActiveCategories(db: Database) {
  return db.selectFrom("case_category").select(["id", "code", "name"]).where("active", "=", true).execute();
}

/** The needs-location queue of the caller's area, oldest order first (keyset on received_at, id). */
export async function findQueuedOrders(
  db: Database,
  scope: Scope,
  args: { limit: number; after?: { receivedAt: Date; id: number } | null },
) {
  let q = db
    .selectFrom("hotline_order")
    .select(["id", "order_no", "fields", "received_at", "due_at", "version", sql<string>`region_path::text`.as("region_path")])
    .where("status", "=", "needs_location")
    .where(withinScope(sql.ref("region_path"), scope));
  if (args.after) q = q.where(sql<boolean>`(received_at, id) > (${args.after.receivedAt}, ${args.after.id})`);
  return q.orderBy("received_at").orderBy("id").limit(args.limit).execute();
}

export async function countQueuedOrders(db: Database, scope: Scope): Promise<number> {
  const row = await db
    .selectFrom("hotline_order")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("status", "=", "needs_location")
    .where(withinScope(sql.ref("region_path"), scope))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** One queued order of the caller's area, locked for its placement. */
export async function findQueuedOrderForUpdate(db: Database, id: number, scope: Scope) {
  const row = await db
    .selectFrom("hotline_order")
    .select([
      "id",
      "order_no",
      "status",
      "fields",
      "content_hash",
      "reporter_phone_cipher",
      "received_at",
      "due_at",
      "version",
      "case_id",
      sql<string>`region_path::text`.as("region_path"),
    ])
    .where("id", "=", id)
    .where(withinScope(sql.ref("region_path"), scope))
    .forUpdate()
    .executeTakeFirst();
  return row ?? null;
}
