import "server-only";
import { findAccountForUpdate, replaceAssignments, updateAccount } from "../../db/queries/account";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { wrapDatabaseError } from "../errors";
import { accountSnapshot, toAssignmentView, type AccountAssignmentView } from "./dto";
import {
  assertCurrentVersion,
  assertKeepsAccountManagement,
  loadManageableAccount,
  parseAccountInput,
  resolveAssignments,
} from "./rules";
import { SetAccountAssignmentsInput } from "./schemas";

/**
 * Replaces an account's (role, region) assignments, if the administrator's copy is current
 * (expectedVersion). Live sessions pick the new roles up at their next request.
 */
export async function setAccountAssignments({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: SetAccountAssignmentsInput;
}): Promise<{ version: number; assignments: AccountAssignmentView[] }> {
  const scope = authorize(ctx, "account.manage");
  const { userId, assignments, expectedVersion } = parseAccountInput(SetAccountAssignmentsInput, input);
  if (userId === ctx.actor.userId) assertKeepsAccountManagement(assignments);
  const resolved = await resolveAssignments(ctx.db, scope, assignments);
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      const before = await loadManageableAccount(trx, scope, userId);
      assertCurrentVersion(before, expectedVersion);
      await replaceAssignments(trx, userId, resolved);
      await updateAccount(trx, userId, {});
      const after = (await findAccountForUpdate(trx, userId))!;
      await recordAudit(trx, ctx, {
        action: "account.assignments",
        entity: "app_user",
        entityId: userId,
        before: accountSnapshot(before),
        after: accountSnapshot(after),
      });
      return { version: after.version, assignments: after.assignments.map(toAssignmentView) };
    })
    .catch((e) => {
      throw wrapDatabaseError(e);
    });
}
