import type { z } from "zod";
import type { CaseAction } from "./case-states";
import type { TransitionCaseSchema } from "./schemas";

/** The JSON body of POST /api/cases/<id>/transitions (the route adds the case id from the path). */
export type TransitionRequestBody = Omit<z.input<typeof TransitionCaseSchema>, "caseId">;

/** What an action form holds, as typed: "" means not chosen. Fields an action does not ask for are ignored. */
export type TransitionFormFields = {
  note: string;
  returnReason?: string;
  satisfaction?: string;
  /** The return visit's "问题是否解决" ("" = not chosen). */
  resolution?: string;
  /** The discovery rating, as the select's value ("" or "1"…"5"). */
  stars?: string;
  /** Dispatch: the lead unit and co-units; left out, the server's routing proposal applies. */
  routing?: { leadUnitId: number | null; coUnitIds: number[] } | null;
  /** Photos already uploaded (the phone attaches them to handling and reporting back). */
  photoIds?: number[];
};

/**
 * The one request both action forms (the console's and the phone's) send for a step of the case loop. The
 * version read and the requestId made when the form opened go with it, so a second click, a retry after a
 * lost answer or a colleague's step in between is answered by the server (same result, or 409), never done twice.
 */
export function buildTransitionRequest(args: {
  caseId: number;
  action: CaseAction;
  version: number;
  requestId: string;
  fields: TransitionFormFields;
}): { url: string; body: TransitionRequestBody; init: RequestInit } {
  const { caseId, action, version, requestId, fields } = args;
  const body: TransitionRequestBody = { action, expectedVersion: version, requestId, note: fields.note.trim() || null };
  if (fields.photoIds) body.photoIds = fields.photoIds;
  if (action === "dispatch" && fields.routing)
    Object.assign(body, { leadUnitId: fields.routing.leadUnitId, coUnitIds: fields.routing.coUnitIds });
  if (action === "return") body.returnReason = (fields.returnReason || null) as TransitionRequestBody["returnReason"];
  if (action === "evaluate") {
    body.satisfaction = (fields.satisfaction || null) as TransitionRequestBody["satisfaction"];
    body.resolution = (fields.resolution || null) as TransitionRequestBody["resolution"];
  }
  if (action === "rate_discovery") body.discoveryStars = fields.stars ? Number(fields.stars) : null;
  return {
    url: `/api/cases/${caseId}/transitions`,
    body,
    init: { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
  };
}
