import { sql, type RawBuilder, type SqlBool } from "kysely";
import { withinScope, type Scope } from "./scope";
import type { Database } from "../client";

/*
 * The department's inbox (待办): the cases a unit works on, in five tabs that the rules of lib/case/list-inbox.ts
 * name. Every query keeps to the caller's case.read scope by its own filter and runs inside `inScope`
 * (row-level security) as well. `units` are the units the caller acts for (case_unit_member).
 */

export const INBOX_TABS = ["pending", "in_progress", "to_report", "sent_back", "overdue"] as const;
export type InboxTab = (typeof INBOX_TABS)[number];

/** States in which the lead unit still owes work (the partial indexes case_record_unit_queue_idx cover them). */
const UNIT_WORK = ["dispatched", "acknowledged", "handled"];

/** The unit of the latest 退回 of a case (the unit that sent it back to the dispatcher). */
const lastReturnUnit = sql`(select e.actor_unit_id from case_event e
   where e.case_id = c.id and e.action = 'return' order by e.at desc, e.id desc limit 1)`;

/** One tab's condition on case `c` for these units at `now`. */
function tabCondition(tab: InboxTab, units: number[], now: Date): RawBuilder<SqlBool> {
  const lead = sql`c.lead_unit_id = any(${units}::int[])`;
  switch (tab) {
    case "pending":
      return sql<SqlBool>`(c.state = 'dispatched' and ${lead})`;
    case "in_progress":
      return sql<SqlBool>`(c.state = 'acknowledged' and ${lead})`;
    case "to_report":
      // Handled by us and not reported back; or a co-unit's part (协办反馈) still owed on a case in progress.
      return sql<SqlBool>`((c.state = 'handled' and ${lead})
        or (c.state in ('acknowledged', 'handled') and c.co_unit_ids && ${units}::int[] and not coalesce(${lead}, false)
            and not exists (select 1 from case_event e where e.case_id = c.id and e.action = 'co_report_back'
                             and e.actor_unit_id = any(${units}::int[]) and e.at >= c.dispatched_at)))`;
    case "sent_back":
      // 返工 (verification sent the disposal back to us) while we redo it; and cases we sent back (退回)
      // that still wait for the dispatcher's new decision.
      return sql<SqlBool>`((c.reopen_count > 0 and c.state in ('acknowledged', 'handled') and ${lead})
        or (c.state = 'returned' and ${lastReturnUnit} = any(${units}::int[])))`;
    case "overdue":
      return sql<SqlBool>`(c.state = any(${UNIT_WORK}::text[]) and ${lead} and c.deadline_at < ${now})`;
  }
}

/** Rows any tab may hold: a cheap filter the indexes serve (lead unit, co-units, the office queue's returned cases). */
function candidates(units: number[]): RawBuilder<SqlBool> {
  return sql<SqlBool>`((c.state = any(${UNIT_WORK}::text[]) and (c.lead_unit_id = any(${units}::int[]) or c.co_unit_ids && ${units}::int[]))
    or c.state = 'returned')`;
}

/** The number of cases in every tab, in one statement. */
export async function countInboxTabs(
  db: Database,
  args: { scope: Scope; units: readonly number[]; now: Date },
): Promise<Record<InboxTab, number>> {
  const units = [...args.units];
  const counts = INBOX_TABS.map(
    (tab) => sql`count(*) filter (where ${tabCondition(tab, units, args.now)})::int as ${sql.ref(tab)}`,
  );
  const { rows } = await sql<Record<InboxTab, number>>`
    select ${sql.join(counts)}
      from case_record c
     where ${candidates(units)} and ${withinScope(sql.ref("c.region_path"), args.scope)}`.execute(db);
  return rows[0];
}

/** The keyset position after a row: its deadline in microseconds since the epoch ("n" for none), and its id. */
export type InboxCursor = { micros: string | null; id: number };

/** Where the order starts again after `after`: (deadline, nulls last; id). */
function afterCursor(after: InboxCursor): RawBuilder<SqlBool> {
  const at =
    after.micros === null
      ? sql`'infinity'::timestamptz`
      : sql`('epoch'::timestamptz + ${after.micros}::bigint * interval '1 microsecond')`;
  return sql<SqlBool>`(coalesce(c.deadline_at, 'infinity'::timestamptz), c.id) > (${at}, ${after.id})`;
}

/**
 * One page of a tab: ids with their cursors, soonest deadline first (untimed last), limit + 1 rows read so
 * the caller knows whether more follow. Optional filters: a category (with its subtree) and the light.
 */
export async function findInboxPage(
  db: Database,
  args: {
    scope: Scope;
    units: readonly number[];
    now: Date;
    tab: InboxTab;
    categoryId?: number;
    light?: string;
    after?: InboxCursor;
    limit: number;
  },
): Promise<{ id: number; cursor: string }[]> {
  const units = [...args.units];
  const where: RawBuilder<SqlBool>[] = [
    candidates(units),
    tabCondition(args.tab, units, args.now),
    withinScope(sql.ref("c.region_path"), args.scope),
  ];
  if (args.categoryId !== undefined)
    where.push(sql<SqlBool>`c.category_id in (
        with recursive sub as (
          select id from case_category where id = ${args.categoryId}
          union all
          select k.id from case_category k join sub on k.parent_id = sub.id)
        select id from sub)`);
  if (args.light) where.push(sql<SqlBool>`c.light = ${args.light}`);
  if (args.after) where.push(afterCursor(args.after));
  const { rows } = await sql<{ id: number; cursor: string }>`
    select c.id,
           coalesce(((extract(epoch from c.deadline_at) * 1000000)::bigint)::text, 'n') || '-' || c.id::text as cursor
      from case_record c
     where ${sql.join(where, sql` and `)}
     order by coalesce(c.deadline_at, 'infinity'::timestamptz), c.id
     limit ${args.limit + 1}`.execute(db);
  return rows;
}
