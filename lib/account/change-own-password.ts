import "server-only";
import { findPasswordHash, replacePassword } from "../../db/queries/account";
import { revokeUserSessions } from "../../db/queries/session";
import { recordAudit } from "../audit/record-audit";
import { argon2idHasher, isAcceptablePassword } from "../auth/password";
import type { RequestContext } from "../context";
import { DomainError, wrapDatabaseError } from "../errors";
import { t } from "../i18n";
import { parseAccountInput } from "./rules";
import { ChangeOwnPasswordInput } from "./schemas";

/**
 * Any signed-in account changes its own password (no permission needed beyond being oneself): the
 * current password is checked, the new one must meet the policy and differ, the "must change" flag
 * clears and every OTHER session ends (the one in use stays signed in).
 */
export async function changeOwnPassword({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: ChangeOwnPasswordInput;
}): Promise<{ revokedSessions: number }> {
  const userId = ctx.actor.userId;
  if (userId === null) throw new DomainError("UNAUTHENTICATED", t.auth.noSession);
  const { currentPassword, newPassword } = parseAccountInput(ChangeOwnPasswordInput, input);
  const stored = await findPasswordHash(ctx.db, userId).catch((e) => {
    throw wrapDatabaseError(e);
  });
  if (!stored) throw new DomainError("UNAUTHENTICATED", t.auth.sessionGone);
  if (!(await argon2idHasher.verify(stored.passwordHash, currentPassword))) {
    throw new DomainError("VALIDATION", t.auth.currentPasswordWrong, {
      details: { currentPassword: t.auth.currentPasswordWrong },
    });
  }
  if (!isAcceptablePassword(newPassword))
    throw new DomainError("VALIDATION", t.auth.passwordTooWeak, { details: { newPassword: t.auth.passwordTooWeak } });
  if (newPassword === currentPassword)
    throw new DomainError("VALIDATION", t.auth.passwordSameAsOld, { details: { newPassword: t.auth.passwordSameAsOld } });
  const newHash = await argon2idHasher.hash(newPassword);
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      const version = await replacePassword(trx, userId, stored.passwordHash, newHash);
      // Someone (an administrator's reset, another tab) changed it since the check: refuse rather than overwrite.
      if (version === undefined) throw new DomainError("CONFLICT", t.account.errors.stale);
      const revokedSessions = await revokeUserSessions(trx, userId, ctx.actor.sessionId);
      await recordAudit(trx, ctx, {
        action: "password.change",
        entity: "app_user",
        entityId: userId,
        before: { username: ctx.actor.username, mustChangePassword: stored.mustChangePassword, version: stored.version },
        after: { username: ctx.actor.username, mustChangePassword: false, version, revokedSessions },
      });
      return { revokedSessions };
    })
    .catch((e) => {
      throw wrapDatabaseError(e);
    });
}
