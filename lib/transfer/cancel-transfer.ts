import "server-only";
import { markTransferCancelled } from "../../db/queries/transfer";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import { scopeContains } from "../auth/scope";
import type { RequestContext } from "../context";
import { DomainError, parseInput, wrapDatabaseError } from "../errors";
import { t } from "../i18n";
import { CancelTransferInput } from "./schemas";
import { loadVisibleTransfer } from "./transfer-access";

const text = t.transfer.errors;

/**
 * HR withdraws a transfer that has not taken effect (pending or approved): whoever may request transfers where
 * the person is leaving from or going to. It stays in the history as 已撤销.
 */
export async function cancelTransfer({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: CancelTransferInput;
}): Promise<{ transferId: number; state: "cancelled"; version: number }> {
  const scope = authorize(ctx, "transfer.request");
  const i = parseInput(CancelTransferInput, input);
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      const row = await loadVisibleTransfer(trx, ctx, i.transferId, { forUpdate: true });
      if (!row.paths.some((p) => scopeContains(scope, p))) throw new DomainError("NOT_FOUND", text.transferNotFound);
      if (row.state !== "pending" && row.state !== "approved")
        throw new DomainError("CONFLICT", text.notCancellable(t.transfer.states[row.state]));
      if (row.version !== i.expectedVersion) throw new DomainError("CONFLICT", text.staleTransfer);
      await markTransferCancelled(trx, row.id, { userId: ctx.actor.userId, name: ctx.actor.displayName, note: i.note ?? null });
      await recordAudit(trx, ctx, {
        action: "transfer.cancel",
        entity: "transfer",
        entityId: row.id,
        before: { state: row.state, version: row.version },
        after: { state: "cancelled", note: i.note ?? null },
      });
      return { transferId: row.id, state: "cancelled" as const, version: row.version + 1 };
    })
    .catch((e) => {
      throw wrapDatabaseError(e);
    });
}
