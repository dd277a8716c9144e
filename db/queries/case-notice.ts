import { sql } from "kysely";
import type { Database } from "../client";

/** Where a caller's notices come from: (level, area) pairs of their offices, and the units they act for. */
export type NoticeAudience = { offices: readonly { level: string; path: string }[]; unitIds: readonly number[] };

function audienceFilter(audience: NoticeAudience) {
  const offices = audience.offices.map(
    (o) => sql`(n.level = ${o.level} and n.region_path <@ ${o.path}::ltree and n.unit_id is null)`,
  );
  const units = audience.unitIds.length ? [sql`n.unit_id = any(${[...audience.unitIds]}::int[])`] : [];
  const parts = [...offices, ...units];
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

/** Unread notices for the audience, newest first, with the case's number and light. */
export async function findUnreadNotices(db: Database, audience: NoticeAudience, limit: number) {
  const { rows } = await sql<{
    id: number;
    case_id: number;
    kind: string;
    level: string;
    message: string;
    created_at: Date;
    number: string;
    light: string | null;
  }>`
    select n.id, n.case_id, n.kind, n.level, n.message, n.created_at, c.number, c.light
      from case_notice n join case_record c on c.id = n.case_id
     where n.read_at is null and ${audienceFilter(audience)}
     order by n.created_at desc, n.id desc
     limit ${limit}`.execute(db);
  return rows;
}

export async function countUnreadNotices(db: Database, audience: NoticeAudience): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`select count(*)::int as n from case_notice n where n.read_at is null and ${audienceFilter(audience)}`.execute(db);
  return rows[0].n;
}

/** Marks one notice read if it belongs to the audience; returns whether it did. */
export async function markNoticeRead(
  db: Database,
  audience: NoticeAudience,
  id: number,
  userId: number | null,
): Promise<boolean> {
  const result =
    await sql`update case_notice n set read_at = now(), read_by = ${userId} where n.id = ${id} and n.read_at is null and ${audienceFilter(audience)}`.execute(
      db,
    );
  return Number(result.numAffectedRows ?? 0) > 0;
}

/**
 * Marks every unread notice of one case that is addressed to the audience read (the caller acted on the
 * case, so its dispatch, reminder or warning has been dealt with); returns how many.
 */
export async function markCaseNoticesRead(
  db: Database,
  audience: NoticeAudience,
  caseId: number,
  userId: number | null,
): Promise<number> {
  const result =
    await sql`update case_notice n set read_at = now(), read_by = ${userId} where n.case_id = ${caseId} and n.read_at is null and ${audienceFilter(audience)}`.execute(
      db,
    );
  return Number(result.numAffectedRows ?? 0);
}
