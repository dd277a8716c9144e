import { sql } from "kysely";
import type { Database } from "../client";
import { scopeLiteral, type Scope } from "./scope";
import { staffWithinScope } from "./staff-scope";

/** An attendance_rule row as the verbs and the resolver read it (dates as "YYYY-MM-DD"). */
export type AttendanceRuleRow = {
  id: number;
  name: string;
  departmentId: number | null;
  staffId: number | null;
  startMinute: number;
  endMinute: number;
  lateGraceMinutes: number;
  earlyGraceMinutes: number;
  minWorkMinutes: number;
  requiredPatrols: number;
  allowOutsideWithReason: boolean;
  maxAccuracyM: number;
  validFrom: string;
  validTo: string | null;
  version: number;
};

const RULE_COLUMNS = sql`r.id, r.name, r.department_id as "departmentId", r.staff_id as "staffId",
  r.start_minute as "startMinute", r.end_minute as "endMinute", r.late_grace_minutes as "lateGraceMinutes",
  r.early_grace_minutes as "earlyGraceMinutes", r.min_work_minutes as "minWorkMinutes",
  r.required_patrols as "requiredPatrols", r.allow_outside_with_reason as "allowOutsideWithReason",
  r.max_accuracy_m as "maxAccuracyM", to_char(r.valid_from, 'YYYY-MM-DD') as "validFrom",
  to_char(r.valid_to, 'YYYY-MM-DD') as "validTo", r.version`;

/**
 * The rule in force for one person on one local day, nearest first: the person's own rule (depth -1), else the
 * rule of the department they belonged to that day (staff_job, falling back to the current department for a
 * day before their history starts), else the nearest ancestor department's (depth 1, 2 …). Undefined: no rule
 * anywhere up the tree. `departmentId` is the person's department that day (null: unknown person).
 */
export async function findRuleInForce(
  db: Database,
  staffId: number,
  day: string,
): Promise<{ rule: (AttendanceRuleRow & { depth: number }) | undefined; departmentId: number | null }> {
  const { rows } = await sql<AttendanceRuleRow & { depth: number | null; personDepartmentId: number }>`
    with recursive person as (
      select coalesce(
               (select j.department_id from staff_job j
                 where j.staff_id = s.id and j.valid_from <= ${day}::date and (j.valid_to is null or j.valid_to > ${day}::date)
                 limit 1),
               s.department_id) as department_id
        from staff s where s.id = ${staffId}
    ), chain (id, parent_id, depth) as (
      select d.id, d.parent_id, 0 from department d join person p on d.id = p.department_id
      union all
      -- the depth bound stops a (forbidden, but possible) cycle in the tree from looping forever
      select d.id, d.parent_id, c.depth + 1 from department d join chain c on d.id = c.parent_id where c.depth < 16
    )
    select (select department_id from person) as "personDepartmentId", q.*
      from (select 1) one
      left join lateral (
        select ${RULE_COLUMNS}, case when r.staff_id is not null then -1 else c.depth end as depth
          from attendance_rule r
          left join chain c on c.id = r.department_id
         where (r.staff_id = ${staffId} or c.id is not null)
           and r.valid_from <= ${day}::date and (r.valid_to is null or r.valid_to > ${day}::date)
         order by depth
         limit 1) q on true`.execute(db);
  const row = rows[0];
  if (!row) return { rule: undefined, departmentId: null };
  const { personDepartmentId, depth, ...rule } = row;
  return { rule: rule.id === null || depth === null ? undefined : { ...rule, depth }, departmentId: personDepartmentId ?? null };
}

export type AttendanceRuleValues = {
  name: string;
  departmentId: number | null;
  staffId: number | null;
  startMinute: number;
  endMinute: number;
  lateGraceMinutes: number;
  earlyGraceMinutes: number;
  minWorkMinutes: number;
  requiredPatrols: number;
  allowOutsideWithReason: boolean;
  maxAccuracyM: number;
  validFrom: string;
  validTo: string | null;
};

export async function insertAttendanceRule(
  db: Database,
  v: AttendanceRuleValues,
  createdBy: number | null,
): Promise<AttendanceRuleRow> {
  const { rows } = await sql<AttendanceRuleRow>`
    insert into attendance_rule as r (name, department_id, staff_id, start_minute, end_minute, late_grace_minutes,
      early_grace_minutes, min_work_minutes, required_patrols, allow_outside_with_reason, max_accuracy_m, valid_from,
      valid_to, created_by)
    values (${v.name}, ${v.departmentId}, ${v.staffId}, ${v.startMinute}, ${v.endMinute}, ${v.lateGraceMinutes},
      ${v.earlyGraceMinutes}, ${v.minWorkMinutes}, ${v.requiredPatrols}, ${v.allowOutsideWithReason}, ${v.maxAccuracyM},
      ${v.validFrom}::date, ${v.validTo}::date, ${createdBy})
    returning ${RULE_COLUMNS}`.execute(db);
  return rows[0];
}

/** Changes a rule if it still has `expectedVersion`; undefined when it changed meanwhile or is gone. */
export async function updateAttendanceRule(
  db: Database,
  id: number,
  expectedVersion: number,
  v: AttendanceRuleValues,
): Promise<AttendanceRuleRow | undefined> {
  const { rows } = await sql<AttendanceRuleRow>`
    update attendance_rule as r set name = ${v.name}, department_id = ${v.departmentId}, staff_id = ${v.staffId},
      start_minute = ${v.startMinute}, end_minute = ${v.endMinute}, late_grace_minutes = ${v.lateGraceMinutes},
      early_grace_minutes = ${v.earlyGraceMinutes}, min_work_minutes = ${v.minWorkMinutes},
      required_patrols = ${v.requiredPatrols}, allow_outside_with_reason = ${v.allowOutsideWithReason},
      max_accuracy_m = ${v.maxAccuracyM}, valid_from = ${v.validFrom}::date, valid_to = ${v.validTo}::date,
      version = r.version + 1, updated_at = now()
    where r.id = ${id} and r.version = ${expectedVersion}
    returning ${RULE_COLUMNS}`.execute(db);
  return rows[0];
}

/** Ends a rule on `validTo` (exclusive) if it still has `expectedVersion`. */
export async function closeAttendanceRule(
  db: Database,
  id: number,
  expectedVersion: number,
  validTo: string,
): Promise<AttendanceRuleRow | undefined> {
  const { rows } = await sql<AttendanceRuleRow>`
    update attendance_rule as r set valid_to = ${validTo}::date, version = r.version + 1, updated_at = now()
    where r.id = ${id} and r.version = ${expectedVersion}
    returning ${RULE_COLUMNS}`.execute(db);
  return rows[0];
}

/** Whether a rule's holder (its department, or its person) lies inside the scope. */
export function ruleHolderWithinScope(scope: Scope) {
  return sql<boolean>`(
    (r.department_id is not null and exists (select 1 from department d join region g on g.id = d.region_id
       where d.id = r.department_id and g.path <@ ${scopeLiteral(scope)}::ltree[]))
    or (r.staff_id is not null and ${staffWithinScope(sql`r.staff_id`, scope)}))`;
}

export type AttendanceRuleListRow = AttendanceRuleRow & { holderName: string; holderKind: "department" | "staff" };

/** One rule, if its holder lies inside the scope. */
export async function findAttendanceRuleInScope(
  db: Database,
  id: number,
  scope: Scope,
): Promise<AttendanceRuleListRow | undefined> {
  const { rows } = await sql<AttendanceRuleListRow>`
    select ${RULE_COLUMNS}, coalesce(d.name, s.name) as "holderName",
           case when r.staff_id is not null then 'staff' else 'department' end as "holderKind"
      from attendance_rule r left join department d on d.id = r.department_id left join staff s on s.id = r.staff_id
     where r.id = ${id} and ${ruleHolderWithinScope(scope)}`.execute(db);
  return rows[0];
}

/** The rules whose holder lies in the scope, optionally only those in force on `day`, newest first. */
export async function listAttendanceRulesInScope(
  db: Database,
  scope: Scope,
  filter: { day?: string; departmentId?: number; staffId?: number; limit: number },
): Promise<AttendanceRuleListRow[]> {
  const { rows } = await sql<AttendanceRuleListRow>`
    select ${RULE_COLUMNS}, coalesce(d.name, s.name) as "holderName",
           case when r.staff_id is not null then 'staff' else 'department' end as "holderKind"
      from attendance_rule r left join department d on d.id = r.department_id left join staff s on s.id = r.staff_id
     where ${ruleHolderWithinScope(scope)}
       ${filter.day ? sql`and r.valid_from <= ${filter.day}::date and (r.valid_to is null or r.valid_to > ${filter.day}::date)` : sql``}
       ${filter.departmentId !== undefined ? sql`and r.department_id = ${filter.departmentId}` : sql``}
       ${filter.staffId !== undefined ? sql`and r.staff_id = ${filter.staffId}` : sql``}
     order by r.valid_from desc, r.id desc
     limit ${filter.limit}`.execute(db);
  return rows;
}

/** Whether a department lies inside the scope (its region does). */
export async function departmentInScope(db: Database, departmentId: number, scope: Scope): Promise<boolean> {
  const { rows } = await sql<{ ok: number }>`
    select 1 as ok from department d join region g on g.id = d.region_id
     where d.id = ${departmentId} and g.path <@ ${scopeLiteral(scope)}::ltree[]`.execute(db);
  return rows.length > 0;
}

/** Whether a person lies inside the scope (staffWithinScope). */
export async function staffInScope(db: Database, staffId: number, scope: Scope): Promise<boolean> {
  const { rows } = await sql<{
    ok: number;
  }>`select 1 as ok from staff where id = ${staffId} and ${staffWithinScope(sql`${staffId}::bigint`, scope)}`.execute(db);
  return rows.length > 0;
}
