import { sql } from "kysely";
import { scopeLiteral, type Scope } from "./scope";
import type { Database } from "../client";

/** Import batches (one uploaded file each) and their per-row reports. */

/**
 * Makes imports take turns for the rest of this transaction (a transaction-level advisory lock): two files
 * carrying the same new order must not both create it.
 */
export async function lockHotlineImports(db: Database): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('gridatlas.hotline.import'))`.execute(db);
}

export type NewBatch = {
  fileName: string;
  fileSha256: Buffer;
  format: "xlsx" | "csv";
  encoding: string | null;
  createdBy: number | null;
  createdByName: string;
  actorJson: string;
  scope: Scope;
  rowsCipher: Buffer;
  totalRows: number;
};

export async function insertBatch(db: Database, b: NewBatch): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    insert into hotline_batch (file_name, file_sha256, format, encoding, created_by, created_by_name, actor, scope, rows_cipher, total_rows)
    values (${b.fileName}, ${b.fileSha256}, ${b.format}, ${b.encoding}, ${b.createdBy}, ${b.createdByName}, ${b.actorJson}::text::jsonb,
            ${scopeLiteral(b.scope)}::ltree[], ${b.rowsCipher}, ${b.totalRows})
    returning id`.execute(db);
  return rows[0].id;
}

/** Whether every path of the batch's scope lies inside `scope` (a street operator never sees the district's batches). */
function batchInside(scope: Scope) {
  return sql<boolean>`not exists (select 1 from unnest(b.scope) p where not (p <@ ${scopeLiteral(scope)}::ltree[]))`;
}

const BATCH_COLUMNS = sql`b.id, b.file_name, b.format, b.encoding, b.created_by, b.created_by_name, b.status, b.total_rows, b.processed_rows,
  b.created_count, b.updated_count, b.unchanged_count, b.queued_count, b.rejected_count, b.created_at, b.started_at, b.finished_at, b.duration_ms, b.error`;

export type BatchRow = {
  id: number;
  file_name: string;
  format: string;
  encoding: string | null;
  created_by: number | null;
  created_by_name: string;
  status: "pending" | "running" | "done" | "failed";
  total_rows: number;
  processed_rows: number;
  created_count: number;
  updated_count: number;
  unchanged_count: number;
  queued_count: number;
  rejected_count: number;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  duration_ms: number | null;
  error: string | null;
};

export async function findBatch(db: Database, id: number, scope: Scope): Promise<BatchRow | null> {
  const { rows } =
    await sql<BatchRow>`select ${BATCH_COLUMNS} from hotline_batch b where b.id = ${id} and ${batchInside(scope)}`.execute(db);
  return rows[0] ?? null;
}

export async function findRecentBatches(db: Database, scope: Scope, limit: number): Promise<BatchRow[]> {
  const { rows } = await sql<BatchRow>`
    select ${BATCH_COLUMNS} from hotline_batch b where ${batchInside(scope)} order by b.created_at desc, b.id desc limit ${limit}`.execute(
    db,
  );
  return rows;
}

/** How long a claim holds without a committed chunk (a chunk of 500 rows takes seconds). */
export const BATCH_LEASE_SECONDS = 120;

/**
 * Takes a batch for processing (the worker): a pending batch, or a running one whose lease lapsed (its worker
 * died; the job was retried) — which resumes after its last committed chunk. A batch another processor holds
 * is not taken: null.
 */
export async function claimBatch(db: Database, id: number, token: string) {
  const { rows } = await sql<{
    id: number;
    actor: unknown;
    scope: string[];
    rows_cipher: Buffer | null;
    processed_rows: number;
    total_rows: number;
    status: string;
    duration_ms: number | null;
  }>`
    update hotline_batch set status = 'running', started_at = coalesce(started_at, now()),
           lease_token = ${token}::uuid, lease_until = now() + make_interval(secs => ${BATCH_LEASE_SECONDS})
     where id = ${id} and (status = 'pending' or (status = 'running' and (lease_until is null or lease_until < now())))
    returning id, actor, scope::text[] as scope, rows_cipher, processed_rows, total_rows, status, duration_ms`.execute(db);
  return rows[0] ?? null;
}

export type BatchCounts = { created: number; updated: number; unchanged: number; queued: number; rejected: number };

/**
 * Adds one chunk's outcome in the chunk's transaction (the counts and the resume point commit with the rows)
 * and renews the lease. False when the lease is no longer this processor's: the caller must roll back.
 */
export async function addBatchProgress(
  db: Database,
  id: number,
  token: string,
  processedRows: number,
  c: BatchCounts,
  elapsedMs: number,
): Promise<boolean> {
  const result = await sql`
    update hotline_batch
       set processed_rows = ${processedRows},
           created_count = created_count + ${c.created}, updated_count = updated_count + ${c.updated},
           unchanged_count = unchanged_count + ${c.unchanged}, queued_count = queued_count + ${c.queued},
           rejected_count = rejected_count + ${c.rejected}, duration_ms = coalesce(duration_ms, 0) + ${Math.round(elapsedMs)},
           lease_until = now() + make_interval(secs => ${BATCH_LEASE_SECONDS})
     where id = ${id} and lease_token = ${token}::uuid`.execute(db);
  return Number(result.numAffectedRows ?? 0) === 1;
}

/** The end of a batch: done (the rows, with callers' phones, are dropped) or failed with the reason. */
export async function finishBatch(
  db: Database,
  id: number,
  token: string | null,
  outcome: { status: "done" } | { status: "failed"; error: string },
) {
  await sql`
    update hotline_batch
       set status = ${outcome.status}, finished_at = now(), rows_cipher = null, error = ${outcome.status === "failed" ? outcome.error : null},
           lease_token = null, lease_until = null
     where id = ${id} and (${token}::uuid is null or lease_token = ${token}::uuid)`.execute(db);
}

export type BatchRowReport = {
  rowNumber: number;
  orderNo: string | null;
  outcome: "created" | "updated" | "unchanged" | "queued" | "rejected";
  reasonCode: string | null;
  message: string | null;
  caseId: number | null;
};

export async function insertBatchRows(db: Database, batchId: number, rows: readonly BatchRowReport[]) {
  if (rows.length === 0) return;
  await db
    .insertInto("hotline_batch_row")
    .values(
      rows.map((r) => ({
        batch_id: batchId,
        row_number: r.rowNumber,
        order_no: r.orderNo,
        outcome: r.outcome,
        reason_code: r.reasonCode,
        message: r.message,
        case_id: r.caseId,
      })),
    )
    .onConflict((oc) => oc.columns(["batch_id", "row_number"]).doNothing())
    .execute();
}

/** The report lines of a batch (all, or of one outcome), in file order, with the case numbers. */
export async function findBatchRows(db: Database, batchId: number, args: { outcome?: string | null; limit: number }) {
  let q = db
    .selectFrom("hotline_batch_row as r")
    .leftJoin("case_record as c", "c.id", "r.case_id")
    .select(["r.row_number", "r.order_no", "r.outcome", "r.reason_code", "r.message", "r.case_id", "c.number as case_number"])
    .where("r.batch_id", "=", batchId);
  if (args.outcome) q = q.where("r.outcome", "=", args.outcome);
  return q.orderBy("r.row_number").limit(args.limit).execute();
}

export async function countBatchRows(db: Database, batchId: number, outcome?: string | null): Promise<number> {
  let q = db
    .selectFrom("hotline_batch_row")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("batch_id", "=", batchId);
  if (outcome) q = q.where("outcome", "=", outcome);
  return (await q.executeTakeFirstOrThrow()).n;
}
