import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "../../db/client";
import { contextWithAssignments } from "../context";
import { DomainError } from "../errors";
import { withSeededDistrict } from "../testing/seeded-district";
import { listOnDuty } from "./list-on-duty";
import { recordPunch } from "./punch/record-punch";
import { createPolygonFence, createPunchWorld, createWorker, type PunchWorld } from "./testing/punch-fixtures";

let owner: Connection;
let app: Connection;
withSeededDistrict((conn, _ctx, appConn) => {
  owner = conn;
  app = appConn;
});

let world: PunchWorld;
beforeAll(async () => {
  world = await createPunchWorld(owner, 3);
  const at = { lon: world.chain.lon, lat: world.chain.lat };
  await createPolygonFence(owner, world, at, { departmentId: world.departmentId });
  const punch = (ctx: Parameters<typeof recordPunch>[0]["ctx"], kind: "in" | "out") =>
    recordPunch({ ctx, input: { requestId: randomUUID(), kind, ...at, accuracyM: 10 } });
  const onDuty = await createWorker(owner, app, world, "duty");
  const gone = await createWorker(owner, app, world, "gone");
  await punch(onDuty.ctx, "in");
  await punch(gone.ctx, "in");
  await punch(gone.ctx, "out");
});

describe("listOnDuty", () => {
  it("counts the people of the area punched in and not out, per region, and logs a read of their positions", async () => {
    const lead = await contextWithAssignments(app.db, [{ role: "community_head", regionId: world.chain.community }], {
      userId: null,
      username: "lead",
    });
    const counts = await listOnDuty({ ctx: lead, input: { level: 2 } });
    const mine = counts.regions.filter((r) => r.regionId === world.chain.community);
    expect(mine.map((r) => r.onDuty)).toEqual([1]);
    expect(counts.points).toBeNull();
    const before = await sql<{ n: number }>`select count(*)::int as n from pii_access_log where field = 'position'`.execute(
      owner.db,
    );
    const withPoints = await listOnDuty({ ctx: lead, input: { level: 2, points: true } });
    expect(withPoints.points?.filter((p) => p.name === "duty")).toHaveLength(1);
    expect(withPoints.points?.some((p) => p.name === "gone")).toBe(false);
    const after = await sql<{ n: number }>`select count(*)::int as n from pii_access_log where field = 'position'`.execute(
      owner.db,
    );
    expect(after.rows[0].n).toBe(before.rows[0].n + 1);
  });

  it("a grid worker (no attendance.read) is refused", async () => {
    const worker = await contextWithAssignments(app.db, [{ role: "grid_worker", regionId: world.chain.grid }]);
    const error = await listOnDuty({ ctx: worker, input: {} }).catch((e: unknown) => e);
    expect((error as DomainError).code).toBe("FORBIDDEN");
  });
});
