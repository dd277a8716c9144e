import "server-only";
import { z } from "zod";
import { countInboxTabs, findInboxPage, INBOX_TABS, type InboxCursor, type InboxTab } from "../../db/queries/case-inbox";
import { findCaseSummaries, findUnitsByIds } from "../../db/queries/case-read";
import { findUnitIdsOfUser } from "../../db/queries/case";
import { inScope } from "../../db/queries/scope";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { parseInput, wrapDatabaseError } from "../errors";
import { caseInbox } from "../i18n/zh-CN/case-inbox";
import { caseDesk } from "../i18n/zh-CN/case-desk";
import type { CaseSummaryDto } from "./case-dto";
import { LIGHTS } from "./traffic-light";
import { toCaseSummaryDto } from "./to-case-dto";

export { INBOX_TABS, type InboxTab };

const blankAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <S extends z.ZodType>(schema: S) => z.preprocess(blankAsUndefined, schema.optional());

/** "<deadline in µs since the epoch, or n for none>-<id>" of the last row shown. */
const INBOX_CURSOR = /^(n|[0-9]{1,19})-[0-9]{1,10}$/;

/** The inbox's URL: the tab, two filters and the page's cursor (query-string text, "" as absent). */
export const ListInboxInput = z.object({
  tab: z.preprocess(blankAsUndefined, z.enum(INBOX_TABS, { error: caseInbox.errors.badTab }).default("pending")),
  category: optional(
    z.coerce
      .number({ error: caseDesk.list.errors.badId })
      .int(caseDesk.list.errors.badId)
      .positive(caseDesk.list.errors.badId)
      .max(2_147_483_647, caseDesk.list.errors.badId),
  ),
  light: optional(z.enum(LIGHTS, { error: caseDesk.list.errors.badLight })),
  after: optional(z.string().trim().regex(INBOX_CURSOR, caseInbox.errors.badCursor)),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type ListInboxInput = z.input<typeof ListInboxInput>;

export type InboxDto = {
  /** The units the caller acts for (empty: the caller has no department desk). */
  units: { id: number; name: string }[];
  /** Cases per tab, all tabs at once (the badges). */
  counts: Record<InboxTab, number>;
  tab: InboxTab;
  cases: CaseSummaryDto[];
  nextCursor: string | null;
};

const NO_COUNTS: Record<InboxTab, number> = { pending: 0, in_progress: 0, to_report: 0, sent_back: 0, overdue: 0 };

/**
 * 部门待办: the desk of a department handler, for the units they act for (case_unit_member), inside their
 * case.read area. Tabs:
 * - 待签收 (pending): dispatched to one of the units as lead unit, not yet acknowledged or returned;
 * - 办理中 (in_progress): acknowledged by the unit, not yet handled (a 返工 comes back here too);
 * - 待反馈 (to_report): handled by the unit and not yet reported back; and cases where the unit is a
 *   co-unit (协办) and has not sent its 协办反馈 since the dispatch;
 * - 被退回 (sent_back): cases sent back *to* the unit by verification (返工: reopened, being redone), and
 *   cases the unit sent back (退回) that wait for the dispatcher, so the unit sees what became of them;
 * - 超期 (overdue): the unit's dispatched, acknowledged or handled cases past the current stage's deadline.
 * A case may be in two tabs (超期 and 办理中, or 被退回 and 办理中). Counts come from one statement; the
 * tab's rows are keyset pages, soonest deadline first.
 */
export async function listInbox({ ctx, input }: { ctx: RequestContext; input: unknown }): Promise<InboxDto> {
  const scope = authorize(ctx, "case.read");
  const parsed = parseInput(ListInboxInput, input);
  const now = new Date();
  try {
    return await inScope(ctx.db, scope, async (trx) => {
      const unitIds = await findUnitIdsOfUser(trx, ctx.actor.userId);
      if (unitIds.length === 0) return { units: [], counts: NO_COUNTS, tab: parsed.tab, cases: [], nextCursor: null };
      const [units, counts, rows] = await Promise.all([
        findUnitsByIds(trx, unitIds),
        countInboxTabs(trx, { scope, units: unitIds, now }),
        findInboxPage(trx, {
          scope,
          units: unitIds,
          now,
          tab: parsed.tab,
          categoryId: parsed.category,
          light: parsed.light,
          after: parseInboxCursor(parsed.after),
          limit: parsed.limit,
        }),
      ]);
      const page = rows.slice(0, parsed.limit);
      const summaries = new Map(
        (
          await findCaseSummaries(
            trx,
            page.map((r) => r.id),
          )
        ).map((r) => [r.id, toCaseSummaryDto(r)]),
      );
      return {
        units: units.map((u) => ({ id: u.id, name: u.name })),
        counts,
        tab: parsed.tab,
        cases: page.flatMap((r) => summaries.get(r.id) ?? []),
        nextCursor: rows.length > parsed.limit ? page[page.length - 1].cursor : null,
      };
    });
  } catch (e) {
    throw wrapDatabaseError(e);
  }
}

function parseInboxCursor(cursor: string | undefined): InboxCursor | undefined {
  if (!cursor) return undefined;
  const [micros, id] = cursor.split("-");
  return { micros: micros === "n" ? null : micros, id: Number(id) };
}
