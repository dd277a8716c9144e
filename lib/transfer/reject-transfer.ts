import "server-only";
import type { RequestContext } from "../context";
import { decideTransfer, type DecideResult } from "./decide-transfer";
import type { DecideTransferInput } from "./schemas";

/** An approver of one side says no (不同意): the transfer is rejected and stays in the history. */
export function rejectTransfer({
  ctx,
  input,
  today,
}: {
  ctx: RequestContext;
  input: DecideTransferInput;
  today?: string;
}): Promise<DecideResult> {
  return decideTransfer({ ctx, input, decision: "rejected", today });
}
