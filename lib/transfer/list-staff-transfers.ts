import "server-only";
import { findStaffAreaPaths, listTransfersOfStaff } from "../../db/queries/transfer";
import { authorize, can, scopeOf } from "../auth/authorize";
import { normalizeScope, scopeContains } from "../auth/scope";
import type { RequestContext } from "../context";
import { DomainError } from "../errors";
import { t } from "../i18n";
import { toTransferListItem, type TransferListItemDto } from "./dto";

/**
 * A person's transfers, newest first, every state (the staff detail's 调动记录: the history stays). For those who
 * read staff or handle transfers where the person is.
 */
export async function listStaffTransfers({
  ctx,
  staffId,
}: {
  ctx: RequestContext;
  staffId: number;
}): Promise<TransferListItemDto[]> {
  const scope = normalizeScope([
    ...scopeOf(ctx, "staff.read"),
    ...scopeOf(ctx, "transfer.request"),
    ...scopeOf(ctx, "transfer.approve"),
  ]);
  if (scope.length === 0) authorize(ctx, "staff.read");
  const paths = await findStaffAreaPaths(ctx.db, staffId);
  if (!paths.some((p) => scopeContains(scope, p))) throw new DomainError("NOT_FOUND", t.transfer.errors.staffNotFound);
  return (await listTransfersOfStaff(ctx.db, staffId)).map(toTransferListItem);
}

/** Whether the caller may start a transfer (the staff detail shows 发起调动). */
export function canRequestTransfer(ctx: RequestContext): boolean {
  return can(ctx, "transfer.request");
}
