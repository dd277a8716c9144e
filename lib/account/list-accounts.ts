import "server-only";
import { findAccountsPage } from "../../db/queries/account";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { env } from "../env";
import { wrapDatabaseError } from "../errors";
import { toAccountListItem, type AccountPage } from "./dto";
import { parseAccountInput } from "./rules";
import { ListAccountsInput } from "./schemas";

/**
 * The accounts an administrator manages (every assignment inside their scope), a page at a time by
 * username, with their roles, last sign-in and live sessions; filters by name, role and status.
 */
export async function listAccounts({ ctx, input }: { ctx: RequestContext; input: ListAccountsInput }): Promise<AccountPage> {
  const scope = authorize(ctx, "account.manage");
  const filter = parseAccountInput(ListAccountsInput, input);
  const rows = await findAccountsPage(ctx.db, { ...filter, scope, idleMinutes: env().SESSION_IDLE_MINUTES }).catch((e) => {
    throw wrapDatabaseError(e);
  });
  const page = rows.slice(0, filter.limit);
  return {
    accounts: page.map(toAccountListItem),
    nextCursor: rows.length > filter.limit ? (page.at(-1)?.username ?? null) : null,
  };
}
