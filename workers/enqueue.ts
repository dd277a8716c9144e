import "server-only";
import { CompiledQuery, type Kysely, type Transaction } from "kysely";
import { PgBoss } from "pg-boss";
import type { DB } from "../db/types";

/**
 * The one file lib/ imports to send a job. The job row is written through the caller's executor, so a
 * job enqueued inside a transaction is committed (or rolled back) together with the change that caused it.
 */
/**
 * `throttleSeconds`: at most one job of this name is created per time slot of that length (pg-boss
 * singletonSeconds); sends inside a taken slot are dropped, which suits "something changed, refresh" jobs.
 */
export async function enqueue(
  executor: Kysely<DB> | Transaction<DB>,
  name: string,
  data: object,
  options: { throttleSeconds?: number } = {},
) {
  const db = {
    executeSql: async (text: string, values: unknown[] = []) => {
      const result = await executor.executeQuery(CompiledQuery.raw(text, values));
      return { rows: result.rows as unknown[] };
    },
  };
  // A PgBoss that is never started only builds SQL; sending through `db` uses the caller's connection.
  const boss = new PgBoss({ db, schema: "pgboss" });
  return boss.send(name, data, { db, ...(options.throttleSeconds ? { singletonSeconds: options.throttleSeconds } : {}) });
}
