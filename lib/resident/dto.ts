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
  room: {
    id: number;
    buildingId: number;
    buildingName: string;
    buildingAddress: string;
    entrance: number;
    floor: number;
    number: string;
    area: number;
    use: RoomUse;
    useName: string;
  };
  households: HouseholdDto[];
};

/** Which fields of one resident the caller may show in clear (each reveal still needs a reason and is logged). */
export type RevealFlags = { name: boolean; idNumber: boolean; phone: boolean };

/** A resident's detail page: the person (masked), the household, the address and the other members. */
export type ResidentDetail = {
  resident: OccupantDto;
  household: {
    id: number;
    type: string;
    typeName: string;
    registration: string;
    registrationName: string;
    workUnit: string | null;
  };
  address: {
    roomId: number;
    roomNumber: string;
    entrance: number;
    floor: number;
    buildingId: number;
    buildingName: string;
    buildingAddress: string;
    gridId: number;
    gridName: string;
    gridCode: string;
    /** 街道 / 社区 / 小区 above the grid. */
    areaPath: string;
  };
  /** The other members of the household, masked the same way. */
  members: OccupantDto[];
  canReveal: RevealFlags;
};

/** One field shown in clear; null when the resident has no such value (no phone on record). */
export type RevealedField = { field: "id_number" | "phone" | "name"; value: string | null };

/** A CSV file produced by an export verb, ready for the route to send. */
export type CsvExport = { filename: string; asciiFilename: string; csv: string; rowCount: number };
