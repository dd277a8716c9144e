import "server-only";
import type { RequestContext } from "../context";
import { decideTransfer, type DecideResult } from "./decide-transfer";
import type { DecideTransferInput } from "./schemas";

/** An approver of one side says yes (同意); see decideTransfer for the locking and what follows. */
export function approveTransfer({
  ctx,
  input,
  today,
}: {
  ctx: RequestContext;
  input: DecideTransferInput;
  today?: string;
}): Promise<DecideResult> {
  return decideTransfer({ ctx, input, decision: "approved", today });
}
