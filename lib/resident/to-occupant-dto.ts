import type { ResidentRow } from "../../db/queries/room";
import { t } from "../i18n";
import { maskName } from "../pii/mask";
import { ageOn } from "./age";
import type { OccupantDto } from "./dto";

/**
 * A resident row as the browser may see it: identity number and phone in their stored masked form,
 * a key person's name masked too (重点人员 have narrower access); the ciphertexts are never in the row.
 */
export function toOccupantDto(r: ResidentRow, registration: string, today: Date): OccupantDto {
  return {
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
    registration,
    registrationName: t.building.registrations[registration] ?? registration,
    tags: r.tags,
    keyPerson: r.keyPerson,
  };
}
