import type { RoomUse } from "../building/dto";

export type OccupantDto = {
  id: number;
  /** Masked (张*) for key persons. */
  name: string;
  nameMasked: boolean;
  gender: string;
  genderName: string;
  age: number;
  relation: string;
  relationName: string;
  /** 110112********1234 — the full number never leaves the database. */
  idNumberMasked: string;
  /** 138****1234 */
  phoneMasked: string | null;
  registration: string;
  registrationName: string;
  tags: string[];
  keyPerson: boolean;
};

export type HouseholdDto = {
  id: number;
  type: string;
  typeName: string;
  registration: string;
  registrationName: string;
  workUnit: string | null;
  residents: OccupantDto[];
};

export type RoomOccupants = {
  room: { id: number; buildingId: number; buildingName: string; buildingAddress: string; entrance: number; floor: number; number: string; area: number; use: RoomUse; useName: string };
  households: HouseholdDto[];
};
