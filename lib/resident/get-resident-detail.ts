import "server-only";
import { findResidentDetail } from "../../db/queries/resident";
import { findHouseholdResidents } from "../../db/queries/room";
import { inScope } from "../../db/queries/scope";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { DomainError, parseInput, wrapDatabaseError } from "../errors";
import { t } from "../i18n";
import { recordPiiAccess } from "../pii/record-pii-access";
import type { ResidentDetail } from "./dto";
import { revealFlags } from "./reveal-rules";
import { ResidentIdInput } from "./schemas";
import { toOccupantDto } from "./to-occupant-dto";

/**
 * One resident's detail page (masked) with the household and its other members. Every view is logged
 * ("view"/"detail") in the same transaction as the read. An unknown id and an id outside the caller's
 * area give the same NOT_FOUND, so the answer never tells whether such a person exists.
 */
export async function getResidentDetail({
  ctx,
  input,
  today = new Date(),
}: {
  ctx: RequestContext;
  input: ResidentIdInput;
  today?: Date;
}): Promise<ResidentDetail> {
  const scope = authorize(ctx, "resident.read");
  const { id } = parseInput(ResidentIdInput, input);
  try {
    const { row, members } = await inScope(ctx.db, scope, async (trx) => {
      const row = await findResidentDetail(trx, id, scope);
      if (!row) throw new DomainError("NOT_FOUND", t.resident.notFound);
      const members = (await findHouseholdResidents(trx, [row.householdId])).filter((m) => m.id !== row.id);
      await recordPiiAccess(trx, ctx, { kind: "view", field: "detail", residentId: row.id, regionId: row.gridId });
      return { row, members };
    });
    return {
      resident: toOccupantDto(row, row.registration, today),
      household: {
        id: row.householdId,
        type: row.householdType,
        typeName: t.building.householdTypes[row.householdType] ?? row.householdType,
        registration: row.registration,
        registrationName: t.building.registrations[row.registration] ?? row.registration,
        workUnit: row.workUnit,
      },
      address: {
        roomId: row.roomId,
        roomNumber: row.roomNumber,
        entrance: row.entrance,
        floor: row.floor,
        buildingId: row.buildingId,
        buildingName: row.buildingName,
        buildingAddress: row.buildingAddress,
        gridId: row.gridId,
        gridName: row.gridName,
        gridCode: row.gridCode,
        areaPath: row.areaPath,
      },
      members: members.map((m) => toOccupantDto(m, row.registration, today)),
      canReveal: revealFlags(ctx, row.keyPerson, row.gridPath),
    };
  } catch (e) {
    throw wrapDatabaseError(e);
  }
}
