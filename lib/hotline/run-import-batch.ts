import "server-only";
import { randomUUID } from "node:crypto";
import {
  addBatchProgress,
  claimBatch,
  finishBatch,
  insertBatchRows,
  lockHotlineImports,
  type BatchCounts,
  type BatchRowReport,
} from "../../db/queries/hotline-batch";
import { inScope } from "../../db/queries/scope";
import type { Database } from "../../db/client";
import { hotline } from "../i18n/zh-CN/hotline";
import { decryptPii } from "../pii/protect";
import { loadCategoryLookup } from "./create-order-case";
import { importChunk, type ImportEnv, type PreparedRow } from "./import-chunk";
import { hotlineContext, type ActorSnapshot } from "./importer-context";
import { loadPlaceIndex, type PlaceIndex } from "./place-index";

/** Rows per transaction: large enough to amortise the commit, small enough to keep locks and memory short. */
export const IMPORT_CHUNK_ROWS = 500;

/**
 * The worker's part of an import: the batch's rows in chunks of IMPORT_CHUNK_ROWS, one transaction each,
 * scoped to the importer's area. Each chunk commits its rows, its report lines, the batch's counts and the
 * resume point together, so a worker that dies mid-file resumes after the last committed chunk and no row is
 * done twice. The batch is leased (claimBatch): a second processor — another worker, a job retried while the
 * first still runs — finds it taken and leaves; a chunk that finds its lease gone rolls back and stops. A chunk
 * that fails for an unforeseen reason (not a row's own problem) is retried row by row, each row in its own
 * transaction, and the rows that still fail are reported as such.
 */
export async function runImportBatch(db: Database, batchId: number): Promise<void> {
  const token = randomUUID();
  const batch = await claimBatch(db, batchId, token);
  if (!batch) return;
  if (!batch.rows_cipher) {
    await finishBatch(db, batchId, token, { status: "failed", error: hotline.fileErrors.empty });
    return;
  }
  const rows = JSON.parse(decryptPii(batch.rows_cipher)) as PreparedRow[];
  const scope = batch.scope;
  let placeIndex: Promise<PlaceIndex> | undefined;
  const env: ImportEnv = {
    ctx: hotlineContext(db, batch.actor as ActorSnapshot, "import"),
    scope,
    batchId,
    categories: await loadCategoryLookup(db),
    places: () => (placeIndex ??= loadPlaceIndex(db)),
  };
  try {
    for (let start = batch.processed_rows; start < rows.length; start += IMPORT_CHUNK_ROWS) {
      const chunk = rows.slice(start, start + IMPORT_CHUNK_ROWS);
      const began = performance.now();
      try {
        await inScope(db, scope, async (trx) => {
          await lockImports(trx);
          const reports = await importChunk(trx, env, chunk);
          await insertBatchRows(trx, batchId, reports);
          if (
            !(await addBatchProgress(
              trx,
              batchId,
              token,
              start + chunk.length,
              countOutcomes(reports),
              performance.now() - began,
            ))
          )
            throw new LeaseLost();
        });
      } catch (error) {
        if (error instanceof LeaseLost) throw error;
        console.error(`[hotline] batch ${batchId}: chunk at row ${start} failed, retrying row by row`, error);
        await importRowByRow(db, env, batchId, token, chunk, start);
      }
    }
    await finishBatch(db, batchId, token, { status: "done" });
  } catch (error) {
    if (error instanceof LeaseLost) {
      console.warn(`[hotline] batch ${batchId}: another processor took the batch over; stopping`);
      return;
    }
    console.error(`[hotline] batch ${batchId} failed`, error);
    await finishBatch(db, batchId, token, { status: "failed", error: hotline.rowErrors.internal });
  }
}

/** This processor's lease on the batch lapsed and another one holds it now. */
class LeaseLost extends Error {}

async function importRowByRow(
  db: Database,
  env: ImportEnv,
  batchId: number,
  token: string,
  chunk: readonly PreparedRow[],
  start: number,
) {
  for (let i = 0; i < chunk.length; i++) {
    const row = chunk[i];
    const began = performance.now();
    try {
      await inScope(db, env.scope, async (trx) => {
        await lockImports(trx);
        const reports = await importChunk(trx, env, [row]);
        await insertBatchRows(trx, batchId, reports);
        if (!(await addBatchProgress(trx, batchId, token, start + i + 1, countOutcomes(reports), performance.now() - began)))
          throw new LeaseLost();
      });
    } catch (error) {
      if (error instanceof LeaseLost) throw error;
      console.error(`[hotline] batch ${batchId}: row ${row.rowNumber} failed`, error);
      const report: BatchRowReport = {
        rowNumber: row.rowNumber,
        orderNo: row.orderNo,
        outcome: "rejected",
        reasonCode: "internal_error",
        message: hotline.rowErrors.internal,
        caseId: null,
      };
      await inScope(db, env.scope, async (trx) => {
        await insertBatchRows(trx, batchId, [report]);
        if (!(await addBatchProgress(trx, batchId, token, start + i + 1, countOutcomes([report]), performance.now() - began)))
          throw new LeaseLost();
      });
    }
  }
}

/**
 * Imports take turns, one chunk at a time: two files carrying the same new order must not both create it
 * (the second chunk then sees the first one's ledger rows and reports the order as unchanged or updated).
 */
async function lockImports(trx: Database) {
  await lockHotlineImports(trx);
}

export function countOutcomes(reports: readonly BatchRowReport[]): BatchCounts {
  const c: BatchCounts = { created: 0, updated: 0, unchanged: 0, queued: 0, rejected: 0 };
  for (const r of reports) c[r.outcome]++;
  return c;
}
