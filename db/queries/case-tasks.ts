import { sql, type Expression, type SqlBool } from "kysely";
import { withinScope, type Scope } from "./scope";
import type { Database } from "../client";

/**
 * The work queues of "my tasks" (the phone's 我的任务): ids only, most pressing first; the caller reads the
 * summaries in one go. Every query keeps to the caller's case.read scope by its own filter, and runs in a
 * transaction with that scope set, where row-level security hides other areas anyway.
 */

const UNIT_STATES = ["dispatched", "acknowledged", "handled"] as const;
const VERIFY_STATES = ["reported_back", "verifying"] as const;
const OFFICE_STATES = ["reported", "filed", "returned"] as const;

/** Soonest deadline first; untimed cases last; then the oldest report. */
const byDeadline = sql`c.deadline_at asc nulls last, c.reported_at asc, c.id asc`;

type Queue = { ids: number[]; truncated: boolean };

async function ids(query: Promise<{ id: number }[]>, limit: number): Promise<Queue> {
  const rows = await query;
  return { ids: rows.slice(0, limit).map((r) => r.id), truncated: rows.length > limit };
}

/**
 * Cases a unit of the caller handles (lead or co-unit) and has not reported back on yet; `coOnly` lists
 * those where the caller's units are co-units only (协办).
 */
export async function findUnitQueue(
  db: Database,
  args: { scope: Scope; unitIds: readonly number[]; limit: number },
): Promise<Queue & { coOnly: number[] }> {
  const units = [...args.unitIds];
  const rows = await db
    .selectFrom("case_record as c")
    .select(["c.id", sql<boolean>`coalesce(c.lead_unit_id = any(${units}::int[]), false)`.as("lead")])
    .where("c.state", "in", UNIT_STATES)
    .where(sql<SqlBool>`(c.lead_unit_id = any(${units}::int[]) or c.co_unit_ids && ${units}::int[])`)
    .where(withinScope(sql.ref("c.region_path"), args.scope))
    .orderBy(byDeadline)
    .limit(args.limit + 1)
    .execute();
  const kept = rows.slice(0, args.limit);
  return {
    ids: kept.map((r) => r.id),
    truncated: rows.length > args.limit,
    coOnly: kept.filter((r) => !r.lead).map((r) => r.id),
  };
}

/**
 * Cases reported back (or being verified) that the caller may verify: at a level where one of the caller's
 * roles verifies, inside that role's area; not reported by the caller and not handled by one of the caller's
 * units (采办分离).
 */
export function findVerifyQueue(
  db: Database,
  args: {
    scope: Scope;
    areas: readonly { levels: readonly string[]; path: string }[];
    userId: number;
    unitIds: readonly number[];
    limit: number;
  },
): Promise<Queue> {
  const units = [...args.unitIds];
  return ids(
    db
      .selectFrom("case_record as c")
      .select("c.id")
      .where("c.state", "in", VERIFY_STATES)
      .where((eb) =>
        eb.or(
          args.areas.map((a): Expression<SqlBool> =>
            eb.and([eb("c.level", "in", [...a.levels]), withinScope(sql.ref("c.region_path"), [a.path])]),
          ),
        ),
      )
      .where(withinScope(sql.ref("c.region_path"), args.scope))
      .where(sql<SqlBool>`c.reporter_user_id is distinct from ${args.userId}`)
      .where(
        sql<SqlBool>`not coalesce(c.handled_by_unit_id = any(${units}::int[]) or c.lead_unit_id = any(${units}::int[]) or c.co_unit_ids && ${units}::int[], false)`,
      )
      .orderBy(byDeadline)
      .limit(args.limit + 1)
      .execute(),
    args.limit,
  );
}

/** Cases waiting for an office at its own level (to file, cancel or dispatch), one (level, area) per office role. */
export function findOfficeQueue(
  db: Database,
  args: { scope: Scope; offices: readonly { level: string; path: string }[]; limit: number },
): Promise<Queue> {
  return ids(
    db
      .selectFrom("case_record as c")
      .select("c.id")
      .where("c.state", "in", OFFICE_STATES)
      .where((eb) =>
        eb.or(
          args.offices.map((o): Expression<SqlBool> =>
            eb.and([eb("c.level", "=", o.level), withinScope(sql.ref("c.region_path"), [o.path])]),
          ),
        ),
      )
      .where(withinScope(sql.ref("c.region_path"), args.scope))
      .orderBy(byDeadline)
      .limit(args.limit + 1)
      .execute(),
    args.limit,
  );
}

/** The caller's own reports since `since`, newest first. */
export function findOwnReports(db: Database, args: { scope: Scope; userId: number; since: Date; limit: number }): Promise<Queue> {
  return ids(
    db
      .selectFrom("case_record as c")
      .select("c.id")
      .where("c.reporter_user_id", "=", args.userId)
      .where("c.reported_at", ">=", args.since)
      .where(withinScope(sql.ref("c.region_path"), args.scope))
      .orderBy("c.reported_at", "desc")
      .orderBy("c.id", "desc")
      .limit(args.limit + 1)
      .execute(),
    args.limit,
  );
}
