import { sql } from "kysely";
import { withinScope, type Scope } from "./scope";
import type { Database } from "../client";

/** Open311 API keys: only the SHA-256 of a token is ever stored or compared. */

export type ApiKeyRow = {
  id: number;
  name: string;
  key_prefix: string;
  region_id: number;
  region_name: string;
  region_path: string;
  created_by_name: string;
  created_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
  request_count: number;
  version: number;
};

export async function insertApiKey(
  db: Database,
  v: { name: string; prefix: string; hash: Buffer; regionId: number; createdBy: number | null; createdByName: string },
): Promise<number> {
  const row = await db
    .insertInto("api_key")
    .values({
      name: v.name,
      key_prefix: v.prefix,
      key_hash: v.hash,
      region_id: v.regionId,
      created_by: v.createdBy,
      created_by_name: v.createdByName,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The keys whose region lies inside the administrator's area, newest first, with how many requests each posted. */
export async function findApiKeys(db: Database, scope: Scope, args: { id?: number } = {}): Promise<ApiKeyRow[]> {
  const { rows } = await sql<ApiKeyRow>`
    select k.id, k.name, k.key_prefix, k.region_id, r.name as region_name, r.path::text as region_path, k.created_by_name, k.created_at,
           k.revoked_at, k.last_used_at, k.version,
           (select count(*)::int from open311_request q where q.api_key_id = k.id) as request_count
      from api_key k join region r on r.id = k.region_id
     where ${withinScope(sql.ref("r.path"), scope)} ${args.id !== undefined ? sql`and k.id = ${args.id}` : sql``}
     order by k.created_at desc, k.id desc
     limit 500`.execute(db);
  return rows;
}

export async function revokeApiKeyRow(db: Database, id: number, by: number | null): Promise<boolean> {
  const result = await db
    .updateTable("api_key")
    .set({ revoked_at: sql<Date>`now()`, revoked_by: by, version: sql<number>`version + 1` })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type UsedKey = {
  id: number;
  name: string;
  key_prefix: string;
  region_path: string;
  window_count: number;
  /** Seconds until the key's one-minute window turns (at least 1): a throttled caller's Retry-After. */
  window_resets_in: number;
};

/**
 * The live key with this hash, marked used, its one-minute window counter advanced in the same statement
 * (a new window starts when the old one is a minute old): the caller compares window_count with the limit.
 * null for an unknown or revoked key.
 */
export async function touchApiKey(db: Database, hash: Buffer): Promise<UsedKey | null> {
  const { rows } = await sql<UsedKey>`
    update api_key k
       set last_used_at = now(),
           window_count = case when k.window_started_at > now() - interval '1 minute' then k.window_count + 1 else 1 end,
           window_started_at = case when k.window_started_at > now() - interval '1 minute' then k.window_started_at else now() end
      from region r
     where k.key_hash = ${hash} and k.revoked_at is null and r.id = k.region_id
    returning k.id, k.name, k.key_prefix, r.path::text as region_path, k.window_count,
              greatest(1, ceil(extract(epoch from k.window_started_at + interval '1 minute' - now())))::int as window_resets_in`.execute(
    db,
  );
  return rows[0] ?? null;
}

/** The district and its streets/towns inside the administrator's area: the regions a key may be bound to. */
export async function findKeyRegionOptions(db: Database, scope: Scope) {
  return db
    .selectFrom("region")
    .select(["id", "name", "level", sql<string>`path::text`.as("path")])
    .where("level", "<=", 1)
    .where(withinScope(sql.ref("path"), scope))
    .orderBy("level")
    .orderBy("code")
    .execute();
}

export async function findRegionPath(db: Database, id: number): Promise<{ path: string; level: number } | null> {
  const row = await db
    .selectFrom("region")
    .select([sql<string>`path::text`.as("path"), "level"])
    .where("id", "=", id)
    .executeTakeFirst();
  return row ?? null;
}
