import "server-only";
import type { Database } from "../../db/client";
import { insertPiiAccessRow } from "../../db/queries/audit";
import type { RequestContext } from "../context";

export type PiiAccess = {
  /** reveal: one field shown in clear; view: a resident's detail page; export: a file of residents; lookup: found by search (a full ID number, or a name). */
  kind: "reveal" | "view" | "export" | "lookup";
  /** id_number | phone | name (reveal); case_text (reveal of a case's free text); track (a patrol track, view); position (where staff on duty stand, list); detail (view); list (export); id_number or name (lookup). */
  field: "id_number" | "phone" | "name" | "case_text" | "detail" | "list" | "track" | "position";
  residentId?: number | null;
  /** The staff member whose data was read (staff records: detail views, reveals, exports of one person). */
  staffId?: number | null;
  caseId?: number | null;
  regionId?: number | null;
  reason?: string | null;
  rowCount?: number | null;
  unmasked?: boolean;
};

/**
 * Writes one row of the personal-data access log (who, when, which person, which field, why).
 * Call it in the same transaction as the read it records, so no read goes unlogged.
 */
export async function recordPiiAccess(
  trx: Database,
  ctx: Pick<RequestContext, "actor" | "clientAddress">,
  access: PiiAccess,
): Promise<void> {
  await insertPiiAccessRow(trx, {
    user_id: ctx.actor.userId,
    username: ctx.actor.username,
    kind: access.kind,
    field: access.field,
    resident_id: access.residentId ?? null,
    staff_id: access.staffId ?? null,
    case_id: access.caseId ?? null,
    region_id: access.regionId ?? null,
    reason: access.reason ?? null,
    row_count: access.rowCount ?? null,
    unmasked: access.unmasked ?? false,
    address: ctx.clientAddress,
  });
}
