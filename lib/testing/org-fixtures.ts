import { sql } from "kysely";
import type { Connection } from "../../db/client";
import { makeIdNumber } from "../pii/id-number";
import { maskIdNumber, maskPhone } from "../pii/mask";
import { encryptPii, hashIdNumber } from "../pii/protect";
import { orgRegions, type OrgChain } from "./org-regions";

/*
 * A small organisation written straight with the owner's connection, for the tests of the staff verbs
 * (whatever the demo seed adds, these rows carry a per-run prefix of their own): positions, ranks, a district
 * office, one office in each of two communities with a grid office under the first, and a few people.
 */

export type OrgFixture = {
  prefix: string;
  regions: OrgChain;
  positions: { worker: number; head: number; clerk: number };
  ranks: { r1: number; r2: number };
  departments: { district: number; communityA: number; gridOfficeA: number; communityB: number };
  staff: { districtClerk: number; headA: number; workerA: number; workerB: number; leftA: number };
  /** The identity number of workerA in clear (tests compare the reveal with it). */
  workerAIdNumber: string;
  workerAPhone: string;
};

let counter = 0;

export async function createOrgFixture(owner: Connection, regions?: OrgChain): Promise<OrgFixture> {
  const r = regions ?? (await orgRegions(owner));
  const prefix =
    `T${Date.now().toString(36).slice(-5)}${(counter++).toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`.toUpperCase();
  const db = owner.db;
  const position = async (code: string, name: string, gridRole: string | null) =>
    (
      await db
        .insertInto("staff_position")
        .values({ code: `${prefix}-${code}`, name, grid_role: gridRole })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const maxOrdinal = (
    await db
      .selectFrom("staff_rank")
      .select(sql<number>`coalesce(max(ordinal), 0)`.as("m"))
      .executeTakeFirstOrThrow()
  ).m;
  const rank = async (code: string, name: string, ordinal: number) =>
    (
      await db
        .insertInto("staff_rank")
        .values({ code: `${prefix}-${code}`, name, ordinal })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const positions = {
    worker: await position("P-WORKER", "专职网格员", "full_time"),
    head: await position("P-HEAD", "网格长", "grid_head"),
    clerk: await position("P-CLERK", "科员", null),
  };
  const ranks = { r1: await rank("R1", "一级", maxOrdinal + 1), r2: await rank("R2", "二级", maxOrdinal + 2) };
  const department = async (code: string, name: string, kind: string, level: number, regionId: number, parentId: number | null) =>
    (
      await db
        .insertInto("department")
        .values({
          code: `${prefix}-${code}`,
          name,
          kind,
          level,
          region_id: regionId,
          parent_id: parentId,
          valid_from: sql<Date>`'2020-01-01'::date`,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const dDistrict = await department("D", `${prefix}区指挥中心`, "command", 0, r.district, null);
  const dA = await department("CA", `${prefix}社区A工作站`, "grid_office", 2, r.communityA, dDistrict);
  const dGridA = await department("GA", `${prefix}小区A网格组`, "grid_office", 3, r.xiaoquA, dA);
  const dB = await department("CB", `${prefix}社区B工作站`, "grid_office", 2, r.communityB, dDistrict);
  const districtCode = (
    await db.selectFrom("region").select("district_code").where("id", "=", r.district).executeTakeFirstOrThrow()
  ).district_code;

  // A birth year of its own per fixture, so two fixtures in one database never share an identity number.
  const birthDate = `${1960 + Math.floor(Math.random() * 40)}-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 10)}`;
  let ordinal = Math.floor(Math.random() * 400);
  const person = async (no: string, name: string, departmentId: number, positionId: number, leaveDate: string | null = null) => {
    const idNumber = makeIdNumber({ addressCode: "110105", birthDate, ordinal: ordinal++ % 499, gender: "M" });
    const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
    const id = (
      await db
        .insertInto("staff")
        .values({
          staff_no: `${prefix}-${no}`,
          name,
          gender: "male",
          department_id: departmentId,
          position_id: positionId,
          rank_id: ranks.r1,
          hire_date: sql<Date>`'2021-01-04'::date`,
          leave_date: leaveDate === null ? null : sql<Date>`${leaveDate}::date`,
          id_number_cipher: encryptPii(idNumber),
          id_number_hash: hashIdNumber(idNumber),
          id_number_masked: maskIdNumber(idNumber),
          phone_cipher: encryptPii(phone),
          phone_masked: maskPhone(phone),
          district_code: districtCode,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    await db
      .insertInto("staff_job")
      .values({
        staff_id: id,
        department_id: departmentId,
        position_id: positionId,
        rank_id: ranks.r1,
        valid_from: sql<Date>`'2021-01-04'::date`,
        reason: "hire",
      })
      .execute();
    return { id, idNumber, phone };
  };
  const clerk = await person("001", "区人事甲", dDistrict, positions.clerk);
  const head = await person("002", "社区长乙", dA, positions.head);
  const worker = await person("003", "网格员丙%", dGridA, positions.worker);
  const workerB = await person("004", "网格员丁_", dB, positions.worker);
  const left = await person("005", "离职戊", dA, positions.clerk, "2024-06-30");
  return {
    prefix,
    regions: r,
    positions,
    ranks,
    departments: { district: dDistrict, communityA: dA, gridOfficeA: dGridA, communityB: dB },
    staff: { districtClerk: clerk.id, headA: head.id, workerA: worker.id, workerB: workerB.id, leftA: left.id },
    workerAIdNumber: worker.idNumber,
    workerAPhone: worker.phone,
  };
}
