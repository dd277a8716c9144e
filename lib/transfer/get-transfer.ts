import "server-only";
import { findGridGaps } from "../../db/queries/grid-post";
import { findRegionFacts, findTransferDetail } from "../../db/queries/transfer";
import { can, scopeOf } from "../auth/authorize";
import { normalizeScope, scopeContains } from "../auth/scope";
import type { RequestContext } from "../context";
import { DomainError } from "../errors";
import { beijingDay } from "../format/time";
import { t } from "../i18n";
import { toTransferDetail, type TransferDetailDto } from "./dto";
import { isTransferApprover, loadVisibleTransfer } from "./transfer-access";

/** A transfer's detail: both places, both sides' decisions, the timeline, what the caller may do, grid gaps. */
export async function getTransfer({ ctx, transferId }: { ctx: RequestContext; transferId: number }): Promise<TransferDetailDto> {
  if (!can(ctx, "transfer.request") && !can(ctx, "transfer.approve"))
    throw new DomainError("FORBIDDEN", t.auth.forbiddenAction["transfer.approve"] ?? t.errors.FORBIDDEN);
  const row = await loadVisibleTransfer(ctx.db, ctx, transferId);
  const detail = await findTransferDetail(ctx.db, transferId);
  if (!detail) throw new DomainError("NOT_FOUND", t.transfer.errors.transferNotFound);
  const approves = can(ctx, "transfer.approve");
  const requestScope = normalizeScope(scopeOf(ctx, "transfer.request"));
  // The grid the person's 专职 post left: warn while nobody holds it.
  const fromGrid =
    detail.state === "applied" && detail.fromGridRole === "full_time" && detail.fromRegionId !== null
      ? await findRegionFacts(ctx.db, detail.fromRegionId)
      : undefined;
  const day = maxDay(beijingDay(), detail.effectiveDate);
  const gaps = fromGrid ? (await findGridGaps(ctx.db, [fromGrid.path], day, day, 1)).filter((g) => g.kind === "vacant") : [];
  return toTransferDetail(
    detail,
    {
      release: approves && (await isTransferApprover(ctx.db, ctx, row, "release")),
      receive: approves && (await isTransferApprover(ctx.db, ctx, row, "receive")),
      cancel: requestScope.length > 0 && row.paths.some((p) => scopeContains(requestScope, p)),
    },
    gaps,
  );
}

const maxDay = (a: string, b: string) => (a > b ? a : b);
