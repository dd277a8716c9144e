import "server-only";
import { findStaffSecrets } from "../../db/queries/staff";
import { inScope } from "../../db/queries/scope";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { DomainError, isDomainError, parseInput, wrapDatabaseError } from "../errors";
import { org } from "../i18n/zh-CN/org";
import { decryptPii } from "../pii/protect";
import { recordPiiAccess } from "../pii/record-pii-access";
import { RevealStaffFieldInput } from "./schemas";

/**
 * Shows one staff member's identity number or phone in clear (staff.reveal, the person inside the caller's
 * area), for a stated reason; the reveal is logged in pii_access_log with the staff id in the same
 * transaction as the read. Outside the area and unknown give the same NOT_FOUND.
 */
export async function revealStaffField({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: RevealStaffFieldInput;
}): Promise<{ field: "id_number" | "phone"; value: string | null }> {
  const scope = authorize(ctx, "staff.reveal");
  const { id, field, reason } = parseShowingFirst(input);
  try {
    return await inScope(ctx.db, scope, async (trx) => {
      const row = await findStaffSecrets(trx, id, scope);
      if (!row) throw new DomainError("NOT_FOUND", org.staff.notFound);
      const cipher = field === "id_number" ? row.idNumberCipher : row.phoneCipher;
      const value = cipher ? decryptPii(cipher) : null;
      await recordPiiAccess(trx, ctx, { kind: "reveal", field, staffId: row.id, regionId: row.departmentRegionId, reason });
      return { field, value };
    });
  } catch (e) {
    throw wrapDatabaseError(e);
  }
}

/** The first problem's own Chinese text as the message ("查看理由至少 4 个字"): the form shows one line. */
function parseShowingFirst(input: unknown) {
  try {
    return parseInput(RevealStaffFieldInput, input);
  } catch (error) {
    const first = isDomainError(error) && error.details ? Object.values(error.details)[0] : undefined;
    if (first && isDomainError(error)) throw new DomainError("VALIDATION", first, { cause: error.cause, details: error.details });
    throw error;
  }
}
