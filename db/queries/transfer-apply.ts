import { sql, type SqlBool } from "kysely";
import type { Database } from "../client";
import type { GridRole } from "./transfer";

/**
 * The writes of a transfer's application, in the caller's transaction: the job history, the grid posts, the
 * person's current placement and the sign-in assignments that follow it. Days are "YYYY-MM-DD".
 */

/**
 * Ends the person's job row in force on `day` and opens the new one from `day`. A row that itself begins on
 * `day` (hired that day) is rewritten in place: a period cannot end where it starts, and history rows are
 * never deleted. The caller has checked that no row begins after `day` (findPlansAfter).
 */
export async function moveStaffJob(
  db: Database,
  staffId: number,
  day: string,
  to: { departmentId: number; positionId: number; rankId: number; note: string },
): Promise<void> {
  const sameDay = await db
    .updateTable("staff_job")
    .set({ department_id: to.departmentId, position_id: to.positionId, reason: "transfer", note: to.note })
    .where("staff_id", "=", staffId)
    .where(sql<SqlBool>`valid_from = ${day}::date`)
    .returning("id")
    .execute();
  if (sameDay.length > 0) return;
  await db
    .updateTable("staff_job")
    .set({ valid_to: sql<Date>`${day}::date` })
    .where("staff_id", "=", staffId)
    .where(sql<SqlBool>`valid_from < ${day}::date and (valid_to is null or valid_to > ${day}::date)`)
    .execute();
  await db
    .insertInto("staff_job")
    .values({
      staff_id: staffId,
      department_id: to.departmentId,
      position_id: to.positionId,
      rank_id: to.rankId,
      valid_from: sql<Date>`${day}::date`,
      reason: "transfer",
      note: to.note,
    })
    .execute();
}

/**
 * Whether the person has a job row starting after `day` or a grid post starting on or after it: a plan the
 * transfer would contradict, which a person must sort out first (history rows are never deleted).
 */
export async function findPlansAfter(db: Database, staffId: number, day: string): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`
    select (select count(*) from staff_job where staff_id = ${staffId} and valid_from > ${day}::date)
         + (select count(*) from grid_post where staff_id = ${staffId} and valid_from >= ${day}::date) as n`.execute(db);
  return Number(rows[0].n) > 0;
}

/** Ends every grid post the person holds on `day` (a transfer moves the whole person). Returns the posts ended. */
export async function endGridPosts(
  db: Database,
  staffId: number,
  day: string,
): Promise<{ id: number; regionId: number; gridRole: GridRole }[]> {
  const rows = await db
    .updateTable("grid_post")
    .set({ valid_to: sql<Date>`${day}::date` })
    .where("staff_id", "=", staffId)
    .where(sql<SqlBool>`valid_from < ${day}::date and (valid_to is null or valid_to > ${day}::date)`)
    .returning(["id", "region_id as regionId", "grid_role as gridRole"])
    .execute();
  return rows.map((r) => ({ ...r, gridRole: r.gridRole as GridRole }));
}

export async function insertGridPost(db: Database, staffId: number, regionId: number, gridRole: GridRole, day: string) {
  await db
    .insertInto("grid_post")
    .values({ staff_id: staffId, region_id: regionId, grid_role: gridRole, valid_from: sql<Date>`${day}::date` })
    .execute();
}

/** Who holds the 专职网格员 post of a grid on `day` (other than `exceptStaffId`), if anyone. */
export async function findFullTimeHolder(
  db: Database,
  regionId: number,
  day: string,
  exceptStaffId: number,
): Promise<{ staffId: number; name: string } | undefined> {
  return db
    .selectFrom("grid_post as p")
    .innerJoin("staff as s", "s.id", "p.staff_id")
    .select(["s.id as staffId", "s.name"])
    .where("p.region_id", "=", regionId)
    .where("p.grid_role", "=", "full_time")
    .where("p.staff_id", "<>", exceptStaffId)
    .where(sql<SqlBool>`(p.valid_to is null or p.valid_to > ${day}::date)`)
    .executeTakeFirst();
}

export async function updateStaffPlacement(db: Database, staffId: number, departmentId: number, positionId: number) {
  await db
    .updateTable("staff")
    .set({
      department_id: departmentId,
      position_id: positionId,
      version: sql<number>`version + 1`,
      updated_at: sql<Date>`now()`,
    })
    .where("id", "=", staffId)
    .execute();
}

export type SignInAssignment = { role: string; regionId: number };

export async function findRoleAssignments(db: Database, userId: number): Promise<SignInAssignment[]> {
  const rows = await db
    .selectFrom("role_assignment")
    .select(["role", "region_id as regionId"])
    .where("user_id", "=", userId)
    .orderBy("id")
    .execute();
  return rows;
}

export async function deleteRoleAssignment(db: Database, userId: number, a: SignInAssignment): Promise<void> {
  await db
    .deleteFrom("role_assignment")
    .where("user_id", "=", userId)
    .where("role", "=", a.role)
    .where("region_id", "=", a.regionId)
    .execute();
}

export async function addRoleAssignment(db: Database, userId: number, a: SignInAssignment): Promise<void> {
  await db
    .insertInto("role_assignment")
    .values({ user_id: userId, role: a.role, region_id: a.regionId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function findUnitMemberships(db: Database, userId: number): Promise<number[]> {
  const rows = await db.selectFrom("case_unit_member").select("unit_id").where("user_id", "=", userId).execute();
  return rows.map((r) => r.unit_id);
}

export async function deleteUnitMembership(db: Database, userId: number, unitId: number): Promise<void> {
  await db.deleteFrom("case_unit_member").where("user_id", "=", userId).where("unit_id", "=", unitId).execute();
}

export async function addUnitMembership(db: Database, userId: number, unitId: number): Promise<void> {
  await db
    .insertInto("case_unit_member")
    .values({ user_id: userId, unit_id: unitId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Bumps the account's version so an administrator's open copy of its assignments is stale. */
export async function touchAccount(db: Database, userId: number): Promise<void> {
  await db
    .updateTable("app_user")
    .set({ version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
    .where("id", "=", userId)
    .execute();
}
