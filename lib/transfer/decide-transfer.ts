import "server-only";
import { recordTransferDecision, type TransferSide } from "../../db/queries/transfer";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { DomainError, parseInput, wrapDatabaseError } from "../errors";
import { beijingDay } from "../format/time";
import { t } from "../i18n";
import { applyTransfer, type ApplyOutcome } from "./apply-transfer";
import { isDue, stateAfterDecision } from "./rules";
import { DecideTransferInput } from "./schemas";
import { isTransferApprover, loadVisibleTransfer } from "./transfer-access";

const text = t.transfer.errors;

export type DecideResult = { transferId: number; state: string; version: number; applied: ApplyOutcome | null };

/**
 * One side (调出方 or 调入方) decides a pending transfer, as one of that side's approvers (approver-rule.ts).
 * The row is locked first: when two approvers of the same side decide at once, the second waits, then finds
 * the side decided and gets a 409 naming who decided. Both sides approving make it `approved`; a no from
 * either side `rejected`. Approved with its effective day already come, it is applied at once (in its own
 * transaction after this one commits, so a refusal there leaves the approval standing with the reason).
 */
export async function decideTransfer({
  ctx,
  input,
  decision,
  today = beijingDay(),
}: {
  ctx: RequestContext;
  input: DecideTransferInput;
  decision: "approved" | "rejected";
  today?: string;
}): Promise<DecideResult> {
  authorize(ctx, "transfer.approve");
  const i = parseInput(DecideTransferInput, input);
  const side: TransferSide = i.side;
  const sideName = t.transfer.sides[side];
  const decided = await ctx.db
    .transaction()
    .execute(async (trx) => {
      const row = await loadVisibleTransfer(trx, ctx, i.transferId, { forUpdate: true });
      if (!(await isTransferApprover(trx, ctx, row, side))) throw new DomainError("FORBIDDEN", text.notApprover(sideName));
      const mine = side === "release" ? row.releaseDecision : row.receiveDecision;
      if (mine !== null) {
        const who = (side === "release" ? row.releaseByName : row.receiveByName) ?? "";
        throw new DomainError("CONFLICT", text.alreadyDecided(sideName, who, t.transfer.decisions[mine]));
      }
      if (row.state !== "pending") throw new DomainError("CONFLICT", text.notPending(t.transfer.states[row.state]));
      if (row.version !== i.expectedVersion) throw new DomainError("CONFLICT", text.staleTransfer);
      const other = side === "release" ? row.receiveDecision : row.releaseDecision;
      const state = stateAfterDecision(decision, other);
      await recordTransferDecision(
        trx,
        row.id,
        side,
        { decision, byUserId: ctx.actor.userId, byName: ctx.actor.displayName, note: i.note ?? null },
        state,
      );
      await recordAudit(trx, ctx, {
        action: decision === "approved" ? "transfer.approve" : "transfer.reject",
        entity: "transfer",
        entityId: row.id,
        before: { state: row.state, version: row.version },
        after: { side, decision, state, note: i.note ?? null },
      });
      return { transferId: row.id, state, version: row.version + 1, effectiveDate: row.effectiveDate };
    })
    .catch((e) => {
      throw wrapDatabaseError(e);
    });
  const applied =
    decided.state === "approved" && isDue(decided.effectiveDate, today)
      ? await applyTransfer(ctx.db, ctx, decided.transferId, today)
      : null;
  const state = applied?.applied ? "applied" : decided.state;
  const version = applied?.applied ? decided.version + 1 : decided.version;
  return { transferId: decided.transferId, state, version, applied };
}
