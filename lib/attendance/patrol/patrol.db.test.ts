import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "../../../db/client";
import { DomainError } from "../../errors";
import { withSeededDistrict } from "../../testing/seeded-district";
import { createPunchWorld, createWorker, type PunchWorld, type Worker } from "../testing/punch-fixtures";
import { appendPatrolPoints } from "./append-patrol-points";
import { endPatrol } from "./end-patrol";
import { startPatrol } from "./start-patrol";

let owner: Connection;
let app: Connection;
withSeededDistrict((conn, _ctx, appConn) => {
  owner = conn;
  app = appConn;
});

let world: PunchWorld;
let walker: Worker;
/** A walk inside the grid: from its point-on-surface, and a point of the grid's outside. */
let inside: { lon: number; lat: number }[];
let outside: { lon: number; lat: number };

beforeAll(async () => {
  world = await createPunchWorld(owner);
  walker = await createWorker(owner, app, world, "walker", { gridPost: true });
  const { rows } = await sql<{ lon: number; lat: number }>`
    select st_x(p) as lon, st_y(p) as lat
      from (select (st_dump(st_generatepoints(st_buffer(geom, -0.0003), 6, 11))).geom as p from region where id = ${world.chain.grid}) s`.execute(
    owner.db,
  );
  inside = rows;
  const { rows: out } = await sql<{ lon: number; lat: number }>`
    select st_xmax(geom) + 0.01 as lon, st_ymax(geom) + 0.01 as lat from region where id = ${world.chain.grid}`.execute(owner.db);
  outside = out[0];
});

/** Starts a patrol and moves its start back `minutes` (the server's clock decides how long it lasted). */
async function patrolStartedAgo(minutes: number) {
  const started = await startPatrol({ ctx: walker.ctx });
  await sql`update patrol set started_at = now() - make_interval(mins => ${minutes}) where id = ${started.patrolId}`.execute(
    owner.db,
  );
  return started.patrolId;
}

const pointsAt = (spots: { lon: number; lat: number }[], minutesAgo: number) =>
  spots.map((s, i) => ({ at: new Date(Date.now() - (minutesAgo - i) * 60_000).toISOString(), ...s, accuracyM: 10 }));

describe("patrols", () => {
  it("a 40-minute walk inside the grid counts; a resent batch adds nothing", async () => {
    const patrolId = await patrolStartedAgo(40);
    const batch = pointsAt(inside, 39);
    expect(await appendPatrolPoints({ ctx: walker.ctx, input: { patrolId, points: batch } })).toMatchObject({
      accepted: 6,
      pointCount: 6,
    });
    expect((await appendPatrolPoints({ ctx: walker.ctx, input: { patrolId, points: batch } })).pointCount).toBe(6);
    const ended = await endPatrol({ ctx: walker.ctx, input: { patrolId } });
    expect(ended).toMatchObject({ counted: true, reason: null, pointCount: 6, insideShare: 1 });
    expect(ended.minutes).toBeGreaterThanOrEqual(40);
    const { rows } = await sql<{ counted: boolean; n: number }>`
      select counted, st_npoints(track) as n from patrol where id = ${patrolId}`.execute(owner.db);
    expect(rows[0]).toEqual({ counted: true, n: 6 });
  });

  it("a walk mostly outside the grid does not count; neither does a short one", async () => {
    const away = await patrolStartedAgo(45);
    await appendPatrolPoints({
      ctx: walker.ctx,
      input: { patrolId: away, points: pointsAt([inside[0], outside, inside[1]], 40) },
    });
    const judged = await endPatrol({ ctx: walker.ctx, input: { patrolId: away } });
    expect(judged.counted).toBe(false);
    expect(judged.reason).toBe("outside_grid");
    expect(judged.insideShare).toBeLessThan(0.6);

    const short = await patrolStartedAgo(10);
    await appendPatrolPoints({ ctx: walker.ctx, input: { patrolId: short, points: pointsAt(inside, 9) } });
    expect(await endPatrol({ ctx: walker.ctx, input: { patrolId: short } })).toMatchObject({
      counted: false,
      reason: "too_short",
    });
  });

  it("points recorded before the patrol began are dropped; an ended or another's patrol is refused", async () => {
    const patrolId = await patrolStartedAgo(5);
    const early = [{ at: new Date(Date.now() - 60 * 60_000).toISOString(), ...inside[0], accuracyM: 5 }];
    expect(await appendPatrolPoints({ ctx: walker.ctx, input: { patrolId, points: early } })).toMatchObject({
      accepted: 0,
      dropped: 1,
    });
    const other = await createWorker(owner, app, world, "other", { gridPost: false });
    const stranger = await appendPatrolPoints({ ctx: other.ctx, input: { patrolId, points: [] } }).catch((e: unknown) => e);
    expect((stranger as DomainError).code).toBe("NOT_FOUND");
    await endPatrol({ ctx: walker.ctx, input: { patrolId } });
    const again = await endPatrol({ ctx: walker.ctx, input: { patrolId } }).catch((e: unknown) => e);
    expect((again as DomainError).code).toBe("CONFLICT");
    // without a grid post there is no grid to patrol
    const noGrid = await startPatrol({ ctx: other.ctx }).catch((e: unknown) => e);
    expect((noGrid as DomainError).code).toBe("UNPROCESSABLE");
  });
});

describe("track replay", () => {
  it("a lead of the area reads the day's tracks with their points, the read logged; a lead elsewhere does not", async () => {
    const { contextWithAssignments } = await import("../../context");
    const { getPatrolTracks } = await import("./get-patrol-tracks");
    const { beijingDayOf } = await import("../punch/punch-timing");
    const lead = await contextWithAssignments(app.db, [{ role: "community_head", regionId: world.chain.community }], {
      username: "lead",
    });
    const day = beijingDayOf(new Date());
    const tracks = await getPatrolTracks({ ctx: lead, input: { staffId: walker.staffId, day } });
    expect(tracks.length).toBeGreaterThanOrEqual(4);
    // in the order they began: the walk started 45 minutes ago (3 points, mostly outside) before the one of 40
    expect(tracks.slice(0, 2).map((t) => [t.points.length, t.counted])).toEqual([
      [3, false],
      [6, true],
    ]);
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pii_access_log where field = 'track' and staff_id = ${walker.staffId}`.execute(owner.db);
    expect(rows[0].n).toBe(1);
    const { rows: others } = await sql<{ id: number }>`
      select id from region where level = 2 and id <> ${world.chain.community} order by id limit 1`.execute(owner.db);
    const other = others[0].id;
    const elsewhere = await contextWithAssignments(app.db, [{ role: "community_head", regionId: other }], { username: "far" });
    const error = await getPatrolTracks({ ctx: elsewhere, input: { staffId: walker.staffId, day } }).catch((e: unknown) => e);
    expect((error as DomainError).code).toBe("NOT_FOUND");
  });
});
