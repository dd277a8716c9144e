import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb } from "../db/testing/test-db";
import { testDatabaseUrl } from "../db/url";
import { installQueues } from "./boss";
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
