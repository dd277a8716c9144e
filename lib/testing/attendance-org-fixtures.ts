import { sql } from "kysely";
import type { Database } from "../../db/client";

/**
 * A small organisation for attendance tests, made with the owner's connection: departments (a tree over the
 * seeded regions), one position and rank, and staff in them. Codes carry a per-call prefix so test files
 * sharing one database never collide.
 */
export async function makeDepartment(
  db: Database,
  v: { code: string; name: string; regionId: number; parentId?: number | null; level?: number; kind?: string },
): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    insert into department (code, name, kind, level, parent_id, region_id)
    values (${v.code}, ${v.name}, ${v.kind ?? "office"}, ${v.level ?? 0}, ${v.parentId ?? null}, ${v.regionId})
    returning id`.execute(db);
  return rows[0].id;
}

export async function makeStaff(
  db: Database,
  v: { staffNo: string; name: string; departmentId: number; hireDate?: string },
): Promise<number> {
  const { rows: pos } = await sql<{ id: number }>`
    insert into staff_position (code, name) values ('fx-clerk', '科员') on conflict (code) do update set name = excluded.name returning id`.execute(
    db,
  );
  const { rows: rank } = await sql<{ id: number }>`
    insert into staff_rank (code, name, ordinal) values ('fx-r1', '一级', 901) on conflict (code) do update set name = excluded.name returning id`.execute(
    db,
  );
  const { rows } = await sql<{ id: number }>`
    insert into staff (staff_no, name, department_id, position_id, rank_id, hire_date, district_code)
    values (${v.staffNo}, ${v.name}, ${v.departmentId}, ${pos[0].id}, ${rank[0].id}, ${v.hireDate ?? "2020-01-01"}::date, 'test')
    returning id`.execute(db);
  return rows[0].id;
}

/** A staff_job row: the person's department over [from, to). */
export async function makeJob(
  db: Database,
  staffId: number,
  departmentId: number,
  from: string,
  to: string | null,
): Promise<void> {
  await sql`
    insert into staff_job (staff_id, department_id, position_id, rank_id, valid_from, valid_to, reason)
    select id, ${departmentId}, position_id, rank_id, ${from}::date, ${to}::date, 'hire' from staff where id = ${staffId}`.execute(
    db,
  );
}
