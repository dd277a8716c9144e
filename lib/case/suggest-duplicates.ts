import "server-only";
import { findNearbyOpenCases } from "../../db/queries/case";
import { findCaseSummaries } from "../../db/queries/case-read";
import { inScope } from "../../db/queries/scope";
import type { Database } from "../../db/client";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { parseInput } from "../errors";
import type { CaseSummaryDto } from "./case-dto";
import { loadCaseConfig } from "./case-config";
import { ReportCaseSchema } from "./schemas";
import { toCaseSummaryDto } from "./to-case-dto";

const MAX_SUGGESTIONS = 5;

const DuplicateQuerySchema = ReportCaseSchema.pick({ categoryId: true, lon: true, lat: true });

/**
 * Open cases of the same category within the configured distance and time (default 150 m, 72 h) that a
 * new report probably repeats: offered for merging before and after the report is sent.
 */
export async function suggestDuplicates({ ctx, input }: { ctx: RequestContext; input: unknown }): Promise<CaseSummaryDto[]> {
  const scope = authorize(ctx, "case.report");
  const query = parseInput(DuplicateQuerySchema, input);
  return inScope(ctx.db, scope, (trx) => suggestDuplicatesIn(trx, query));
}

/**
 * The same inside a transaction with its scope set (the report verb answers with it). The configuration is read
 * on the transaction's connection by default: a second pool connection taken while holding one deadlocks the
 * pool under load.
 */
export async function suggestDuplicatesIn(
  trx: Database,
  query: { categoryId: number; lon: number; lat: number; excludeId?: number },
  configDb: Database = trx,
): Promise<CaseSummaryDto[]> {
  const { duplicateWindow } = await loadCaseConfig(configDb);
  const since = new Date(Date.now() - duplicateWindow.hours * 3600_000);
  const ids = await findNearbyOpenCases(trx, { ...query, meters: duplicateWindow.meters, since, limit: MAX_SUGGESTIONS });
  const rows = await findCaseSummaries(trx, ids);
  return rows.map(toCaseSummaryDto).sort((a, b) => b.reportedAt.localeCompare(a.reportedAt));
}
