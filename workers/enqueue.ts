import "server-only";
import { CompiledQuery, type Kysely, type Transaction } from "kysely";
import { PgBoss } from "pg-boss";
import type { DB } from "../db/types";
import { JOB_DEFINITIONS, jobRetry, jobThrottleSeconds, type JobName, type JobPayloadInput } from "./job-definitions";

/**
 * The one file lib/ imports to send a job. The job row is written through the caller's executor, so a
 * job enqueued inside a transaction is committed (or rolled back) together with the change that caused it.
 * The name and payload are typed by workers/job-definitions.ts, and the payload is checked by the schema the
 * worker parses it with, so a job the worker cannot run is refused here, in the sender's transaction.
 * A throttled job (its definition's throttleSeconds) is created at most once per slot; sends inside a taken
 * slot are dropped (pg-boss singletonSeconds). Every job is sent with its definition's retries (delay and backoff).
 */
export async function enqueue<N extends JobName>(executor: Kysely<DB> | Transaction<DB>, name: N, data: JobPayloadInput<N>) {
  const payload = JOB_DEFINITIONS[name].payload.parse(data) as object;
  const db = {
    executeSql: async (text: string, values: unknown[] = []) => {
      const result = await executor.executeQuery(CompiledQuery.raw(text, values));
      return { rows: result.rows as unknown[] };
    },
  };
  // A PgBoss that is never started only builds SQL; sending through `db` uses the caller's connection.
  const boss = new PgBoss({ db, schema: "pgboss" });
  const throttleSeconds = jobThrottleSeconds(name);
  // The job row carries its retries itself, whatever the queue was created with.
  return boss.send(name, payload, { db, ...jobRetry(name), ...(throttleSeconds ? { singletonSeconds: throttleSeconds } : {}) });
}
