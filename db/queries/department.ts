import { sql, type Kysely } from "kysely";
import type { DB } from "../types";
import { withinScope, type Scope } from "./scope";

/*
 * Departments (a tree: parent_id), positions and ranks. A department belongs to the area of its region: a
 * caller sees the departments whose region lies inside the scope. Days are ISO text (YYYY-MM-DD) so no time
 * zone shifts them; "today" is the caller's calendar day (Beijing), passed in.
 */

export type DepartmentRow = {
  id: number;
  code: string;
  name: string;
  kind: string;
  level: number;
  parentId: number | null;
  regionId: number;
  regionName: string;
  regionPath: string;
  sortOrder: number;
  validFrom: string;
  validTo: string | null;
  /** People in service today whose current department is this one (not counting the subtree). */
  staffCount: number;
};

function departmentColumns(today: string) {
  return sql`d.id, d.code, d.name, d.kind, d.level, d.parent_id as "parentId", d.region_id as "regionId",
    r.name as "regionName", r.path::text as "regionPath", d.sort_order as "sortOrder",
    to_char(d.valid_from, 'YYYY-MM-DD') as "validFrom", to_char(d.valid_to, 'YYYY-MM-DD') as "validTo",
    (select count(*)::int from staff s where s.department_id = d.id and s.hire_date <= ${today}::date
       and (s.leave_date is null or s.leave_date > ${today}::date)) as "staffCount"`;
}

/** The departments of the area in force today (valid_from ≤ today < valid_to), tree order left to the caller. */
export async function findDepartments(db: Kysely<DB>, scope: Scope, today: string): Promise<DepartmentRow[]> {
  const { rows } = await sql<DepartmentRow>`
    select ${departmentColumns(today)}
      from department d join region r on r.id = d.region_id
     where ${withinScope(sql`r.path`, scope)} and d.valid_from <= ${today}::date
       and (d.valid_to is null or d.valid_to > ${today}::date)
     order by d.level, d.sort_order, d.code`.execute(db);
  return rows;
}

/** One department (open or closed) when its region lies inside the scope. */
export async function findDepartmentById(
  db: Kysely<DB>,
  id: number,
  scope: Scope,
  today: string,
): Promise<DepartmentRow | undefined> {
  const { rows } = await sql<DepartmentRow>`
    select ${departmentColumns(today)} from department d join region r on r.id = d.region_id
     where d.id = ${id} and ${withinScope(sql`r.path`, scope)}`.execute(db);
  return rows[0];
}

/** Departments by code, inside the scope (the import names departments by code). */
export async function findDepartmentsByCodes(
  db: Kysely<DB>,
  codes: readonly string[],
  scope: Scope,
  today: string,
): Promise<DepartmentRow[]> {
  if (codes.length === 0) return [];
  const { rows } = await sql<DepartmentRow>`
    select ${departmentColumns(today)} from department d join region r on r.id = d.region_id
     where d.code = any(${codes as string[]}::text[]) and ${withinScope(sql`r.path`, scope)}`.execute(db);
  return rows;
}

/** Whether a department code is taken anywhere (codes are unique across the district, whoever can see them). */
export async function departmentCodeExists(db: Kysely<DB>, code: string): Promise<boolean> {
  const row = await db.selectFrom("department").select("id").where("code", "=", code).executeTakeFirst();
  return row !== undefined;
}

/** The ids of a department and every department below it (open or closed). */
export async function findDepartmentSubtreeIds(db: Kysely<DB>, id: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    with recursive t as (select id from department where id = ${id}
                         union all select d.id from department d join t on d.parent_id = t.id)
    select id from t`.execute(db);
  return rows.map((r) => r.id);
}

/** Open departments and people in service directly under a department (closing it needs both to be zero). */
export async function countDepartmentDependents(
  db: Kysely<DB>,
  id: number,
  day: string,
): Promise<{ children: number; staff: number }> {
  const { rows } = await sql<{ children: number; staff: number }>`
    select (select count(*)::int from department c where c.parent_id = ${id} and (c.valid_to is null or c.valid_to > ${day}::date)) as children,
           (select count(*)::int from staff s where s.department_id = ${id} and (s.leave_date is null or s.leave_date > ${day}::date)) as staff`.execute(
    db,
  );
  return rows[0];
}

export type DepartmentInsert = {
  code: string;
  name: string;
  kind: string;
  level: number;
  parentId: number | null;
  regionId: number;
  sortOrder: number;
  validFrom: string;
};

export async function insertDepartment(db: Kysely<DB>, d: DepartmentInsert): Promise<number> {
  const row = await db
    .insertInto("department")
    .values({
      code: d.code,
      name: d.name,
      kind: d.kind,
      level: d.level,
      parent_id: d.parentId,
      region_id: d.regionId,
      sort_order: d.sortOrder,
      valid_from: sql<Date>`${d.validFrom}::date`,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export type DepartmentPatch = Partial<{
  name: string;
  kind: string;
  parentId: number | null;
  sortOrder: number;
  validTo: string | null;
}>;

export async function updateDepartment(db: Kysely<DB>, id: number, patch: DepartmentPatch): Promise<void> {
  const values: Record<string, unknown> = {};
  if (patch.name !== undefined) values.name = patch.name;
  if (patch.kind !== undefined) values.kind = patch.kind;
  if (patch.parentId !== undefined) values.parent_id = patch.parentId;
  if (patch.sortOrder !== undefined) values.sort_order = patch.sortOrder;
  if (patch.validTo !== undefined) values.valid_to = patch.validTo === null ? null : sql`${patch.validTo}::date`;
  if (Object.keys(values).length === 0) return;
  await db.updateTable("department").set(values).where("id", "=", id).execute();
}

/** Whether `ancestorId` is `id` itself or above it (a department may not move under its own subtree). */
export async function isDepartmentInSubtree(db: Kysely<DB>, ancestorId: number, id: number): Promise<boolean> {
  const ids = await findDepartmentSubtreeIds(db, ancestorId);
  return ids.includes(id);
}

export type PositionRow = { id: number; code: string; name: string; gridRole: string | null };
export type RankRow = { id: number; code: string; name: string; ordinal: number };

export async function findPositions(db: Kysely<DB>): Promise<PositionRow[]> {
  return db
    .selectFrom("staff_position")
    .select(["id", "code", "name", "grid_role as gridRole"])
    .orderBy("sort_order")
    .orderBy("id")
    .execute();
}

export async function findRanks(db: Kysely<DB>): Promise<RankRow[]> {
  return db.selectFrom("staff_rank").select(["id", "code", "name", "ordinal"]).orderBy("ordinal").execute();
}
