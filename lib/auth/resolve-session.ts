import "server-only";
import type { Database } from "../../db/client";
import { findLiveSession, touchSession } from "../../db/queries/session";
import { env } from "../env";
import type { Actor, Assignment } from "./actor";
import { isRole } from "./roles";
import { hashSessionToken, isWellFormedToken } from "./session-token";

/** How often a session's last-seen time is written (the idle timeout does not need more precision). */
const TOUCH_EVERY_MS = 60_000;

/**
 * The account behind a session token, or null when the token is unknown, revoked, expired, idle too
 * long or its account disabled. Extends the idle window at most once a minute.
 */
export async function resolveSession(db: Database, token: string | null | undefined, now = new Date()): Promise<Actor | null> {
  if (!isWellFormedToken(token)) return null;
  const row = await findLiveSession(db, hashSessionToken(token), env().SESSION_IDLE_MINUTES);
  if (!row) return null;
  if (now.getTime() - new Date(row.lastSeenAt).getTime() > TOUCH_EVERY_MS) await touchSession(db, row.sessionId);
  const assignments: Assignment[] = row.assignments.flatMap((a) => (isRole(a.role) ? [{ ...a, role: a.role }] : []));
  return {
    userId: row.userId,
    username: row.username,
    displayName: row.displayName,
    sessionId: row.sessionId,
    mustChangePassword: row.mustChangePassword,
    assignments,
  };
}
