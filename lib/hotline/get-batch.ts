import "server-only";
import { z } from "zod";
import { idSchema } from "../id";
import { errorMessages } from "../i18n/zh-CN/errors";
import { countBatchRows, findBatch, findBatchRows, findRecentBatches, type BatchRow } from "../../db/queries/hotline-batch";
import { inScope } from "../../db/queries/scope";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { DomainError, parseInput } from "../errors";
import { toCsv } from "../format/csv";
import { hotline } from "../i18n/zh-CN/hotline";
import type { BatchDto, BatchOutcome, BatchReportDto } from "./dto";

export const REPORT_PAGE_ROWS = 500;

const GetBatchSchema = z.object({
  batchId: idSchema(errorMessages.invalidId, "bigint"),
  outcome: z.enum(["created", "updated", "unchanged", "queued", "rejected"]).nullish(),
});

export function toBatchDto(b: BatchRow): BatchDto {
  return {
    id: b.id,
    fileName: b.file_name,
    format: b.format,
    encoding: b.encoding,
    createdByName: b.created_by_name,
    status: b.status,
    totalRows: b.total_rows,
    processedRows: b.processed_rows,
    counts: {
      created: b.created_count,
      updated: b.updated_count,
      unchanged: b.unchanged_count,
      queued: b.queued_count,
      rejected: b.rejected_count,
    },
    createdAt: new Date(b.created_at).toISOString(),
    finishedAt: b.finished_at ? new Date(b.finished_at).toISOString() : null,
    durationMs: b.duration_ms,
    error: b.error,
  };
}

/** An import's state and report (the first REPORT_PAGE_ROWS lines, all or of one outcome): the page polls it while the worker runs. */
export async function getBatchReport({ ctx, input }: { ctx: RequestContext; input: unknown }): Promise<BatchReportDto> {
  const scope = authorize(ctx, "case.import");
  const { batchId, outcome } = parseInput(GetBatchSchema, input);
  return inScope(ctx.db, scope, async (trx) => {
    const batch = await findBatch(trx, batchId, scope);
    if (!batch) throw new DomainError("NOT_FOUND", hotline.fileErrors.batchNotFound);
    const [rows, matching] = await Promise.all([
      findBatchRows(trx, batchId, { outcome, limit: REPORT_PAGE_ROWS }),
      countBatchRows(trx, batchId, outcome),
    ]);
    return {
      batch: toBatchDto(batch),
      shownOutcome: outcome ?? null,
      matching,
      rows: rows.map((r) => ({
        rowNumber: r.row_number,
        orderNo: r.order_no,
        outcome: r.outcome as BatchOutcome,
        reasonCode: r.reason_code,
        message: r.message,
        caseId: r.case_id,
        caseNumber: r.case_number,
      })),
    };
  });
}

/** The import batches of the caller's area, newest first. */
export async function listBatches({ ctx }: { ctx: RequestContext }): Promise<BatchDto[]> {
  const scope = authorize(ctx, "case.import");
  return inScope(ctx.db, scope, async (trx) => (await findRecentBatches(trx, scope, 20)).map(toBatchDto));
}

/** The whole report of a batch as CSV (every line, for the people who fix the rejected rows at the hotline). */
export async function batchReportCsv({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: unknown;
}): Promise<{ csv: string; fileName: string; rowCount: number }> {
  const scope = authorize(ctx, "case.import");
  const { batchId } = parseInput(GetBatchSchema, input);
  return inScope(ctx.db, scope, async (trx) => {
    const batch = await findBatch(trx, batchId, scope);
    if (!batch) throw new DomainError("NOT_FOUND", hotline.fileErrors.batchNotFound);
    const rows = await findBatchRows(trx, batchId, { limit: 100_000 });
    const c = hotline.report.columns;
    const csv = toCsv(
      [c.row, c.orderNo, c.outcome, c.message, c.caseNumber],
      rows.map((r) => [
        r.row_number,
        r.order_no,
        hotline.outcomeLabels[r.outcome as BatchOutcome] ?? r.outcome,
        r.message,
        r.case_number,
      ]),
    );
    return { csv, fileName: `导入报告_${batch.id}_${batch.file_name.replace(/\.[a-z]+$/i, "")}.csv`, rowCount: rows.length };
  });
}
