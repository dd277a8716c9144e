import "server-only";
import { findResidentSecrets } from "../../db/queries/resident";
import { inScope } from "../../db/queries/scope";
import { can, scopeOf } from "../auth/authorize";
import { normalizeScope } from "../auth/scope";
import type { RequestContext } from "../context";
import { DomainError, wrapDatabaseError } from "../errors";
import { t } from "../i18n";
import { decryptPii } from "../pii/protect";
import { recordPiiAccess } from "../pii/record-pii-access";
import type { RevealedField } from "./dto";
import { mayActOn, revealActionFor } from "./reveal-rules";
import { parseShowingProblem, RevealResidentFieldInput } from "./schemas";

/**
 * Shows one field of one resident in clear, for a stated reason. The permission depends on the person
 * (reveal-rules.ts: key persons need "key_person.reveal" for every field) and on the area; the reveal
 * and its reason are logged in the same transaction as the decryption's read.
 */
export async function revealResidentField({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: RevealResidentFieldInput;
}): Promise<RevealedField> {
  // Which of the two permissions applies is known only once the person is read; a caller with neither
  // is refused before anything else.
  if (!can(ctx, "resident.reveal") && !can(ctx, "key_person.reveal")) {
    throw new DomainError("FORBIDDEN", t.auth.forbiddenAction["resident.reveal"], { details: { action: "resident.reveal" } });
  }
  const { id, field, reason } = parseShowingProblem(RevealResidentFieldInput, input);
  const scope = normalizeScope([...scopeOf(ctx, "resident.reveal"), ...scopeOf(ctx, "key_person.reveal")]);
  try {
    return await inScope(ctx.db, scope, async (trx) => {
      const row = await findResidentSecrets(trx, id, scope);
      if (!row) throw new DomainError("NOT_FOUND", t.resident.notFound);
      const action = revealActionFor(row.keyPerson, field);
      if (action === null)
        throw new DomainError("VALIDATION", t.resident.errors.nameNotMasked, {
          details: { field: t.resident.errors.nameNotMasked },
        });
      if (!mayActOn(ctx, action, row.gridPath)) {
        throw new DomainError("FORBIDDEN", t.auth.forbiddenAction[action], { details: { action } });
      }
      const value =
        field === "name"
          ? row.name
          : field === "id_number"
            ? decryptPii(row.idNumberCipher)
            : row.phoneCipher
              ? decryptPii(row.phoneCipher)
              : null;
      await recordPiiAccess(trx, ctx, { kind: "reveal", field, residentId: row.id, regionId: row.gridId, reason });
      return { field, value };
    });
  } catch (e) {
    throw wrapDatabaseError(e);
  }
}
