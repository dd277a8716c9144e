import { sql, type Kysely } from "kysely";
import { bumpLayerVersions } from "../db/queries/layer-version";
import type { DB } from "../db/types";
import { HEAT_CELL_M, HEAT_MAX_LEVEL } from "./layers";

/**
 * Heat bins (case_heat_bin): cases per 250 m cell of EPSG:3857 × local day (Asia/Shanghai) × category ×
 * basic grid, kept up to date incrementally by workers/jobs/bin-case-heat.ts. The heat tiles sum these
 * bins and never touch case_record.
 *
 *   cell_x = floor(st_x(geom_3857) / 250), cell_y = floor(st_y(geom_3857) / 250)
 *   day    = (reported_at at time zone 'Asia/Shanghai')::date
 */

export type HeatBinBatch = { cases: number; bins: number };

/**
 * Bins one batch of not-yet-binned cases in ONE statement (case_heat_total, the all-time sums per grid and
 * cell at each heat cell level that the unfiltered heat map reads, is added to in the same statement): take up to `limit` rows with heat_binned = false
 * (FOR UPDATE SKIP LOCKED: two runs at once take disjoint rows, and a row a transition holds is left for the
 * next run instead of waiting), mark them binned, and add their counts to the bins with one set-based
 * INSERT … GROUP BY … ON CONFLICT DO UPDATE count = count + excluded.count. Marking and counting commit
 * together, so a case is counted exactly once however often or concurrently the job runs. A row committed
 * as binned by another run meanwhile is re-checked after its lock (READ COMMITTED) and dropped.
 *
 * The owner runs it (the worker): case_record's row-level security does not apply to the owner.
 */
export async function binCaseHeatBatch(db: Kysely<DB>, limit: number): Promise<HeatBinBatch> {
  const { rows } = await sql<HeatBinBatch>`
    with batch as (
      select id from case_record
       where not heat_binned
       order by id
       limit ${limit}
       for update skip locked
    ), marked as (
      update case_record c
         set heat_binned = true
        from batch
       where c.id = batch.id
      returning c.reported_at, c.category_id, c.grid_id, c.geom_3857
    ), keyed as (
      select (m.reported_at at time zone 'Asia/Shanghai')::date as day, m.category_id, m.grid_id,
             floor(st_x(m.geom_3857) / ${HEAT_CELL_M})::int as cell_x, floor(st_y(m.geom_3857) / ${HEAT_CELL_M})::int as cell_y
        from marked m
    ), binned as (
      insert into case_heat_bin (day, category_id, grid_id, cell_x, cell_y, count)
      select day, category_id, grid_id, cell_x, cell_y, count(*)::int from keyed group by 1, 2, 3, 4, 5
      on conflict (day, category_id, grid_id, cell_x, cell_y) do update set count = case_heat_bin.count + excluded.count
      returning 1
    ), totals as (
      insert into case_heat_total (level, cell_x, cell_y, grid_id, count)
      select lv, cell_x >> lv, cell_y >> lv, grid_id, count(*)::int from keyed cross join generate_series(0, ${HEAT_MAX_LEVEL}) lv group by 1, 2, 3, 4
      on conflict (level, cell_x, cell_y, grid_id) do update set count = case_heat_total.count + excluded.count
    )
    select (select count(*) from marked)::int as cases, (select count(*) from binned)::int as bins`.execute(db);
  return rows[0] ?? { cases: 0, bins: 0 };
}

/** Bumps the `case_heat` tile layer so cached heat tiles let go (same transaction as the batch). */
export async function bumpCaseHeatVersion(db: Kysely<DB>): Promise<void> {
  await bumpLayerVersions(db, ["case_heat"]);
}

/** Keeps other runs from adding to case_heat_total until this transaction ends (while the totals are rebuilt). */
export async function lockCaseHeatTotal(db: Kysely<DB>): Promise<void> {
  await sql`lock table case_heat_total in exclusive mode`.execute(db);
}

/**
 * Recomputes case_heat_total from the bins. For loaders that write case_heat_bin themselves (the demo case
 * generator bins a year of cases in bulk); the job keeps both in step afterwards.
 */
export async function rebuildCaseHeatTotal(db: Kysely<DB>): Promise<void> {
  await sql`delete from case_heat_total`.execute(db);
  await sql`
    insert into case_heat_total (level, cell_x, cell_y, grid_id, count)
    select lv, b.cell_x >> lv, b.cell_y >> lv, b.grid_id, sum(b.count)::int
      from case_heat_bin b cross join generate_series(0, ${HEAT_MAX_LEVEL}) lv
     group by 1, 2, 3, 4`.execute(db);
  await sql`analyze case_heat_total`.execute(db);
}

/**
 * True when the totals are missing although bins exist: a bulk loader wrote bins without rebuilding the
 * totals (or the district was reloaded). Two index probes, cheap enough for every run of the job.
 */
export async function heatTotalNeedsRebuild(db: Kysely<DB>): Promise<boolean> {
  const { rows } = await sql<{ stale: boolean }>`
    select exists (select 1 from case_heat_bin) and not exists (select 1 from case_heat_total) as stale`.execute(db);
  return rows[0].stale;
}

/** How many cases still wait to be binned (the partial index on not heat_binned answers it). */
export async function countUnbinnedCases(db: Kysely<DB>): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from case_record where not heat_binned`.execute(db);
  return rows[0].n;
}
