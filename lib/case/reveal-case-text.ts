import "server-only";
import { z } from "zod";
import { findCaseDetailRow, findCaseEvents, findCaseSummaries } from "../../db/queries/case-read";
import { inScope } from "../../db/queries/scope";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { DomainError, wrapDatabaseError } from "../errors";
import { t } from "../i18n";
import { caseLoop } from "../i18n/zh-CN/case-loop";
import { recordPiiAccess } from "../pii/record-pii-access";
import { parseShowingProblem, Reason } from "../resident/schemas";
import { CASE_PII_REVEAL_ACTION, mayRevealCasePii } from "./case-pii";
import { CaseIdSchema } from "./schemas";

export const RevealCaseTextInput = z.object({ id: CaseIdSchema, reason: Reason });
export type RevealCaseTextInput = z.input<typeof RevealCaseTextInput>;

/** A case's free text in clear: what the detail shows masked. */
export type RevealedCaseText = {
  description: string;
  address: string | null;
  reporterName: string | null;
  emergencyPlan: string | null;
  notes: { eventId: number; note: string }[];
};

/**
 * 查看原文: one case's description, address, reporter name, emergency plan and timeline notes in clear, for a stated reason.
 * Needs the reveal right in the case's area (case-pii.ts); the read and its reason go to pii_access_log
 * (reveal, case_text, the case) in the same transaction. A case outside the caller's area is not found.
 */
export async function revealCaseText({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: RevealCaseTextInput;
}): Promise<RevealedCaseText> {
  const scope = authorize(ctx, "case.read");
  const { id, reason } = parseShowingProblem(RevealCaseTextInput, input);
  try {
    return await inScope(ctx.db, scope, async (trx) => {
      const [summary] = await findCaseSummaries(trx, [id]);
      const row = await findCaseDetailRow(trx, id);
      if (!summary || !row) throw new DomainError("NOT_FOUND", caseLoop.errors.caseNotFound);
      if (!mayRevealCasePii(ctx, row.region_path)) {
        throw new DomainError("FORBIDDEN", t.auth.forbiddenAction[CASE_PII_REVEAL_ACTION], {
          details: { action: CASE_PII_REVEAL_ACTION },
        });
      }
      const events = await findCaseEvents(trx, id);
      await recordPiiAccess(trx, ctx, { kind: "reveal", field: "case_text", caseId: id, regionId: summary.grid_id, reason });
      return {
        description: summary.description,
        address: summary.address,
        reporterName: row.reporter_name,
        emergencyPlan: row.emergency_plan,
        notes: events.flatMap((e) => (e.note ? [{ eventId: e.id, note: e.note }] : [])),
      };
    });
  } catch (e) {
    throw wrapDatabaseError(e);
  }
}
