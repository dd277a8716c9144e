import "server-only";
import { z } from "zod";
import type { Database } from "../../db/client";
import { countRecentFailures, findUserForSignIn, recordSignInAttempt } from "../../db/queries/sign-in";
import { insertSession, revokeSessionByTokenHash } from "../../db/queries/session";
import { env } from "../env";
import { DomainError, parseInput } from "../errors";
import { t } from "../i18n";
import { argon2idHasher, dummyPasswordHash, type PasswordHasher } from "./password";
import { hashSessionToken, isWellFormedToken, newSessionToken } from "./session-token";
import { signInWait, THROTTLE } from "./throttle";

export const SignInInput = z.object({
  username: z.string().trim().toLowerCase().min(1, t.auth.signIn.missing).max(64),
  password: z.string().min(1, t.auth.signIn.missing).max(256),
});
export type SignInInput = z.input<typeof SignInInput>;

export type SignInRequest = {
  /** The caller's network address (throttling), the browser's user agent (the session list). */
  address: string;
  userAgent: string | null;
  /** The session token the browser already had, if any: revoked so a fixated token never signs in. */
  previousToken?: string | null;
};

export type SignedIn = { token: string; expiresAt: Date; userId: number; mustChangePassword: boolean };

/**
 * Signs in with username and password and opens a new database session (a fresh random token every
 * time: session rotation). Unknown users and wrong passwords get the same answer after the same work
 * (an argon2id check against a dummy hash); repeated failures per address are throttled, and per name
 * for the addresses that failed on it (lib/auth/throttle.ts: strangers cannot lock the owner out).
 */
export async function signIn({
  db,
  input,
  request,
  hasher = argon2idHasher,
  now = new Date(),
}: {
  db: Database;
  input: SignInInput;
  request: SignInRequest;
  hasher?: PasswordHasher;
  now?: Date;
}): Promise<SignedIn> {
  const { username, password } = parseInput(SignInInput, input);
  const failures = await countRecentFailures(db, username, request.address, THROTTLE.windowMinutes);
  const wait = signInWait(failures, now);
  if (wait > 0)
    throw new DomainError("THROTTLED", t.auth.signIn.throttled(wait), { details: { retryAfterSeconds: String(wait) } });

  const user = await findUserForSignIn(db, username);
  const passwordMatches = await hasher.verify(user?.passwordHash ?? (await dummyPasswordHash(hasher)), password);
  if (!user || !passwordMatches) {
    await recordSignInAttempt(db, { username, address: request.address, succeeded: false });
    throw new DomainError("UNAUTHENTICATED", t.auth.signIn.failed);
  }
  if (user.disabled) {
    await recordSignInAttempt(db, { username, address: request.address, succeeded: false });
    throw new DomainError("FORBIDDEN", t.auth.signIn.disabled);
  }

  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + env().SESSION_TTL_HOURS * 3_600_000);
  await db.transaction().execute(async (trx) => {
    if (isWellFormedToken(request.previousToken)) await revokeSessionByTokenHash(trx, hashSessionToken(request.previousToken));
    await insertSession(trx, {
      tokenHash: hashSessionToken(token),
      userId: user.id,
      expiresAt,
      address: request.address,
      userAgent: request.userAgent?.slice(0, 300) ?? null,
    });
    await recordSignInAttempt(trx, { username, address: request.address, succeeded: true });
  });
  return { token, expiresAt, userId: user.id, mustChangePassword: user.mustChangePassword };
}

/** Ends the session behind this token (sign-out); unknown tokens are ignored. */
export async function signOut({ db, token }: { db: Database; token: string | null }): Promise<void> {
  if (isWellFormedToken(token)) await revokeSessionByTokenHash(db, hashSessionToken(token));
}
