import "server-only";
import { revokeUserSessions } from "../../db/queries/session";
import { updateAccount } from "../../db/queries/account";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import { argon2idHasher, temporaryPassword } from "../auth/password";
import type { RequestContext } from "../context";
import { DomainError, wrapDatabaseError } from "../errors";
import { t } from "../i18n";
import { accountSnapshot } from "./dto";
import { loadManageableAccount, parseAccountInput } from "./rules";
import { AccountIdInput } from "./schemas";

/**
 * Gives an account a new temporary password (returned once, never stored in clear), makes it change
 * the password at next sign-in and ends all its sessions. Administrators change their own password
 * on the password page instead.
 */
export async function resetPassword({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: AccountIdInput;
}): Promise<{ temporaryPassword: string; version: number; revokedSessions: number }> {
  const scope = authorize(ctx, "account.manage");
  const { userId } = parseAccountInput(AccountIdInput, input);
  if (userId === ctx.actor.userId) throw new DomainError("VALIDATION", t.account.errors.selfReset);
  const password = temporaryPassword();
  const passwordHash = await argon2idHasher.hash(password);
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      const before = await loadManageableAccount(trx, scope, userId);
      const version = await updateAccount(trx, userId, { passwordHash, mustChangePassword: true });
      const revokedSessions = await revokeUserSessions(trx, userId);
      await recordAudit(trx, ctx, {
        action: "account.reset_password",
        entity: "app_user",
        entityId: userId,
        before: accountSnapshot(before),
        after: { ...accountSnapshot({ ...before, mustChangePassword: true, version }), revokedSessions },
      });
      return { temporaryPassword: password, version, revokedSessions };
    })
    .catch((e) => {
      throw wrapDatabaseError(e);
    });
}
