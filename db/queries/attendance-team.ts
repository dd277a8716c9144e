import { sql } from "kysely";
import type { Database } from "../client";
import { scopeLiteral, type Scope } from "./scope";
import { staffWithinScope } from "./staff-scope";

export type TeamDayCell = { day: string; status: string; lateMinutes: number; earlyMinutes: number };
export type TeamPersonDays = {
  staffId: number;
  staffNo: string;
  staffName: string;
  departmentName: string | null;
  days: TeamDayCell[];
};

/**
 * The people of an area with their computed days of [from, to], one page in staff-number order (keyset: after
 * `afterStaffNo`). Filters: a department (and its sub-departments), a status that must occur at least once.
 */
export async function findTeamDays(
  db: Database,
  input: {
    scope: Scope;
    from: string;
    to: string;
    departmentId: number | null;
    status: string | null;
    afterStaffNo: string | null;
    limit: number;
  },
): Promise<TeamPersonDays[]> {
  const dept = input.departmentId
    ? sql`and s.department_id in (with recursive sub as (select id from department where id = ${input.departmentId}
            union all select d.id from department d join sub on d.parent_id = sub.id) select id from sub)`
    : sql``;
  const status = input.status
    ? sql`and exists (select 1 from attendance_day x where x.staff_id = s.id and x.day between ${input.from}::date and ${input.to}::date
                        and x.status = ${input.status})`
    : sql``;
  const after = input.afterStaffNo ? sql`and s.staff_no > ${input.afterStaffNo}` : sql``;
  const { rows } = await sql<TeamPersonDays>`
    select s.id as "staffId", s.staff_no as "staffNo", s.name as "staffName", dp.name as "departmentName",
           coalesce((select json_agg(json_build_object('day', to_char(d.day, 'YYYY-MM-DD'), 'status', d.status,
                                                       'lateMinutes', d.late_minutes, 'earlyMinutes', d.early_minutes) order by d.day)
                       from attendance_day d where d.staff_id = s.id and d.day between ${input.from}::date and ${input.to}::date),
                    '[]'::json) as days
      from staff s left join department dp on dp.id = s.department_id
     where ${staffWithinScope(sql`s.id`, input.scope)} ${dept} ${status} ${after}
     order by s.staff_no
     limit ${input.limit}`.execute(db);
  return rows;
}

/** Departments whose region lies in the area, for the filter. */
export async function findDepartmentsInScope(db: Database, scope: Scope): Promise<{ id: number; name: string }[]> {
  const { rows } = await sql<{ id: number; name: string }>`
    select d.id, d.name from department d join region r on r.id = d.region_id
     where r.path <@ ${scopeLiteral(scope)}::ltree[] and (d.valid_to is null or d.valid_to > current_date)
     order by d.level, d.sort_order, d.name
     limit 500`.execute(db);
  return rows;
}

/** The ids of the people of an area (for a recompute of their days). */
export async function findStaffIdsInScope(db: Database, scope: Scope): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`select s.id from staff s where ${staffWithinScope(sql`s.id`, scope)}`.execute(db);
  return rows.map((r) => r.id);
}
