import "server-only";
import { findHouseholdResidents, findRoomById, findRoomHouseholds } from "../../db/queries/room";
import type { RoomUse } from "../building/dto";
import { RowIdInput } from "../building/schemas";
import { inScope } from "../../db/queries/scope";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { DomainError, parseInput, wrapDatabaseError } from "../errors";
import { t } from "../i18n";
import { errorMessages } from "../i18n/zh-CN/errors";
import type { HouseholdDto, RoomOccupants } from "./dto";
import { toOccupantDto } from "./to-occupant-dto";

/**
 * The households and residents of one room, personal data masked: identity numbers and phones in
 * their stored masked form, and key persons' names masked too (重点人员 have narrower access).
 */
export async function getRoomOccupants({
  ctx,
  input,
  today = new Date(),
}: {
  ctx: RequestContext;
  input: RowIdInput;
  today?: Date;
}): Promise<RoomOccupants> {
  const scope = authorize(ctx, "resident.read");
  const { id } = parseInput(RowIdInput, input);
  try {
    const { room, households, residents } = await inScope(ctx.db, scope, async (trx) => {
      const room = await findRoomById(trx, id, scope);
      if (!room) throw new DomainError("NOT_FOUND", errorMessages.roomNotFound);
      const households = await findRoomHouseholds(trx, room.id);
      return {
        room,
        households,
        residents: await findHouseholdResidents(
          trx,
          households.map((h) => h.id),
        ),
      };
    });
    const dtos: HouseholdDto[] = households.map((h) => ({
      id: h.id,
      type: h.type,
      typeName: t.building.householdTypes[h.type] ?? h.type,
      registration: h.registration,
      registrationName: t.building.registrations[h.registration] ?? h.registration,
      workUnit: h.workUnit,
      residents: residents.filter((r) => r.householdId === h.id).map((r) => toOccupantDto(r, h.registration, today)),
    }));
    const use = room.use as RoomUse;
    return {
      room: { ...room, use, useName: t.building.uses[use] ?? room.use },
      households: dtos,
    };
  } catch (e) {
    throw wrapDatabaseError(e);
  }
}
