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
import { ageOn } from "./age";
import type { HouseholdDto, RoomOccupants } from "./dto";
import { maskName } from "../pii/mask";

/**
 * The households and residents of one room, personal data masked: identity numbers and phones in
 * their stored masked form, and key persons' names masked too (重点人员 have narrower access).
 */
export async function getRoomOccupants({ ctx, input, today = new Date() }: { ctx: RequestContext; input: RowIdInput; today?: Date }): Promise<RoomOccupants> {
  const scope = authorize(ctx, "resident.read");
  const { id } = parseInput(RowIdInput, input);
  try {
    const { room, households, residents } = await inScope(ctx.db, scope, async (trx) => {
      const room = await findRoomById(trx, id, scope);
      if (!room) throw new DomainError("NOT_FOUND", errorMessages.roomNotFound);
      const households = await findRoomHouseholds(trx, room.id);
      return { room, households, residents: await findHouseholdResidents(trx, households.map((h) => h.id)) };
    });
    const dtos: HouseholdDto[] = households.map((h) => ({
      id: h.id,
      type: h.type,
      typeName: t.building.householdTypes[h.type] ?? h.type,
      registration: h.registration,
      registrationName: t.building.registrations[h.registration] ?? h.registration,
      workUnit: h.workUnit,
      residents: residents
        .filter((r) => r.householdId === h.id)
        .map((r) => ({
          id: r.id,
          name: r.keyPerson ? maskName(r.name) : r.name,
          nameMasked: r.keyPerson,
          gender: r.gender,
          genderName: t.building.genders[r.gender] ?? r.gender,
          age: ageOn(r.birthDate, today),
          relation: r.relation,
          relationName: t.building.relations[r.relation] ?? r.relation,
          idNumberMasked: r.idNumberMasked,
          phoneMasked: r.phoneMasked,
          registration: h.registration,
          registrationName: t.building.registrations[h.registration] ?? h.registration,
          tags: r.tags,
          keyPerson: r.keyPerson,
        })),
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
