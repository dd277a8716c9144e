import { sql, type Kysely } from "kysely";
import type { DB } from "../types";
import { scopeLiteral, type Scope } from "./scope";

/** One (role, region) pair of an account as stored, with the region's place in the tree. */
export type AccountAssignmentRow = {
  role: string;
  regionId: number;
  regionCode: string;
  regionName: string;
  regionPath: string;
  regionLevel: number;
  regionKind: string;
};

export type AccountListRow = {
  id: number;
  username: string;
  displayName: string;
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: Date;
  version: number;
  lastSignInAt: Date | null;
  liveSessions: number;
  assignments: AccountAssignmentRow[];
};

function likeEscape(text: string) {
  return text.replaceAll("\\", "\\\\").replaceAll("%", "\\%").replaceAll("_", "\\_");
}

const assignmentsJson = sql<AccountAssignmentRow[]>`
  coalesce((
    select json_agg(json_build_object('role', a.role, 'regionId', r.id, 'regionCode', r.code, 'regionName', r.name,
                    'regionPath', r.path::text, 'regionLevel', r.level, 'regionKind', r.kind) order by r.path, a.role)
      from role_assignment a join region r on r.id = a.region_id
     where a.user_id = u.id), '[]')`;

/**
 * A page of accounts ordered by username (keyset: names after `after`), only accounts whose every
 * assignment lies inside `scope` (an area's administrator does not see the accounts of a wider area).
 * Fetches `limit + 1` rows so the caller knows whether another page follows.
 */
export async function findAccountsPage(
  db: Kysely<DB>,
  filter: {
    scope: Scope;
    q?: string;
    role?: string;
    status?: "active" | "disabled";
    after?: string;
    limit: number;
    idleMinutes: number;
  },
): Promise<AccountListRow[]> {
  const scope = scopeLiteral(filter.scope);
  const contains = filter.q ? `%${likeEscape(filter.q)}%` : null;
  const { rows } = await sql<AccountListRow>`
    select u.id, u.username, u.display_name as "displayName", u.disabled_at is not null as disabled,
           u.must_change_password as "mustChangePassword", u.created_at as "createdAt", u.version,
           (select max(s.at) from sign_in_attempt s where s.username = u.username and s.succeeded) as "lastSignInAt",
           (select count(*)::int from user_session s
             where s.user_id = u.id and s.revoked_at is null and s.expires_at > now()
               and s.last_seen_at > now() - make_interval(mins => ${filter.idleMinutes})) as "liveSessions",
           ${assignmentsJson} as assignments
      from app_user u
     where not exists (select 1 from role_assignment a join region r on r.id = a.region_id
                        where a.user_id = u.id and not (r.path <@ ${scope}::ltree[]))
       and (${filter.after ?? null}::text is null or u.username > ${filter.after ?? null}::text)
       and (${contains}::text is null or u.username ilike ${contains}::text or u.display_name ilike ${contains}::text)
       and (${filter.role ?? null}::text is null or exists (select 1 from role_assignment a where a.user_id = u.id and a.role = ${filter.role ?? null}::text))
       and (${filter.status ?? null}::text is null
            or (${filter.status ?? null}::text = 'disabled') = (u.disabled_at is not null))
     order by u.username
     limit ${filter.limit + 1}`.execute(db);
  return rows;
}

export type AccountRow = {
  id: number;
  username: string;
  displayName: string;
  disabled: boolean;
  mustChangePassword: boolean;
  version: number;
  assignments: AccountAssignmentRow[];
};

/**
 * One account with its assignments, row-locked until the end of the transaction (`trx`), so a
 * version check and the update that follows cannot interleave with another writer.
 */
export async function findAccountForUpdate(trx: Kysely<DB>, userId: number): Promise<AccountRow | undefined> {
  const { rows } = await sql<AccountRow>`
    select u.id, u.username, u.display_name as "displayName", u.disabled_at is not null as disabled,
           u.must_change_password as "mustChangePassword", u.version, ${assignmentsJson} as assignments
      from app_user u
     where u.id = ${userId}
       for update of u`.execute(trx);
  return rows[0];
}

export type RegionForAssignmentRow = { id: number; code: string; name: string; path: string; level: number; kind: string };

export async function findRegionsForAssignment(db: Kysely<DB>, ids: readonly number[]): Promise<RegionForAssignmentRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom("region")
    .select(["id", "code", "name", sql<string>`path::text`.as("path"), "level", "kind"])
    .where("id", "in", [...ids])
    .execute();
}

export async function insertAccount(
  trx: Kysely<DB>,
  row: { username: string; displayName: string; passwordHash: string; mustChangePassword: boolean },
): Promise<{ id: number; version: number }> {
  return trx
    .insertInto("app_user")
    .values({
      username: row.username,
      display_name: row.displayName,
      password_hash: row.passwordHash,
      must_change_password: row.mustChangePassword,
    })
    .returning(["id", "version"])
    .executeTakeFirstOrThrow();
}

/** Replaces every assignment of the account with `assignments`. */
export async function replaceAssignments(
  trx: Kysely<DB>,
  userId: number,
  assignments: readonly { role: string; regionId: number }[],
): Promise<void> {
  await trx.deleteFrom("role_assignment").where("user_id", "=", userId).execute();
  if (assignments.length === 0) return;
  await trx
    .insertInto("role_assignment")
    .values(assignments.map((a) => ({ user_id: userId, role: a.role, region_id: a.regionId })))
    .execute();
}

/** Changes the account row and bumps its version (optimistic concurrency); returns the new version. */
export async function updateAccount(
  trx: Kysely<DB>,
  userId: number,
  set: { disabled?: boolean; passwordHash?: string; mustChangePassword?: boolean },
): Promise<number> {
  const row = await trx
    .updateTable("app_user")
    .set({
      ...(set.disabled === undefined ? {} : { disabled_at: set.disabled ? sql<Date>`now()` : null }),
      ...(set.passwordHash === undefined ? {} : { password_hash: set.passwordHash }),
      ...(set.mustChangePassword === undefined ? {} : { must_change_password: set.mustChangePassword }),
      updated_at: sql<Date>`now()`,
      version: sql<number>`version + 1`,
    })
    .where("id", "=", userId)
    .returning("version")
    .executeTakeFirstOrThrow();
  return row.version;
}

/** Sessions of the account that would still let it in (not revoked, not expired, not idle too long). */
export async function countLiveSessions(db: Kysely<DB>, userId: number, idleMinutes: number): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from user_session
     where user_id = ${userId} and revoked_at is null and expires_at > now()
       and last_seen_at > now() - make_interval(mins => ${idleMinutes})`.execute(db);
  return rows[0]?.n ?? 0;
}

export async function findPasswordHash(
  trx: Kysely<DB>,
  userId: number,
): Promise<{ passwordHash: string; mustChangePassword: boolean; version: number } | undefined> {
  return trx
    .selectFrom("app_user")
    .select(["password_hash as passwordHash", "must_change_password as mustChangePassword", "version"])
    .where("id", "=", userId)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
}

/** Replaces the password only if it is still the one that was checked (a concurrent change wins). */
export async function replacePassword(
  trx: Kysely<DB>,
  userId: number,
  oldHash: string,
  newHash: string,
): Promise<number | undefined> {
  const row = await trx
    .updateTable("app_user")
    .set({ password_hash: newHash, must_change_password: false, updated_at: sql<Date>`now()`, version: sql<number>`version + 1` })
    .where("id", "=", userId)
    .where("password_hash", "=", oldHash)
    .returning("version")
    .executeTakeFirst();
  return row?.version;
}

export type RegionOptionRow = { id: number; code: string; name: string; level: number; kind: string; parentName: string | null };

/**
 * Regions inside the scope whose name contains `q` or whose code starts with it (all when `q` is
 * empty), optionally at one level; exact matches first, then higher levels, then by code.
 */
export async function findRegionOptions(
  db: Kysely<DB>,
  filter: { scope: Scope; q: string; level: number | null; limit: number },
): Promise<RegionOptionRow[]> {
  const q = filter.q.trim();
  const contains = `%${likeEscape(q)}%`;
  const prefix = `${likeEscape(q)}%`;
  const { rows } = await sql<RegionOptionRow>`
    select r.id, r.code, r.name, r.level::int as level, r.kind, p.name as "parentName"
      from region r left join region p on p.id = r.parent_id
     where r.path <@ ${scopeLiteral(filter.scope)}::ltree[]
       and (${q} = '' or r.name like ${contains} or r.code like ${prefix})
       and (${filter.level}::int is null or r.level = ${filter.level}::int)
     order by (r.name = ${q} or r.code = ${q}) desc, r.level, r.code
     limit ${filter.limit}`.execute(db);
  return rows;
}
