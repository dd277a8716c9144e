import "server-only";
import type { Selectable } from "kysely";
import { findCaseForUpdate, findEventByRequest, findUnitIdsOfUser } from "../../db/queries/case";
import { inScope, type Scope } from "../../db/queries/scope";
import type { Database } from "../../db/client";
import type { CaseRecord } from "../../db/types";
import { isUniqueViolation } from "../account/rules";
import type { RequestContext } from "../context";
import { DomainError } from "../errors";
import { caseLoop } from "../i18n/zh-CN/case-loop";
import type { CaseDetailDto } from "./case-dto";
import { caseActorFacts } from "./case-grants";
import type { CaseActorFacts } from "./case-transitions";
import { actingAssignments, readCaseDetail } from "./get-case";

export type CaseRow = Selectable<CaseRecord>;

/**
 * The frame every write on one case shares (a loop step, a risk assessment): in one transaction within the
 * caller's area, lock the case row, answer a repeated request (same requestId) with the case as the first one
 * left it, else run `act` and answer with the case as it is now. Two people at once: the second waits for the
 * lock and then meets the new version in `act`.
 */
export async function actOnLockedCase(
  ctx: RequestContext,
  scope: Scope,
  request: { caseId: number; requestId: string },
  act: (trx: Database, row: CaseRow) => Promise<void>,
): Promise<CaseDetailDto & { replayed: boolean }> {
  const run = () =>
    inScope(ctx.db, scope, async (trx) => {
      const row = await findCaseForUpdate(trx, request.caseId);
      if (!row) throw new DomainError("NOT_FOUND", caseLoop.errors.caseNotFound);
      // Checked after the lock: a copy of this request that was holding it has committed by now.
      if (await findEventByRequest(trx, request.caseId, request.requestId))
        return { ...(await readCaseDetail(trx, ctx, request.caseId)), replayed: true };
      await act(trx, row);
      return { ...(await readCaseDetail(trx, ctx, request.caseId)), replayed: false };
    });
  try {
    return await run();
  } catch (error) {
    // The same request committed between our replay check and our insert (only without the lock's help).
    if (isUniqueViolation(error)) return run();
    throw error;
  }
}

/** Who the caller is for this case (reporter, office grants at its place, the units they act for). */
export async function caseActorOf(
  trx: Database,
  ctx: RequestContext,
  row: CaseRow,
): Promise<{ actor: CaseActorFacts; unitIds: number[] }> {
  const unitIds = await findUnitIdsOfUser(trx, ctx.actor.userId);
  const actor = caseActorFacts({
    userId: ctx.actor.userId,
    assignments: actingAssignments(ctx),
    unitIds,
    casePath: row.region_path,
  });
  return { actor, unitIds };
}
