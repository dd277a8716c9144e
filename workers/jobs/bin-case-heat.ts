import type { Connection } from "../../db/client";
import {
  binCaseHeatBatch,
  bumpCaseHeatVersion,
  heatTotalNeedsRebuild,
  lockCaseHeatTotal,
  rebuildCaseHeatTotal,
} from "../../tiles/case-heat-bins";
import { defineJob } from "../job";

/** Cases per statement: large enough to catch up on a bulk import quickly, small enough to keep each transaction short. */
export const HEAT_BATCH_SIZE = 20_000;
/** A run stops taking new batches after this long, so the next minute's run (or another worker) carries on. */
export const HEAT_RUN_BUDGET_MS = 45_000;

export type HeatRunResult = { cases: number; bins: number; batches: number };

/**
 * Bins every case not binned yet into case_heat_bin, batch by batch (each batch one transaction: the
 * binning statement and the `case_heat` layer-version bump), until none is left or the time budget is spent.
 * Safe to run twice at once: the batches take disjoint rows (tiles/case-heat-bins.ts).
 */
export async function binCaseHeat(
  conn: Connection,
  options: { batchSize?: number; budgetMs?: number } = {},
): Promise<HeatRunResult> {
  const batchSize = options.batchSize ?? HEAT_BATCH_SIZE;
  const deadline = Date.now() + (options.budgetMs ?? HEAT_RUN_BUDGET_MS);
  const total: HeatRunResult = { cases: 0, bins: 0, batches: 0 };
  // a bulk load wrote bins without their all-time totals: derive them once (before adding new cases)
  await conn.db.transaction().execute(async (trx) => {
    if (!(await heatTotalNeedsRebuild(trx))) return;
    await lockCaseHeatTotal(trx);
    if (!(await heatTotalNeedsRebuild(trx))) return;
    await rebuildCaseHeatTotal(trx);
    await bumpCaseHeatVersion(trx);
  });
  for (;;) {
    const batch = await conn.db.transaction().execute(async (trx) => {
      const result = await binCaseHeatBatch(trx, batchSize);
      if (result.cases > 0) await bumpCaseHeatVersion(trx);
      return result;
    });
    total.cases += batch.cases;
    total.bins += batch.bins;
    if (batch.cases > 0) total.batches++;
    if (batch.cases < batchSize || Date.now() > deadline) return total;
  }
}

/** Keeps the heat bins up to date: every minute, the cases reported (or imported) since the last run. */
export const binCaseHeatJob = defineJob({
  name: "case-heat.bin",
  async handle(_payload, { conn }) {
    const result = await binCaseHeat(conn);
    if (result.cases > 0)
      process.stderr.write(`[worker] case-heat.bin: ${result.cases} case(s) into ${result.bins} bin update(s)\n`);
  },
});
