import "server-only";
import { revokeUserSessions } from "../../db/queries/session";
import { updateAccount } from "../../db/queries/account";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { DomainError, wrapDatabaseError } from "../errors";
import { t } from "../i18n";
import { accountSnapshot } from "./dto";
import { assertCurrentVersion, loadManageableAccount, parseAccountInput } from "./rules";
import { SetAccountDisabledInput } from "./schemas";

/**
 * Disables or re-enables an account. Disabling ends every session at once (sign-in also refuses a
 * disabled account); administrators cannot disable themselves.
 */
export async function setAccountDisabled({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: SetAccountDisabledInput;
}): Promise<{ version: number; disabled: boolean; revokedSessions: number }> {
  const scope = authorize(ctx, "account.manage");
  const { userId, disabled, expectedVersion } = parseAccountInput(SetAccountDisabledInput, input);
  if (disabled && userId === ctx.actor.userId) throw new DomainError("VALIDATION", t.account.errors.selfDisable);
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      const before = await loadManageableAccount(trx, scope, userId);
      assertCurrentVersion(before, expectedVersion);
      // Already in the requested state: nothing changes, so nothing is audited.
      if (before.disabled === disabled) return { version: before.version, disabled, revokedSessions: 0 };
      const version = await updateAccount(trx, userId, { disabled });
      const revokedSessions = disabled ? await revokeUserSessions(trx, userId) : 0;
      await recordAudit(trx, ctx, {
        action: disabled ? "account.disable" : "account.enable",
        entity: "app_user",
        entityId: userId,
        before: accountSnapshot(before),
        after: { ...accountSnapshot({ ...before, disabled, version }), revokedSessions },
      });
      return { version, disabled, revokedSessions };
    })
    .catch((e) => {
      throw wrapDatabaseError(e);
    });
}
