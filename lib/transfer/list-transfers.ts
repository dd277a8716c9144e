import "server-only";
import { countTransferTabs, listTransfers as findTransfers } from "../../db/queries/transfer";
import { authorize, scopeOf } from "../auth/authorize";
import { normalizeScope } from "../auth/scope";
import type { RequestContext } from "../context";
import { parseInput } from "../errors";
import { toTransferListItem, type TransferListItemDto } from "./dto";
import { ListTransfersInput } from "./schemas";

const PAGE = 50;

export type TransferListDto = {
  tab: "mine" | "outgoing" | "incoming" | "done";
  q: string | null;
  items: TransferListItemDto[];
  /** The keyset cursor of the next page (the last id shown), or null at the end. */
  nextBefore: number | null;
  counts: Record<"mine" | "outgoing" | "incoming", number>;
};

/**
 * The transfers both sides see (/transfers): 待我审批 (pending, where the caller approves an undecided side),
 * 调出 and 调入 (open transfers leaving or joining the caller's area), 已完成 (applied, rejected or cancelled,
 * touching the area). The area is where the caller requests or approves transfers. Newest first, keyset pages.
 */
export async function listTransfers({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: ListTransfersInput;
}): Promise<TransferListDto> {
  const approveScope = scopeOf(ctx, "transfer.approve");
  const scope = normalizeScope([...scopeOf(ctx, "transfer.request"), ...approveScope]);
  if (scope.length === 0) authorize(ctx, "transfer.approve");
  const i = parseInput(ListTransfersInput, input);
  const filter = { scope, approveScope, userId: ctx.actor.userId };
  const [rows, counts] = await Promise.all([
    findTransfers(ctx.db, { ...filter, tab: i.tab, q: i.q, beforeId: i.before, limit: PAGE + 1 }),
    countTransferTabs(ctx.db, filter),
  ]);
  const page = rows.slice(0, PAGE);
  return {
    tab: i.tab,
    q: i.q ?? null,
    items: page.map(toTransferListItem),
    nextBefore: rows.length > PAGE ? page[page.length - 1].id : null,
    counts,
  };
}
