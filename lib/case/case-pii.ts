import { scopeOf } from "../auth/authorize";
import { scopeContains } from "../auth/scope";
import type { RequestContext } from "../context";
import { maskName, maskPersonalNumbers } from "../pii/mask";

/**
 * Personal data inside a case (README "Access and personal data"), decided once here:
 * - Free text (description, address, timeline notes) is shown with identity numbers and phones masked to
 *   everyone, in every place: detail, lists, exports, the phone's pages, the map panel, Open311, 12345.
 * - Whoever holds the resident reveal right ("resident.reveal") in the case's area may show one case's free
 *   text in clear with a reason, logged in pii_access_log (reveal-case-text.ts) — as for a resident's
 *   identity number or phone. Nobody reads it in clear without that row.
 * - The reporter's name: a person from outside (a 12345 caller, an Open311 or resident report: no account)
 *   is shown as 张* to roles without that right in the case's area; the roles with it see residents' names
 *   in clear in the room lists already, so they see it in clear here too. A staff reporter's name is shown
 *   as it is: the timeline names every acting account anyway.
 */

/** The right that shows a case's personal data in clear, the one residents' reveals need. */
export const CASE_PII_REVEAL_ACTION = "resident.reveal" as const;

/** Whether the caller holds the reveal right in an assignment covering the case's area. */
export function mayRevealCasePii(ctx: Pick<RequestContext, "actor">, casePath: string): boolean {
  return scopeContains(scopeOf(ctx, CASE_PII_REVEAL_ACTION), casePath);
}

/** The reporter's name as this caller sees it. */
export function shownReporterName(
  ctx: Pick<RequestContext, "actor">,
  c: { reporterName: string | null; reporterUserId: number | null; regionPath: string },
): string | null {
  if (c.reporterName === null || c.reporterName.trim() === "") return c.reporterName;
  if (c.reporterUserId !== null || mayRevealCasePii(ctx, c.regionPath)) return c.reporterName;
  return maskName(c.reporterName);
}

/** Free text that may be null, masked. */
export function maskOptionalText(text: string | null): string | null {
  return text === null ? null : maskPersonalNumbers(text);
}

/** Whether masking changes anything in these texts (the detail offers 查看原文 only then). */
export function anyTextMasked(texts: readonly (string | null)[]): boolean {
  return texts.some((t) => t !== null && maskPersonalNumbers(t) !== t);
}
