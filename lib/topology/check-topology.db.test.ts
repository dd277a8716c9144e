import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import type { Connection } from "../../db/client";
import type { RequestContext } from "../context";
import { narrowedTo, withSeededDistrict } from "../testing/seeded-district";
import { DomainError } from "../errors";
import { checkTopology, type TopologyReport } from "./check-topology";

let conn: Connection;
let ctx: RequestContext;

withSeededDistrict((c, x) => {
  conn = c;
  ctx = x;
});

/** Runs `change` and the check in one transaction that is always rolled back, so the district stays clean. */
async function checkAfter(change: (trx: RequestContext["db"]) => Promise<unknown>): Promise<TopologyReport> {
  let report: TopologyReport | undefined;
  await conn.db
    .transaction()
    .execute(async (trx) => {
      await change(trx);
      report = await checkTopology({ ctx: { ...ctx, db: trx }, input: {} });
      throw new Error("rollback");
    })
    .catch((e: Error) => {
      if (e.message !== "rollback") throw e;
    });
  return report!;
}

describe("checkTopology", () => {
  it("finds nothing wrong in the test district and counts its regions per level", async () => {
    const report = await checkTopology({ ctx, input: {} });
    expect(report.totalProblems).toBe(0);
    const { rows } = await sql<{
      level: number;
      n: number;
    }>`select level::int, count(*)::int as n from region group by 1 order by 1`.execute(conn.db);
    expect(report.levels.map((l) => [l.level, l.regions])).toEqual(rows.map((r) => [r.level, r.n]));
  });

  it("reports a basic grid pushed over its sibling and out of its parent", async () => {
    const report = await checkAfter(async (trx) => {
      // Move one grid east by a third of its width: it leaves a gap behind, and either overlaps a sibling
      // or sticks out of its 小区 (or both), depending on what lies east of it.
      await sql`
        update region set geom = st_multi(st_translate(geom, (st_xmax(geom) - st_xmin(geom)) / 3, 0))
         where id = (select g.id from region g
                      where g.level = 4 and (select count(*) from region s where s.parent_id = g.parent_id) > 1
                      order by g.code limit 1)`.execute(trx);
    });
    const gridLevel = report.levels.find((l) => l.level === 4)!;
    expect(gridLevel.problems.sibling_overlap + gridLevel.problems.outside_parent).toBeGreaterThan(0);
    expect(gridLevel.problems.gap_in_parent).toBe(1);
    expect(report.totalProblems).toBe(report.problems.length);
  });

  it("reports invalid geometry with PostGIS's reason", async () => {
    const report = await checkAfter(async (trx) => {
      // A bow-tie (self-intersecting) polygon.
      await sql`
        update region set geom = st_multi(st_geomfromtext('POLYGON((116.6 39.8, 116.7 39.9, 116.7 39.8, 116.6 39.9, 116.6 39.8))', 4326))
         where id = (select id from region where level = 4 order by code limit 1)`.execute(trx);
    });
    const invalid = report.problems.filter((p) => p.kind === "invalid_geometry");
    expect(invalid).toHaveLength(1);
    expect(invalid[0].detail).toMatch(/Self-intersection/i);
  });

  it("keeps to the caller's area", async () => {
    const { rows } = await sql<{
      path: string;
    }>`select path::text as path from region where level = 4 order by code limit 1`.execute(conn.db);
    const report = await checkTopology({ ctx: narrowedTo(ctx, rows[0].path), input: {} });
    expect(report.levels).toEqual([
      { level: 4, regions: 1, problems: { invalid_geometry: 0, outside_parent: 0, sibling_overlap: 0, gap_in_parent: 0 } },
    ]);
  });

  it("refuses a negative tolerance with a validation error", async () => {
    await expect(checkTopology({ ctx, input: { toleranceM2: -1 } })).rejects.toBeInstanceOf(DomainError);
  });
});
