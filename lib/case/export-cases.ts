import "server-only";
import { z } from "zod";
import {
  countCasesUpTo,
  findCasePage,
  preferCustomPlans,
  preferIndexOrder,
  type CaseCursor,
  type CaseListQuery,
} from "../../db/queries/case-list";
import type { Database } from "../../db/client";
import { inScope } from "../../db/queries/scope";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import type { Scope } from "../auth/scope";
import type { RequestContext } from "../context";
import { DomainError, parseInput, wrapDatabaseError } from "../errors";
import { compactDate } from "../format/content-disposition";
import { caseDesk } from "../i18n/zh-CN/case-desk";
import type { CaseSummaryDto } from "./case-dto";
import { csvStream, geojsonStream, xlsxStream, type CaseBatches } from "./export-cases-stream";
import { caseFilterShape } from "./list-cases-filter";
import { parseCursor, resolveCaseQuery } from "./list-cases";
import { toCaseSummaryDto } from "./to-case-dto";

/**
 * The most cases one export may hold. The file is streamed, so memory is not the limit; a file beyond this
 * is no longer a list anyone reads (Excel itself stops at 1,048,576 rows) and mostly a way to carry a whole
 * district's cases away. Larger sets are exported in parts (by time or area).
 */
export const MAX_CASE_EXPORT_ROWS = 200_000;

/** Rows read from the database per batch while streaming. */
const BATCH = 2_000;

export const CASE_EXPORT_FORMATS = ["xlsx", "csv", "geojson"] as const;
export type CaseExportFormat = (typeof CASE_EXPORT_FORMATS)[number];

const CONTENT_TYPES: Record<CaseExportFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  geojson: "application/geo+json",
};

const ExportCasesInput = z
  .object({ ...caseFilterShape, format: z.enum(CASE_EXPORT_FORMATS, { error: caseDesk.export.badFormat }) })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: caseDesk.list.errors.dateOrder, path: ["to"] });
export type ExportCasesInput = z.input<typeof ExportCasesInput>;

/** A file to download: its names, type, the number of cases counted when it started, and its bytes as a stream. */
export type FileDownload = {
  filename: string;
  asciiFilename: string;
  contentType: string;
  rowCount: number;
  body: ReadableStream<Uint8Array> | Uint8Array<ArrayBuffer>;
};

/**
 * Exports the case list under the list's filters (case.export, inside the caller's area) as xlsx, CSV with
 * a BOM, or GeoJSON points. Counted first: beyond MAX_CASE_EXPORT_ROWS the export is refused with a clear
 * message. The audit row (filters, format, count) is written in the transaction that counts, before a byte
 * leaves; the rows then stream in keyset batches, each batch in its own scoped transaction, starting at the
 * newest case that existed when the export began (cases reported meanwhile are not mixed in).
 * No reporter name or phone is exported (see export-cases-format.ts).
 */
export async function exportCases({
  ctx,
  input,
  now = new Date(),
  maxRows = MAX_CASE_EXPORT_ROWS,
}: {
  ctx: RequestContext;
  input: ExportCasesInput;
  now?: Date;
  /** The bound (tests lower it to check the refusal without inserting 200,000 cases). */
  maxRows?: number;
}): Promise<FileDownload> {
  const scope = authorize(ctx, "case.export");
  const { format, ...filter } = parseInput(ExportCasesInput, input);
  let start: { query: CaseListQuery; rowCount: number; first: CaseCursor | null };
  try {
    start = await inScope(ctx.db, scope, async (trx) => {
      await preferCustomPlans(trx);
      const query = await resolveCaseQuery(trx, scope, filter);
      const rowCount = await countCasesUpTo(trx, query, maxRows + 1);
      if (rowCount > maxRows) {
        const message = caseDesk.export.tooLarge(maxRows, rowCount);
        throw new DomainError("VALIDATION", message, { details: { rows: message } });
      }
      // The newest matching case (a page of limit 0 reads exactly one row): where the stream starts.
      const [top] = await findCasePage(trx, query, { limit: 0 });
      await recordAudit(trx, ctx, {
        action: "case.export",
        entity: "case_record",
        entityId: null,
        after: { format, filters: filter, rowCount },
      });
      return { query, rowCount, first: top ? parseCursor(top.cursor)! : null };
    });
  } catch (e) {
    throw wrapDatabaseError(e);
  }
  const batches = caseBatches(ctx.db, scope, start.query, start.first, maxRows);
  const body =
    format === "csv"
      ? csvStream(batches)
      : format === "geojson"
        ? geojsonStream(batches)
        : xlsxStream(batches, caseDesk.export.sheetName);
  const date = compactDate(now);
  return {
    filename: `${caseDesk.export.filename(date)}.${format}`,
    asciiFilename: `${caseDesk.export.asciiFilename(date)}.${format}`,
    contentType: CONTENT_TYPES[format],
    rowCount: start.rowCount,
    body,
  };
}

/**
 * The matching cases from `first` (inclusive) down, in batches; at most `maxRows` in all.
 * Starting "after" a position one id above the first row includes it and excludes anything newer.
 */
async function* caseBatches(
  db: Database,
  scope: Scope,
  query: CaseListQuery,
  first: CaseCursor | null,
  maxRows: number,
): CaseBatches {
  if (!first) return;
  let after: CaseCursor = { micros: first.micros, id: first.id + 1 };
  let sent = 0;
  while (sent < maxRows) {
    const limit = Math.min(BATCH, maxRows - sent);
    const rows = await inScope(db, scope, async (trx) => {
      await preferCustomPlans(trx);
      // Every matching row is read in the end, so walking the reported_at index in order is always right; under
      // row-level security the planner underestimates the rows (0.5% by default) and would rather sort the
      // whole area for each batch (5 s a batch instead of 0.1 s at 600,000 cases).
      await preferIndexOrder(trx);
      return findCasePage(trx, query, { after, limit });
    });
    const page = rows.slice(0, limit);
    if (page.length === 0) return;
    yield page.map((r): CaseSummaryDto => toCaseSummaryDto(r));
    sent += page.length;
    if (rows.length <= limit) return;
    after = parseCursor(page[page.length - 1].cursor)!;
  }
}
