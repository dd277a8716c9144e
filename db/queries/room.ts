import { sql, type Kysely } from "kysely";
import type { DB } from "../types";
import { withinScope, type Scope } from "./scope";

export type RoomRow = {
  id: number;
  buildingId: number;
  buildingName: string;
  buildingAddress: string;
  entrance: number;
  floor: number;
  number: string;
  area: number;
  use: string;
};

/** One room by id, only when its building's grid lies inside the scope. */
export async function findRoomById(db: Kysely<DB>, id: number, scope: Scope): Promise<RoomRow | undefined> {
  return db
    .selectFrom("room as r")
    .innerJoin("building as b", "b.id", "r.building_id")
    .innerJoin("region as g", "g.id", "b.grid_id")
    .select([
      "r.id",
      "r.building_id as buildingId",
      "b.name as buildingName",
      "b.address as buildingAddress",
      "r.entrance",
      "r.floor",
      "r.number",
      sql<number>`r.area::float8`.as("area"),
      "r.use",
    ])
    .where("r.id", "=", id)
    .where(withinScope(sql.ref("g.path"), scope))
    .executeTakeFirst();
}

export type HouseholdRow = {
  id: number;
  type: string;
  registration: string;
  headResidentId: number | null;
  workUnit: string | null;
};

export async function findRoomHouseholds(db: Kysely<DB>, roomId: number): Promise<HouseholdRow[]> {
  return db
    .selectFrom("household")
    .select(["id", "type", "registration", "head_resident_id as headResidentId", "work_unit as workUnit"])
    .where("room_id", "=", roomId)
    .orderBy("id")
    .execute();
}

/**
 * Residents of the given households with their masked identity and phone only: the ciphertext
 * columns are never selected here, so nothing downstream can leak a full number.
 */
export type ResidentRow = {
  id: number;
  householdId: number;
  name: string;
  gender: string;
  /** ISO date (YYYY-MM-DD), kept as text so no time zone shifts it. */
  birthDate: string;
  relation: string;
  idNumberMasked: string;
  phoneMasked: string | null;
  tags: string[];
  keyPerson: boolean;
};

export async function findHouseholdResidents(db: Kysely<DB>, householdIds: number[]): Promise<ResidentRow[]> {
  if (householdIds.length === 0) return [];
  return db
    .selectFrom("resident")
    .select([
      "id",
      "household_id as householdId",
      "name",
      "gender",
      sql<string>`to_char(birth_date, 'YYYY-MM-DD')`.as("birthDate"),
      "relation",
      "id_number_masked as idNumberMasked",
      "phone_masked as phoneMasked",
      "tags",
      "key_person as keyPerson",
    ])
    .where("household_id", "in", householdIds)
    .orderBy("household_id")
    .orderBy(sql`case relation when 'head' then 0 when 'spouse' then 1 when 'parent' then 2 when 'child' then 3 else 4 end`)
    .orderBy("birth_date")
    .execute();
}
