import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "../../../db/client";
import { nearestServingFences } from "../../../db/queries/attendance-punch";
import { pngBase64 } from "../../case/photos/testing/photo-fixtures";
import { contextWithAssignments } from "../../context";
import { DomainError } from "../../errors";
import { withSeededDistrict } from "../../testing/seeded-district";
import {
  createCircleFence,
  createPolygonFence,
  createPunchWorld,
  createWorker,
  project,
  type PunchWorld,
  type Worker,
} from "../testing/punch-fixtures";
import { getMyPunchDay } from "./get-my-punch-day";
import { beijingDayOf } from "./punch-timing";
import { recordPunch } from "./record-punch";

let owner: Connection;
let app: Connection;
withSeededDistrict((conn, _ctx, appConn) => {
  owner = conn;
  app = appConn;
});

let world: PunchWorld;
let worker: Worker;
let centre: { lon: number; lat: number };

beforeAll(async () => {
  world = await createPunchWorld(owner);
  worker = await createWorker(owner, app, world, "zhang");
  centre = { lon: world.chain.lon, lat: world.chain.lat };
  // the fence serves the street office: the grid office below it, and so the worker, inherits it
  await createPolygonFence(
    owner,
    world,
    { ...centre, halfSideDeg: 0.001 },
    { departmentId: world.streetDepartmentId },
    "社区服务站",
  );
});

const punch = (over: Record<string, unknown> = {}, who: Worker = worker) =>
  recordPunch({
    ctx: who.ctx,
    input: { requestId: randomUUID(), kind: "in", lon: centre.lon, lat: centre.lat, accuracyM: 15, ...over },
  });

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe("recordPunch inside the fence", () => {
  it("stores a normal punch at the server's time on the Beijing day, against the fence of a department above", async () => {
    const before = Date.now();
    const result = await punch({ deviceAt: new Date().toISOString() });
    expect(result).toMatchObject({
      kind: "in",
      inside: true,
      pointName: "社区服务站",
      distanceM: 0,
      reviewFlags: [],
      offline: false,
      replayed: false,
    });
    expect(Date.parse(result.serverAt)).toBeGreaterThanOrEqual(before - 1);
    expect(Date.parse(result.serverAt)).toBeLessThanOrEqual(Date.now());
    expect(result.day).toBe(beijingDayOf(new Date(result.serverAt)));
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from attendance_punch where request_id = ${result.requestId}::uuid and inside and staff_id = ${worker.staffId}`.execute(
      owner.db,
    );
    expect(rows[0].n).toBe(1);
  });

  it("the server's clock decides: a phone 2 hours behind is kept beside it and flagged clock_skew", async () => {
    const deviceAt = new Date(Date.now() - 2 * 3_600_000).toISOString();
    const result = await punch({ deviceAt });
    expect(result.deviceAt).toBe(deviceAt);
    expect(Math.abs(Date.parse(result.serverAt) - Date.now())).toBeLessThan(10_000);
    expect(result.reviewFlags).toEqual(["clock_skew"]);
  });

  it("stores a photo checked by its bytes, and refuses bytes that are no image", async () => {
    const result = await punch({ photoBase64: pngBase64 });
    expect(result.hasPhoto).toBe(true);
    const { rows } = await sql<{ mime: string }>`select photo_mime as mime from attendance_punch where id = ${result.id}`.execute(
      owner.db,
    );
    expect(rows[0].mime).toBe("image/png");
    const bad = await refusal(punch({ photoBase64: Buffer.from("not a picture at all").toString("base64") }));
    expect(bad.code).toBe("VALIDATION");
  });
});

describe("the same request id is one punch", () => {
  it("ten copies sent at once: one row, every answer the same punch, nine of them replays", async () => {
    const requestId = randomUUID();
    const results = await Promise.all(Array.from({ length: 10 }, () => punch({ requestId })));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.replayed).length).toBe(9);
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from attendance_punch where request_id = ${requestId}::uuid`.execute(owner.db);
    expect(rows[0].n).toBe(1);
  });

  it("a resend later returns the first result even if the phone now stands elsewhere", async () => {
    const first = await punch();
    const far = await project(owner, centre, 2000, 90);
    const again = await punch({ requestId: first.requestId, ...far });
    expect(again).toEqual({ ...first, replayed: true });
  });

  it("another person's request id is a conflict, not their punch", async () => {
    const other = await createWorker(owner, app, world, "li");
    const first = await punch();
    const error = await refusal(punch({ requestId: first.requestId }, other));
    expect(error.code).toBe("CONFLICT");
  });
});

describe("outside the fence", () => {
  it("300 m away without a reason is refused asking for one (422), with a reason it is stored and flagged", async () => {
    const away = await project(owner, centre, 300, 0);
    const error = await refusal(punch({ ...away }));
    expect(error.code).toBe("UNPROCESSABLE");
    expect(error.details?.reason).toBe("reason_required");
    const result = await punch({ ...away, outsideReason: "入户走访" });
    expect(result).toMatchObject({ inside: false, outsideReason: "入户走访", reviewFlags: ["outside"], pointName: "社区服务站" });
    expect(result.distanceM).toBeGreaterThan(180);
    expect(result.distanceM).toBeLessThan(300);
  });

  it("refused even with a reason where the person's rule does not allow it", async () => {
    const strictWorld = await createPunchWorld(owner);
    const strict = await createWorker(owner, app, strictWorld, "wang");
    await createPolygonFence(owner, strictWorld, centre, { staffId: strict.staffId });
    await owner.db
      .insertInto("attendance_rule")
      .values({
        name: "严格",
        department_id: strictWorld.departmentId,
        start_minute: 510,
        end_minute: 1050,
        allow_outside_with_reason: false,
        max_accuracy_m: 100,
        valid_from: "2026-01-01",
      })
      .execute();
    const away = await project(owner, centre, 400, 180);
    const error = await refusal(punch({ ...away, outsideReason: "外出办事" }, strict));
    expect(error.details?.reason).toBe("outside_not_allowed");
    // the same rule's accuracy limit: 100 m passes, 101 m does not
    expect((await punch({ accuracyM: 100 }, strict)).inside).toBe(true);
    expect((await refusal(punch({ accuracyM: 101 }, strict))).details?.reason).toBe("accuracy_too_poor");
  });

  it("no position, a 5 km fix, and a position 40 km away are refused with their reasons", async () => {
    expect((await refusal(punch({ lon: null, lat: null, accuracyM: null }))).details?.reason).toBe("no_position");
    const coarse = await refusal(punch({ accuracyM: 5000 }));
    expect(coarse.details?.reason).toBe("accuracy_too_poor");
    expect(coarse.message).toContain("室外");
    const far = await project(owner, centre, 40_000, 45);
    expect((await refusal(punch({ ...far, outsideReason: "出差" }))).details?.reason).toBe("far_outside_district");
  });
});

describe("offline punches", () => {
  it("sent the next morning: both times kept, offline flag, the day of the phone's time", async () => {
    const deviceAt = new Date(Date.now() - 20 * 3_600_000);
    const result = await punch({ offline: true, deviceAt: deviceAt.toISOString(), kind: "out" });
    expect(result).toMatchObject({ offline: true, reviewFlags: ["offline"], day: beijingDayOf(deviceAt), inside: true });
    expect(Date.parse(result.serverAt)).toBeGreaterThan(deviceAt.getTime() + 19 * 3_600_000);
  });

  it("older than 72 hours is refused (a correction instead)", async () => {
    const error = await refusal(punch({ offline: true, deviceAt: new Date(Date.now() - 73 * 3_600_000).toISOString() }));
    expect(error.details?.reason).toBe("offline_too_old");
  });
});

describe("who may punch", () => {
  it("an account without a staff record is told so (404); a role without attendance.self is forbidden", async () => {
    const ctx = await contextWithAssignments(app.db, [{ role: "grid_worker", regionId: world.chain.grid }], { userId: null });
    expect((await refusal(recordPunch({ ctx, input: {} }))).code).toBe("NOT_FOUND");
    const admin = await contextWithAssignments(app.db, [{ role: "system_admin", regionId: world.chain.district }], {
      userId: worker.account.userId,
    });
    expect((await refusal(recordPunch({ ctx: admin, input: {} }))).code).toBe("FORBIDDEN");
  });

  it("the day view shows one's own punches, status and fences", async () => {
    const day = await getMyPunchDay({ ctx: worker.ctx });
    expect(day.staffName).toBe("zhang");
    expect(day.fences.map((f) => f.name)).toEqual(["社区服务站"]);
    expect(day.punches.length).toBeGreaterThan(3);
    expect(day.status).toBe(day.punches.at(-1)?.kind);
    expect(day.punches.every((p) => p.day === day.day)).toBe(true);
  });
});

describe("the fence distance in PostGIS, at the edge", () => {
  it("a circle: distance to the rim, so radius + accuracy from the centre is exactly the allowance", async () => {
    const circleWorld = await createPunchWorld(owner, 1);
    const person = await createWorker(owner, app, circleWorld, "zhao");
    const c = { lon: circleWorld.chain.lon, lat: circleWorld.chain.lat };
    await createCircleFence(owner, circleWorld, { ...c, radiusM: 100 }, { staffId: person.staffId });
    const at = async (m: number) => project(owner, c, m, 60);
    const probes = await nearestServingFences(
      app.db,
      [
        { key: 1, staffId: person.staffId, ...c },
        { key: 2, staffId: person.staffId, ...(await at(130)) },
        { key: 3, staffId: person.staffId, ...(await at(131)) },
      ],
      { farM: 5000 },
    );
    expect(probes.map((p) => p.key)).toEqual([1, 2, 3]);
    expect(probes[0].distanceM).toBe(0);
    expect(probes[1].distanceM).toBeCloseTo(30, 1);
    expect(probes[2].distanceM).toBeCloseTo(31, 1);
    expect(probes.every((p) => p.withinDistrict)).toBe(true);
    // through the verb: a 30 m fix at 129.5 m is inside, at 131 m outside
    expect((await punch({ ...(await at(129.5)), accuracyM: 30 }, person)).inside).toBe(true);
    expect((await refusal(punch({ ...(await at(131)), accuracyM: 30 }, person))).details?.reason).toBe("reason_required");
  });

  it("a polygon: 0 inside and on the edge, the distance to the edge beyond it; accuracy capped at 50 m", async () => {
    const polyWorld = await createPunchWorld(owner, 2);
    const person = await createWorker(owner, app, polyWorld, "sun");
    const c = { lon: polyWorld.chain.lon, lat: polyWorld.chain.lat };
    await createPolygonFence(owner, polyWorld, { ...c, halfSideDeg: 0.001 }, { staffId: person.staffId });
    const east = { lon: c.lon + 0.001, lat: c.lat };
    const beyond = await project(owner, east, 40, 90);
    const [onEdge, out] = await nearestServingFences(
      app.db,
      [
        { key: 1, staffId: person.staffId, ...east },
        { key: 2, staffId: person.staffId, ...beyond },
      ],
      { farM: 5000 },
    );
    expect(onEdge.distanceM).toBe(0);
    expect(out.distanceM).toBeCloseTo(40, 0);
    expect((await punch({ ...beyond, accuracyM: 45 }, person)).inside).toBe(true);
    const farther = await project(owner, east, 55, 90);
    // a 300 m fix widens the fence by 50 m only
    expect((await refusal(punch({ ...farther, accuracyM: 150 }, person))).details?.reason).toBe("reason_required");
  });
});
