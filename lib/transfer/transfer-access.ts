import "server-only";
import type { Database } from "../../db/client";
import {
  findConfiguredApprovers,
  findTransferForUpdate,
  findTransferRow,
  type TransferRow,
  type TransferSide,
} from "../../db/queries/transfer";
import { scopeOf } from "../auth/authorize";
import { scopeContains } from "../auth/scope";
import type { RequestContext } from "../context";
import { DomainError } from "../errors";
import { t } from "../i18n";
import { isApproverByRule } from "./approver-rule";

/** Whether the caller approves the transfer for `side` (the rule: approver-rule.ts). */
export async function isTransferApprover(
  db: Database,
  ctx: Pick<RequestContext, "actor">,
  row: TransferRow,
  side: TransferSide,
): Promise<boolean> {
  const departmentId = side === "release" ? row.fromDepartmentId : row.toDepartmentId;
  const named = await findConfiguredApprovers(db, departmentId, side);
  return isApproverByRule({
    named,
    userId: ctx.actor.userId,
    approveScope: scopeOf(ctx, "transfer.approve"),
    departmentPath: side === "release" ? row.fromDepartmentPath : row.toDepartmentPath,
  });
}

/**
 * The transfer if the caller may see it: it touches their area (either department's or post's region lies
 * in the area where they request or approve transfers), or they are a named approver of it. Anything else is
 * NOT_FOUND, so ids outside the area reveal nothing.
 */
export async function loadVisibleTransfer(
  db: Database,
  ctx: Pick<RequestContext, "actor">,
  transferId: number,
  options: { forUpdate?: boolean } = {},
): Promise<TransferRow> {
  const row = options.forUpdate ? await findTransferForUpdate(db, transferId) : await findTransferRow(db, transferId);
  if (!row) throw new DomainError("NOT_FOUND", t.transfer.errors.transferNotFound);
  const scope = [...scopeOf(ctx, "transfer.request"), ...scopeOf(ctx, "transfer.approve")];
  if (row.paths.some((p) => scopeContains(scope, p))) return row;
  if ((await isTransferApprover(db, ctx, row, "release")) || (await isTransferApprover(db, ctx, row, "receive"))) return row;
  throw new DomainError("NOT_FOUND", t.transfer.errors.transferNotFound);
}
