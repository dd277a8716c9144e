import { Kysely } from "kysely";
import { PostgresJSDialect } from "kysely-postgres-js";
import postgres from "postgres";
import type { DB } from "./types";
import { env } from "../lib/env";
import { appDatabaseUrl } from "./url";

export type Database = Kysely<DB>;

export type Connection = { db: Database; sql: postgres.Sql };

/**
 * Opens Kysely over postgres.js. The raw `sql` client is kept beside it for the few places that need
 * postgres.js directly: COPY streams in the seed and prepared tile statements returning bytea.
 */
export function connect(url: string, options: { max?: number; settings?: Record<string, string> } = {}): Connection {
  const sql = postgres(url, {
    max: options.max ?? 10,
    // Session settings sent at connection start (e.g. the tile pool turns parallel query off).
    connection: options.settings,
    onnotice: () => {},
    // Bigint ids come back as JS numbers: ids stay far below 2^53.
    types: { bigint: { to: 20, from: [20], serialize: (x: number) => String(x), parse: (x: string) => Number(x) } },
    debug: env().LOG_SQL === "1" ? (_c, query) => process.stderr.write(`[sql] ${query}\n`) : undefined,
  });
  const db = new Kysely<DB>({ dialect: new PostgresJSDialect({ postgres: sql }) });
  // Kysely only ends the postgres.js pool if Kysely itself ran a query; a caller that used `sql` alone
  // (COPY in the seed, tiles) would otherwise hang on exit. `db.destroy()` always ends the pool.
  const destroyKysely = db.destroy.bind(db);
  db.destroy = async () => {
    await destroyKysely();
    await sql.end({ timeout: 5 });
  };
  return { db, sql };
}

const globalForDb = globalThis as unknown as { gridatlasDb?: Connection };

/**
 * The web application's shared connection (one pool per process, kept across Next.js hot reloads),
 * as the application role: it owns no tables and row-level security applies (migrations, the seed and
 * the worker use the owner's URL instead).
 *
 * Plans are made for each statement's own values (plan_cache_mode = force_custom_plan): postgres.js
 * prepares every statement, and from the sixth run PostgreSQL may switch to a generic plan that knows
 * neither the area nor the period — on case_record that turned a 1 s district report into 6 s.
 */
export function productConnection(): Connection {
  globalForDb.gridatlasDb ??= connect(appDatabaseUrl(), { settings: { plan_cache_mode: "force_custom_plan" } });
  return globalForDb.gridatlasDb;
}
