import "server-only";
import { findRegionById } from "../../db/queries/region";
import { countResidentsInSubtree, findResidentsForExport } from "../../db/queries/resident";
import { inScope } from "../../db/queries/scope";
import { authorize } from "../auth/authorize";
import { scopeContains } from "../auth/scope";
import type { RequestContext } from "../context";
import { DomainError, wrapDatabaseError } from "../errors";
import { compactDate, safeFileNamePart } from "../format/content-disposition";
import { toCsv, type CsvCell } from "../format/csv";
import { t } from "../i18n";
import { errorMessages } from "../i18n/zh-CN/errors";
import { maskName } from "../pii/mask";
import { decryptPii } from "../pii/protect";
import { recordPiiAccess } from "../pii/record-pii-access";
import { ageOn } from "./age";
import type { CsvExport } from "./dto";
import { ExportResidentsInput, parseShowingProblem } from "./schemas";

/**
 * The most residents one file may hold: the file is built in memory, and a list of a whole large
 * district is not something one person should carry around anyway. Larger areas are exported in parts.
 */
export const MAX_EXPORT_ROWS = 200_000;

/**
 * 居民名单 of one area (its whole subtree) as CSV. Masked by default: identity numbers and phones in
 * their masked form, key persons' names masked, no birth date (it is part of the identity number).
 * `unmasked` needs its own permission and a reason and writes the full values. Either way exactly one
 * "export" row goes to the access log, in the same transaction as the read, with the row count.
 */
export async function exportResidents({
  ctx,
  input,
  now = new Date(),
}: {
  ctx: RequestContext;
  input: ExportResidentsInput;
  now?: Date;
}): Promise<CsvExport> {
  const exportScope = authorize(ctx, "resident.export");
  const unmaskedScope = input.unmasked === true ? authorize(ctx, "resident.export_unmasked") : null;
  const { regionId, unmasked, reason } = parseShowingProblem(ExportResidentsInput, input);
  const scope = unmaskedScope ?? exportScope;
  try {
    return await inScope(ctx.db, scope, async (trx) => {
      const region = await findRegionById(trx, regionId, scope);
      if (!region || !scopeContains(exportScope, region.path)) throw new DomainError("NOT_FOUND", errorMessages.regionNotFound);
      const total = await countResidentsInSubtree(trx, region.path, scope);
      if (total > MAX_EXPORT_ROWS) {
        const message = t.resident.errors.exportTooLarge(MAX_EXPORT_ROWS);
        throw new DomainError("VALIDATION", message, { details: { regionId: message } });
      }
      const residents = await findResidentsForExport(trx, region.path, scope, { withCiphers: unmasked });
      const c = t.resident.export.columns;
      const header = [
        c.name,
        c.gender,
        ...(unmasked ? [c.birthDate] : []),
        c.age,
        c.relation,
        c.idNumber,
        c.phone,
        c.registration,
        c.tags,
        c.keyPerson,
        c.address,
        c.grid,
      ];
      const rows = residents.map((r): CsvCell[] => [
        r.keyPerson && !unmasked ? maskName(r.name) : r.name,
        t.building.genders[r.gender] ?? r.gender,
        ...(unmasked ? [r.birthDate] : []),
        ageOn(r.birthDate, now),
        t.building.relations[r.relation] ?? r.relation,
        unmasked && r.idNumberCipher ? decryptPii(r.idNumberCipher) : r.idNumberMasked,
        unmasked ? (r.phoneCipher ? decryptPii(r.phoneCipher) : null) : r.phoneMasked,
        t.building.registrations[r.registration] ?? r.registration,
        r.tags.join("、"),
        r.keyPerson ? t.resident.yes : t.resident.no,
        t.resident.roomAddress(r.buildingAddress, r.roomNumber),
        r.gridName,
      ]);
      await recordPiiAccess(trx, ctx, {
        kind: "export",
        field: "list",
        regionId: region.id,
        rowCount: rows.length,
        unmasked,
        reason: reason ?? null,
      });
      const date = compactDate(now);
      return {
        filename: t.resident.export.filename(safeFileNamePart(region.name), date),
        asciiFilename: t.resident.export.asciiFilename(region.code, date),
        csv: toCsv(header, rows),
        rowCount: rows.length,
      };
    });
  } catch (e) {
    throw wrapDatabaseError(e);
  }
}
