import type { Database } from "../../db/client";
import type { Role } from "../auth/roles";
import { hashSessionToken, newSessionToken, SESSION_COOKIE } from "../auth/session-token";

export type TestAccount = { userId: number; username: string; token: string; cookie: string };

/**
 * An account with the given (role, region) assignments and a live session, written straight into the
 * test database with the owner's connection (sign-in itself has its own tests). The password hash is a
 * placeholder: nobody signs in with it. Re-running with the same username reuses the account.
 */
export async function createSignedInAccount(
  owner: Database,
  username: string,
  assignments: readonly { role: Role; regionId: number }[],
  options: { expiresInMs?: number } = {},
): Promise<TestAccount> {
  const user = await owner
    .insertInto("app_user")
    .values({ username, display_name: `测试${username}`, password_hash: "$argon2id$placeholder" })
    .onConflict((oc) => oc.column("username").doUpdateSet({ disabled_at: null }))
    .returning("id")
    .executeTakeFirstOrThrow();
  await owner.deleteFrom("role_assignment").where("user_id", "=", user.id).execute();
  if (assignments.length) {
    await owner
      .insertInto("role_assignment")
      .values(assignments.map((a) => ({ user_id: user.id, role: a.role, region_id: a.regionId })))
      .execute();
  }
  const token = newSessionToken();
  await owner
    .insertInto("user_session")
    .values({
      token_hash: hashSessionToken(token),
      user_id: user.id,
      expires_at: new Date(Date.now() + (options.expiresInMs ?? 3_600_000)),
    })
    .execute();
  return { userId: user.id, username, token, cookie: `${SESSION_COOKIE}=${token}` };
}
