import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb } from "../db/testing/test-db";
import { testDatabaseUrl } from "../db/url";
import { PgBoss } from "pg-boss";
import { createBoss, installQueues } from "./boss";
import { enqueue } from "./enqueue";
import { refreshRegionStatsJob } from "./jobs/refresh-region-stats";

const conn = openTestDb();
const queue = refreshRegionStatsJob.name;

async function jobsWithReason(reason: string) {
  const { rows } = await sql<{
    n: number;
  }>`select count(*)::int as n from pgboss.job where name = ${queue} and data->>'reason' = ${reason}`.execute(conn.db);
  return rows[0].n;
}

beforeAll(async () => {
  await installQueues(testDatabaseUrl());
});
afterAll(async () => {
  await conn.db.destroy();
});

describe("enqueue", () => {
  it("commits the job together with the transaction that sent it", async () => {
    const reason = `commit-${Date.now()}`;
    await conn.db.transaction().execute(async (trx) => {
      await enqueue(trx, queue, { reason });
    });
    expect(await jobsWithReason(reason)).toBe(1);
  });

  it("drops the job when the transaction rolls back", async () => {
    const reason = `rollback-${Date.now()}`;
    await expect(
      conn.db.transaction().execute(async (trx) => {
        await enqueue(trx, queue, { reason });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await jobsWithReason(reason)).toBe(0);
  });
});

describe("retries", () => {
  it("a one-off job is sent with its delay and backoff, and its queue has them too", async () => {
    const batchId = 900_000 + (Date.now() % 100_000);
    await enqueue(conn.db, "hotline.import", { batchId });
    const job = await sql<{ retry_limit: number; retry_delay: number; retry_backoff: boolean; retry_delay_max: number | null }>`
      select retry_limit, retry_delay, retry_backoff, retry_delay_max from pgboss.job
       where name = 'hotline.import' and (data->>'batchId')::bigint = ${batchId}`.execute(conn.db);
    expect(job.rows).toEqual([{ retry_limit: 10, retry_delay: 5, retry_backoff: true, retry_delay_max: 600 }]);
    const queue = await sql<{ retry_limit: number; retry_delay: number; retry_backoff: boolean }>`
      select retry_limit, retry_delay, retry_backoff from pgboss.queue where name = 'case.changed'`.execute(conn.db);
    expect(queue.rows).toEqual([{ retry_limit: 10, retry_delay: 5, retry_backoff: true }]);
  });

  it("a run that fails because the database went away is retried later, not lost", async () => {
    const boss: PgBoss = createBoss(testDatabaseUrl());
    await boss.start();
    try {
      const batchId = 800_000 + (Date.now() % 100_000);
      await enqueue(conn.db, "hotline.import", { batchId });
      const fetched = await boss.fetch("hotline.import", { batchSize: 100 });
      const job = fetched.find((j) => (j.data as { batchId: number }).batchId === batchId)!;
      expect(job.data).toEqual({ batchId });
      // What the worker does when the handler throws: a dropped connection, as postgres.js reports it.
      await boss.fail("hotline.import", job.id, { message: "write CONNECTION_CLOSED 127.0.0.1:5432" });
      const { rows } = await sql<{ state: string; waits: number }>`
        select state, extract(epoch from start_after - now())::float8 as waits from pgboss.job where id = ${job.id}`.execute(
        conn.db,
      );
      expect(rows[0].state).toBe("retry");
      // Not at once: after the first delay (5 s, with backoff's jitter).
      expect(rows[0].waits).toBeGreaterThan(1);
      expect(rows[0].waits).toBeLessThanOrEqual(10);
    } finally {
      await boss.stop({ graceful: false });
    }
  });
});

describe("refresh-region-stats job", () => {
  it("bumps the version of every region layer", async () => {
    const before = await sql<{ layer: string; version: number }>`select layer, version from layer_version`.execute(conn.db);
    await refreshRegionStatsJob.handle({}, { conn });
    const after = await sql<{ layer: string; version: number }>`select layer, version from layer_version order by layer`.execute(
      conn.db,
    );
    const versionOf = (rows: { layer: string; version: number }[], layer: string) =>
      rows.find((r) => r.layer === layer)?.version ?? 0;
    for (const layer of ["district", "street", "community", "xiaoqu", "grid"]) {
      expect(versionOf(after.rows, layer)).toBe(versionOf(before.rows, layer) + 1);
    }
  });
});
