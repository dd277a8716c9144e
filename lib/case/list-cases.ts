import "server-only";
import {
  categoryExists,
  findCasePage,
  limitStatementTime,
  preferCustomPlans,
  type CaseCursor,
  type CaseListQuery,
} from "../../db/queries/case-list";
import type { Database } from "../../db/client";
import { findRegionById } from "../../db/queries/region";
import { inScope } from "../../db/queries/scope";
import { authorize } from "../auth/authorize";
import type { Scope } from "../auth/scope";
import type { RequestContext } from "../context";
import { DomainError, parseInput, wrapDatabaseError } from "../errors";
import { caseDesk } from "../i18n/zh-CN/case-desk";
import { errorMessages } from "../i18n/zh-CN/errors";
import type { CaseSummaryDto } from "./case-dto";
import { OPEN_STATES } from "./case-states";
import { ListCasesInput, type CaseListFilter } from "./list-cases-filter";
import { toCaseSummaryDto } from "./to-case-dto";

/** How long one page may take before the caller is asked to narrow the filters (a rare word over a whole district). */
const LIST_TIMEOUT_MS = 8_000;

/** A page of the case list, newest first; `nextCursor` continues after its last row, null at the end. */
export type CasePage = { cases: CaseSummaryDto[]; nextCursor: string | null };

/**
 * 案件列表: the cases of the caller's area (case.read), filtered by time, category (with its subtree), state,
 * light, source, level, urgency, area and text, newest first in keyset pages that neither skip nor repeat a
 * case while others report new ones. Row-level security applies besides the query's own scope filter.
 */
export async function listCases({ ctx, input }: { ctx: RequestContext; input: ListCasesInput }): Promise<CasePage> {
  const scope = authorize(ctx, "case.read");
  const filter = parseInput(ListCasesInput, input);
  try {
    return await inScope(ctx.db, scope, async (trx) => {
      const query = await resolveCaseQuery(trx, scope, filter);
      // A word that occurs nowhere makes the whole area's cases be read (no index serves 包含 on Chinese
      // text); past this bound the caller is asked to narrow the search instead of waiting.
      await limitStatementTime(trx, LIST_TIMEOUT_MS);
      await preferCustomPlans(trx);
      const rows = await findCasePage(trx, query, { after: parseCursor(filter.after), limit: filter.limit });
      const page = rows.slice(0, filter.limit);
      return {
        cases: page.map((r) => toCaseSummaryDto(r)),
        nextCursor: rows.length > filter.limit ? page[page.length - 1].cursor : null,
      };
    });
  } catch (e) {
    if ((e as { code?: string } | null)?.code === "57014") {
      throw new DomainError("VALIDATION", caseDesk.list.errors.tooSlow, {
        cause: e,
        details: { q: caseDesk.list.errors.tooSlow },
      });
    }
    throw wrapDatabaseError(e);
  }
}

/**
 * The parsed filters as a query for `scope`: the area must lie inside the scope (NOT_FOUND otherwise, the
 * same answer as an area that does not exist) and a named category must exist. Shared with the exports.
 */
export async function resolveCaseQuery(db: Database, scope: Scope, filter: CaseListFilter): Promise<CaseListQuery> {
  let areaPath: string | undefined;
  if (filter.area !== undefined) {
    const region = await findRegionById(db, filter.area, scope);
    if (!region)
      throw new DomainError("NOT_FOUND", errorMessages.regionNotFound, { details: { area: errorMessages.regionNotFound } });
    areaPath = region.path;
  }
  if (filter.category !== undefined && !(await categoryExists(db, filter.category))) {
    const message = caseDesk.list.errors.categoryNotFound;
    throw new DomainError("VALIDATION", message, { details: { category: message } });
  }
  return {
    scope,
    areaPath,
    from: filter.from,
    to: filter.to,
    categoryId: filter.category,
    states: filter.state === undefined ? undefined : filter.state === "open" ? OPEN_STATES : [filter.state],
    light: filter.light,
    source: filter.source,
    level: filter.level,
    urgency: filter.urgency,
    q: filter.q,
  };
}

/** "<micros>-<id>" (already checked against CURSOR_PATTERN) as the keyset position. */
export function parseCursor(cursor: string | undefined): CaseCursor | undefined {
  if (!cursor) return undefined;
  const [micros, id] = cursor.split("-");
  return { micros, id: Number(id) };
}
