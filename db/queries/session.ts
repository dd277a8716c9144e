import { sql } from "kysely";
import type { Database } from "../client";

export type SessionActorRow = {
  sessionId: number;
  lastSeenAt: Date;
  userId: number;
  username: string;
  displayName: string;
  mustChangePassword: boolean;
  assignments: { role: string; regionId: number; regionPath: string; regionName: string; regionLevel: number }[];
};

/**
 * The live session with this token hash and its account's assignments, in one round trip: not
 * revoked, not past its absolute expiry, not idle longer than `idleMinutes`, account not disabled.
 */
export async function findLiveSession(
  db: Database,
  tokenHash: Buffer,
  idleMinutes: number,
): Promise<SessionActorRow | undefined> {
  const { rows } = await sql<SessionActorRow>`
    select s.id as "sessionId", s.last_seen_at as "lastSeenAt", u.id as "userId", u.username,
           u.display_name as "displayName", u.must_change_password as "mustChangePassword",
           coalesce(json_agg(json_build_object('role', a.role, 'regionId', r.id, 'regionPath', r.path::text,
                    'regionName', r.name, 'regionLevel', r.level) order by r.path, a.role)
                    filter (where a.id is not null), '[]') as assignments
      from user_session s
      join app_user u on u.id = s.user_id
      left join role_assignment a on a.user_id = u.id
      left join region r on r.id = a.region_id
     where s.token_hash = ${tokenHash}
       and s.revoked_at is null
       and s.expires_at > now()
       and s.last_seen_at > now() - make_interval(mins => ${idleMinutes})
       and u.disabled_at is null
     group by s.id, u.id`.execute(db);
  return rows[0];
}

/** Marks the session as used now (sliding idle timeout). */
export async function touchSession(db: Database, sessionId: number): Promise<void> {
  await db
    .updateTable("user_session")
    .set({ last_seen_at: sql`now()` })
    .where("id", "=", sessionId)
    .execute();
}

export async function insertSession(
  db: Database,
  row: { tokenHash: Buffer; userId: number; expiresAt: Date; address: string | null; userAgent: string | null },
): Promise<number> {
  const inserted = await db
    .insertInto("user_session")
    .values({
      token_hash: row.tokenHash,
      user_id: row.userId,
      expires_at: row.expiresAt,
      address: row.address,
      user_agent: row.userAgent,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Revokes one session by its token hash (sign-out, rotation at sign-in). */
export async function revokeSessionByTokenHash(db: Database, tokenHash: Buffer): Promise<void> {
  await db
    .updateTable("user_session")
    .set({ revoked_at: sql`now()` })
    .where("token_hash", "=", tokenHash)
    .where("revoked_at", "is", null)
    .execute();
}

/** Revokes every live session of an account, except `keepSessionId` (password change keeps the current one). */
export async function revokeUserSessions(db: Database, userId: number, keepSessionId: number | null = null): Promise<number> {
  let q = db
    .updateTable("user_session")
    .set({ revoked_at: sql`now()` })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null);
  if (keepSessionId !== null) q = q.where("id", "<>", keepSessionId);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
