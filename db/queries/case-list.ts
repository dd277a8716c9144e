import { sql, type RawBuilder, type SqlBool } from "kysely";
import { withinScope, type Scope } from "./scope";
import type { Database } from "../client";
import { selectCaseSummaries, type CaseSummaryRow } from "./case-read";

/*
 * The case list and its exports: one filtered scan of case_record inside the caller's scope, newest first,
 * keyset-paginated on (reported_at desc, id desc) — the order of case_record_reported_idx, so a page reads
 * only its own rows however deep it is. Callers run these inside `inScope` (row-level security) and pass
 * the scope again for the explicit filter (defence in depth, like every other scoped query).
 * Dates are calendar days in China Standard Time: `from` inclusive, `to` including its whole day.
 */

const TIME_ZONE = "Asia/Shanghai";

/** States that show a light (open, clock running): a light filter never matches a closed or suspended case. */
const LIT_STATES = ["reported", "filed", "dispatched", "acknowledged", "returned", "handled", "reported_back", "verifying"];

export type CaseListQuery = {
  scope: Scope;
  /** Only cases inside this region's subtree (already checked to lie inside the scope). */
  areaPath?: string;
  from?: string;
  to?: string;
  /** The category and all its descendants. */
  categoryId?: number;
  states?: readonly string[];
  light?: string;
  source?: string;
  level?: string;
  urgency?: string;
  /** A case number (or its start), or words of the description or address. */
  q?: string;
};

/**
 * Plans this transaction's statements for their actual values. postgres.js prepares every statement, and
 * after five runs PostgreSQL may switch to a generic plan; on case_record (row-level security, estimates
 * from defaults) the generic plan for a date range or a cursor is a full scan — measured at full scale:
 * the district's monthly rates went from 1 s to 6 s on the sixth call.
 */
export async function preferCustomPlans(db: Database): Promise<void> {
  await sql`select set_config('plan_cache_mode', 'force_custom_plan', true)`.execute(db);
}

/**
 * Turns explicit sorts off for this transaction, so the planner walks the reported_at index in order: under
 * row-level security it underestimates the rows and would rather sort the whole area (the export's batches).
 */
export async function preferIndexOrder(db: Database): Promise<void> {
  await sql`select set_config('enable_sort', 'off', true)`.execute(db);
}

/** Cancels any statement of this transaction that runs longer than `ms` (PostgreSQL's statement_timeout). */
export async function limitStatementTime(db: Database, ms: number): Promise<void> {
  await sql`select set_config('statement_timeout', ${`${ms}ms`}, true)`.execute(db);
}

/** The keyset position after a row: reported_at in whole microseconds since the epoch, and the id. */
export type CaseCursor = { micros: string; id: number };

export type CaseListRow = CaseSummaryRow & { cursor: string };

function likeContains(text: string) {
  return `%${text.replaceAll("\\", "\\\\").replaceAll("%", "\\%").replaceAll("_", "\\_")}%`;
}

const CASE_NUMBER = /^SJ[0-9]{0,15}$/i;

/**
 * The WHERE conditions of the filters, as SQL on the case `c` and its basic grid `g` (region joined on
 * c.grid_id; shared by the page, the count and the exports).
 * The area and scope are tested on the grid's path, not on c.region_path (the same value): case_record
 * has row-level security, and PostgreSQL does not use a table's statistics for a non-leakproof operator
 * (ltree <@) under RLS — it assumes 0.5% of the rows match, sorts a million district cases instead of
 * walking the reported_at index (10 s instead of 0.1 s for a page, measured at full scale). region has
 * no RLS, so its path filter is estimated from real statistics.
 */
export function caseFilterConditions(f: CaseListQuery): RawBuilder<SqlBool>[] {
  const where: RawBuilder<SqlBool>[] = [withinScope(sql.ref("g.path"), f.scope)];
  if (f.areaPath) where.push(sql<SqlBool>`g.path <@ ${f.areaPath}::ltree`);
  if (f.from) where.push(sql<SqlBool>`c.reported_at >= (${f.from}::date)::timestamp at time zone ${TIME_ZONE}`);
  if (f.to) where.push(sql<SqlBool>`c.reported_at < (${f.to}::date + 1)::timestamp at time zone ${TIME_ZONE}`);
  if (f.categoryId !== undefined) {
    where.push(sql<SqlBool>`c.category_id in (
        with recursive sub as (
          select id from case_category where id = ${f.categoryId}
          union all
          select k.id from case_category k join sub on k.parent_id = sub.id)
        select id from sub)`);
  }
  if (f.states?.length) where.push(sql<SqlBool>`c.state = any(${[...f.states]}::text[])`);
  if (f.light) where.push(sql<SqlBool>`c.light = ${f.light} and c.state = any(${LIT_STATES}::text[])`);
  if (f.source) where.push(sql<SqlBool>`c.source = ${f.source}`);
  if (f.level) where.push(sql<SqlBool>`c.level = ${f.level}`);
  if (f.urgency) where.push(sql<SqlBool>`c.urgency = ${f.urgency}`);
  if (f.q) {
    // A case number is matched by its start (SJ20261123…), words anywhere in the number, description or address.
    if (CASE_NUMBER.test(f.q)) {
      // A range on the unique number index (LIKE 'x%' cannot use it under a non-C collation), LIKE as the exact check.
      const prefix = f.q.toUpperCase();
      where.push(sql<SqlBool>`(c.number >= ${prefix} and c.number < ${`${prefix}\u{10FFFF}`} and c.number like ${`${prefix}%`})`);
    } else {
      const like = likeContains(f.q);
      where.push(sql<SqlBool>`(c.number ilike ${like} or c.description ilike ${like} or c.address ilike ${like})`);
    }
  }
  return where;
}

/**
 * One page of summaries after `after` (limit + 1 rows are read to know whether more follow), each with the
 * cursor that continues after it. The exports walk the same pages with a larger limit.
 */
export async function findCasePage(
  db: Database,
  f: CaseListQuery,
  page: { after?: CaseCursor; limit: number },
): Promise<CaseListRow[]> {
  let q = selectCaseSummaries(db).select(
    // numeric, not double: the cursor must round-trip to the exact microsecond.
    sql<string>`((extract(epoch from c.reported_at) * 1000000)::bigint)::text || '-' || c.id::text`.as("cursor"),
  );
  for (const w of caseFilterConditions(f)) q = q.where(w);
  if (page.after) {
    const { micros, id } = page.after;
    q = q.where(
      sql<boolean>`(c.reported_at, c.id) < (timestamptz 'epoch' + ${micros}::bigint * interval '1 microsecond', ${id}::bigint)`,
    );
  }
  return q
    .orderBy("c.reported_at", "desc")
    .orderBy("c.id", "desc")
    .limit(page.limit + 1)
    .execute();
}

/** How many cases match, counting no further than `cap` (the export bound: beyond it the exact number does not matter). */
export async function countCasesUpTo(db: Database, f: CaseListQuery, cap: number): Promise<number> {
  let inner = db
    .selectFrom("case_record as c")
    .innerJoin("region as g", "g.id", "c.grid_id")
    .select(sql<number>`1`.as("one"));
  for (const w of caseFilterConditions(f)) inner = inner.where(w);
  inner = inner.limit(cap);
  const row = await db
    .selectFrom(inner.as("m"))
    .select(sql<number>`count(*)::int`.as("n"))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** The category tree for the pickers (active and inactive rows; lib/ nests them by parent). */
export async function findCategoryOptions(db: Database) {
  return db
    .selectFrom("case_category")
    .select(["id", "code", "name", "parent_id as parentId", "active", "sort"])
    .orderBy("sort")
    .orderBy("id")
    .execute();
}

/** Whether a category exists (a filter naming an unknown one is refused, not silently empty). */
export async function categoryExists(db: Database, id: number): Promise<boolean> {
  const row = await db.selectFrom("case_category").select("id").where("id", "=", id).executeTakeFirst();
  return row !== undefined;
}
