import "server-only";
import { countLiveSessions } from "../../db/queries/account";
import { revokeUserSessions } from "../../db/queries/session";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { env } from "../env";
import { wrapDatabaseError } from "../errors";
import { loadManageableAccount, parseAccountInput } from "./rules";
import { AccountIdInput } from "./schemas";

/**
 * Signs an account out everywhere (a lost phone, a shared computer). An administrator revoking their
 * own sessions keeps the one they are using.
 */
export async function revokeSessions({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: AccountIdInput;
}): Promise<{ revokedSessions: number }> {
  const scope = authorize(ctx, "account.manage");
  const { userId } = parseAccountInput(AccountIdInput, input);
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      const account = await loadManageableAccount(trx, scope, userId);
      const liveSessions = await countLiveSessions(trx, userId, env().SESSION_IDLE_MINUTES);
      const keep = userId === ctx.actor.userId ? ctx.actor.sessionId : null;
      const revokedSessions = await revokeUserSessions(trx, userId, keep);
      await recordAudit(trx, ctx, {
        action: "account.revoke_sessions",
        entity: "app_user",
        entityId: userId,
        before: { username: account.username, liveSessions },
        after: { username: account.username, revokedSessions, keptCurrentSession: keep !== null },
      });
      return { revokedSessions };
    })
    .catch((e) => {
      throw wrapDatabaseError(e);
    });
}
