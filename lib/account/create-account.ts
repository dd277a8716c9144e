import "server-only";
import { findAccountForUpdate, insertAccount, replaceAssignments } from "../../db/queries/account";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import { argon2idHasher, isAcceptablePassword, temporaryPassword } from "../auth/password";
import type { RequestContext } from "../context";
import { DomainError, wrapDatabaseError } from "../errors";
import { t } from "../i18n";
import { accountSnapshot, toAssignmentView, type CreatedAccount } from "./dto";
import { isUniqueViolation, parseAccountInput, resolveAssignments } from "./rules";
import { CreateAccountInput } from "./schemas";

/**
 * Creates an account with its (role, region) assignments inside the administrator's area. The holder
 * must change the password at first sign-in, whether the administrator chose it or it was generated.
 */
export async function createAccount({ ctx, input }: { ctx: RequestContext; input: CreateAccountInput }): Promise<CreatedAccount> {
  const scope = authorize(ctx, "account.manage");
  const { username, displayName, assignments, password } = parseAccountInput(CreateAccountInput, input);
  if (password !== undefined && !isAcceptablePassword(password)) {
    throw new DomainError("VALIDATION", t.auth.passwordTooWeak, { details: { password: t.auth.passwordTooWeak } });
  }
  const resolved = await resolveAssignments(ctx.db, scope, assignments);
  const generated = password === undefined ? temporaryPassword() : null;
  // Hashing is slow on purpose: done before the transaction so no row lock waits on it.
  const passwordHash = await argon2idHasher.hash(password ?? generated!);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const { id } = await insertAccount(trx, { username, displayName, passwordHash, mustChangePassword: true });
      await replaceAssignments(trx, id, resolved);
      const created = await findAccountForUpdate(trx, id);
      if (!created) throw new Error(`account ${id} vanished inside its own transaction`);
      await recordAudit(trx, ctx, {
        action: "account.create",
        entity: "app_user",
        entityId: id,
        before: null,
        after: { ...accountSnapshot(created), passwordSet: generated === null ? "administrator" : "temporary" },
      });
      return {
        id,
        username,
        displayName,
        version: created.version,
        assignments: created.assignments.map(toAssignmentView),
        temporaryPassword: generated,
      };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DomainError("CONFLICT", t.account.errors.usernameTaken(username), {
        cause: error,
        details: { username: "taken" },
      });
    throw wrapDatabaseError(error);
  }
}
