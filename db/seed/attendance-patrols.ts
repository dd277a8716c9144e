/**
 * The demo patrols (巡查) of the seeded weeks: each walk of attendance-plan.ts recorded as the phone records
 * it (a fix a minute, see FIX_EVERY_S) in the grid findPatrolGrid gives, loaded in bulk, then
 * measured against the grid by the patrol queries' measurePatrol (PostGIS) and judged by lib's patrol rule, as
 * ending a patrol does (lib/attendance/patrol/end-patrol.ts). A pool of points inside each person's patrol
 * grid (ST_GeneratePoints, seeded) gives the waypoints.
 */
import type { Connection } from "../client";
import { findPatrolGrid, measurePatrol } from "../queries/attendance-patrol";
import { judgePatrol, PATROL_SETTINGS } from "../../lib/attendance/patrol/patrol-rule";
import { planTrack, type PersonDay } from "./attendance-plan";
import { copyInto } from "./copy";
import { rngFor } from "./random";

/**
 * A fix a minute: the phone records one every PATROL_SETTINGS.pointIntervalSeconds (30 s); the demo keeps every
 * other one (as a phone in a pocket loses some), which halves the points to load and measure.
 */
const FIX_EVERY_S = PATROL_SETTINGS.pointIntervalSeconds * 2;

export async function seedPatrols(
  conn: Connection,
  options: { seed: number; planned: readonly PersonDay[]; lastDay: string },
): Promise<{ patrols: number; patrolPoints: number }> {
  const { db, sql } = conn;
  const { planned } = options;
  const walkers = [...new Set(planned.filter((pd) => pd.patrols.length > 0).map((pd) => pd.staffId))];
  const gridOf = new Map<number, number>();
  for (const id of walkers) {
    const grid = await findPatrolGrid(db, id, options.lastDay);
    if (grid) gridOf.set(id, grid.regionId);
  }
  const pools = new Map<number, [number, number][]>();
  const gridIds = [...new Set(gridOf.values())];
  for (const r of await sql<{ id: number; lon: number; lat: number }[]>`
      select r.id, st_x(d.geom) as lon, st_y(d.geom) as lat
        from region r, lateral st_dump(st_generatepoints(r.geom, 10, ${options.seed}::int + r.id)) d
       where r.id = any(${gridIds}::int[])
       order by r.id, d.path`) {
    pools.set(r.id, [...(pools.get(r.id) ?? []), [r.lon, r.lat]]);
  }
  const walks = planned.flatMap((pd) =>
    gridOf.has(pd.staffId) ? pd.patrols.map((walk, i) => ({ pd, walk, i, regionId: gridOf.get(pd.staffId)! })) : [],
  );
  if (walks.length === 0) return { patrols: 0, patrolPoints: 0 };

  // The walks as the phone leaves them (patrol rows and their points), loaded in bulk.
  const [{ base }] = await sql<{ base: number }[]>`select coalesce(max(id), 0)::int as base from patrol`;
  const heads = walks.map(({ pd, walk, i, regionId }, k) => {
    const rng = rngFor(options.seed, pd.staffId, pd.day, i, "patrol");
    const fixes = planTrack(rng, pools.get(regionId) ?? [], walk.startAt, walk.minutes, FIX_EVERY_S);
    const endedAt = walk.startAt + walk.minutes * 60_000 + rng.int(0, 50) * 1000;
    return { id: base + k + 1, staffId: pd.staffId, regionId, day: pd.day, startedAt: walk.startAt, endedAt, fixes };
  });
  await sql`
    insert into patrol (id, staff_id, region_id, day, started_at, point_count)
    overriding system value
    select * from unnest(${heads.map((h) => h.id)}::bigint[], ${heads.map((h) => h.staffId)}::bigint[],
                         ${heads.map((h) => h.regionId)}::int[], ${heads.map((h) => h.day)}::date[],
                         ${heads.map((h) => new Date(h.startedAt).toISOString())}::timestamptz[],
                         ${heads.map((h) => h.fixes.length)}::int[])`;
  await sql.unsafe(`select setval(pg_get_serial_sequence('patrol', 'id'), greatest(max(id), 1)) from patrol`);
  const writer = await copyInto(sql, "patrol_point", ["patrol_id", "at", "position", "accuracy_m"]);
  for (const h of heads) {
    for (const f of h.fixes)
      writer.row(`${h.id}\t${new Date(f.at).toISOString()}\tSRID=4326;POINT(${f.lon} ${f.lat})\t${f.accuracyM}\n`);
    await writer.flushIfFull();
  }
  await writer.end();

  // Each walk measured by PostGIS (the patrol queries' measure) and judged by lib's rule, three at a time.
  const results: { id: number; endedAt: number; lengthM: number; insideShare: number | null; counted: boolean }[] = [];
  const lanes = 3;
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      for (let k = lane; k < heads.length; k += lanes) {
        const h = heads[k];
        const measure = await measurePatrol(db, h.id);
        const judgement = judgePatrol({
          startedAt: new Date(h.startedAt),
          endedAt: new Date(h.endedAt),
          pointCount: measure.pointCount,
          insideShare: measure.insideShare,
        });
        results.push({
          id: h.id,
          endedAt: h.endedAt,
          lengthM: measure.lengthM,
          insideShare: measure.insideShare,
          counted: judgement.counted,
        });
      }
    }),
  );
  // Closed as ending a patrol closes it: end time, measure, verdict and the track line.
  await sql`
    update patrol p set ended_at = v.ended_at, length_m = v.length_m, inside_share = v.inside_share, counted = v.counted,
           track = (select case when count(*) >= 2 then st_makeline(pp.position order by pp.at) end
                      from patrol_point pp where pp.patrol_id = p.id)
      from unnest(${results.map((r) => r.id)}::bigint[], ${results.map((r) => new Date(r.endedAt).toISOString())}::timestamptz[],
                  ${results.map((r) => r.lengthM)}::float8[], ${results.map((r) => r.insideShare)}::float8[],
                  ${results.map((r) => String(r.counted))}::text[]::boolean[]) as v(id, ended_at, length_m, inside_share, counted)
     where p.id = v.id`;
  const patrols = heads.length;
  const patrolPoints = heads.reduce((a, h) => a + h.fixes.length, 0);
  return { patrols, patrolPoints };
}
