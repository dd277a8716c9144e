import { sql, type Insertable, type Kysely } from "kysely";
import type { DB, PiiAccessLog } from "../types";

/*
 * Reading the two append-only logs for the auditor page. Both are district-wide (no area scope):
 * only roles with "audit.read" get here. Newest first, keyset-paginated on the identity column
 * (`before` = the last id of the previous page), which follows insertion order.
 * Dates are calendar days in China Standard Time: `from` is inclusive, `to` includes the whole day.
 */

const TIME_ZONE = "Asia/Shanghai";

export type LogPage = { before?: number; limit: number; from?: string; to?: string };

export type PiiAccessFilter = LogPage & { username?: string; kind?: string; field?: string; residentId?: number };

export type PiiAccessRow = {
  id: number;
  at: Date;
  userId: number | null;
  username: string;
  displayName: string | null;
  kind: string;
  field: string;
  residentId: number | null;
  caseId: number | null;
  regionId: number | null;
  regionName: string | null;
  reason: string | null;
  rowCount: number | null;
  unmasked: boolean;
  address: string | null;
};

/** One page of the personal-data access log (limit + 1 rows are read to know whether more follow). */
export async function findPiiAccessLog(db: Kysely<DB>, filter: PiiAccessFilter): Promise<PiiAccessRow[]> {
  let q = db
    .selectFrom("pii_access_log as l")
    .leftJoin("app_user as u", "u.id", "l.user_id")
    .leftJoin("region as g", "g.id", "l.region_id")
    .select([
      "l.id",
      "l.at",
      "l.user_id as userId",
      "l.username",
      "u.display_name as displayName",
      "l.kind",
      "l.field",
      "l.resident_id as residentId",
      "l.case_id as caseId",
      "l.region_id as regionId",
      "g.name as regionName",
      "l.reason",
      "l.row_count as rowCount",
      "l.unmasked",
      "l.address",
    ]);
  if (filter.username) q = q.where("l.username", "=", filter.username);
  if (filter.kind) q = q.where("l.kind", "=", filter.kind);
  if (filter.field) q = q.where("l.field", "=", filter.field);
  if (filter.residentId !== undefined) q = q.where("l.resident_id", "=", filter.residentId);
  if (filter.from) q = q.where(sql<boolean>`l.at >= (${filter.from}::date)::timestamp at time zone ${TIME_ZONE}`);
  if (filter.to) q = q.where(sql<boolean>`l.at < (${filter.to}::date + 1)::timestamp at time zone ${TIME_ZONE}`);
  if (filter.before !== undefined) q = q.where("l.id", "<", filter.before);
  return q
    .orderBy("l.id", "desc")
    .limit(filter.limit + 1)
    .execute();
}

export type AuditFilter = LogPage & { actor?: string; action?: string };

export type AuditRow = {
  id: number;
  at: Date;
  actorUserId: number | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  address: string | null;
};

function likePrefix(text: string) {
  return `${text.replaceAll("\\", "\\\\").replaceAll("%", "\\%").replaceAll("_", "\\_")}%`;
}

/**
 * One page of the change audit. `actor` is a login name (the account's current username);
 * `action` matches a whole action ("account.create") or its area prefix ("account").
 */
export async function findAuditLog(db: Kysely<DB>, filter: AuditFilter): Promise<AuditRow[]> {
  let q = db
    .selectFrom("audit_log as a")
    .select([
      "a.id",
      "a.at",
      "a.actor_user_id as actorUserId",
      "a.actor_name as actorName",
      "a.action",
      "a.entity",
      "a.entity_id as entityId",
      "a.before",
      "a.after",
      "a.address",
    ]);
  if (filter.actor) {
    const actor = filter.actor;
    q = q.where((eb) => eb("a.actor_user_id", "in", eb.selectFrom("app_user").select("id").where("username", "=", actor)));
  }
  if (filter.action) {
    const action = filter.action;
    q = q.where((eb) => eb.or([eb("a.action", "=", action), eb("a.action", "like", likePrefix(`${action}.`))]));
  }
  if (filter.from) q = q.where(sql<boolean>`a.at >= (${filter.from}::date)::timestamp at time zone ${TIME_ZONE}`);
  if (filter.to) q = q.where(sql<boolean>`a.at < (${filter.to}::date + 1)::timestamp at time zone ${TIME_ZONE}`);
  if (filter.before !== undefined) q = q.where("a.id", "<", filter.before);
  return q
    .orderBy("a.id", "desc")
    .limit(filter.limit + 1)
    .execute();
}

export type NewAuditRow = {
  actorUserId: number | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | null;
  /** Any JSON-serialisable value; undefined is stored as null. */
  before?: unknown;
  after?: unknown;
  address: string | null;
};

/** Appends one row to audit_log. Run it with the transaction that makes the change it records. */
export async function insertAuditRow(db: Kysely<DB>, row: NewAuditRow): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      actor_user_id: row.actorUserId,
      actor_name: row.actorName,
      action: row.action,
      entity: row.entity,
      entity_id: row.entityId,
      // Sent as text and cast once: a JS string bound to jsonb directly would be stored as a JSON string.
      before: row.before === undefined ? null : sql<string>`${JSON.stringify(row.before)}::text::jsonb`,
      after: row.after === undefined ? null : sql<string>`${JSON.stringify(row.after)}::text::jsonb`,
      address: row.address,
    })
    .execute();
}

/** Appends one row to pii_access_log. Run it with the transaction of the read it records. */
export async function insertPiiAccessRow(db: Kysely<DB>, row: Insertable<PiiAccessLog>): Promise<void> {
  await db.insertInto("pii_access_log").values(row).execute();
}
