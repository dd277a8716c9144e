import { sql } from "kysely";
import type { Database } from "../client";

/** What the daily rule needs of one person for one local day (lib/attendance/days/compute-day.ts). */
export type DayInputRow = {
  staffId: number;
  departmentId: number | null;
  rule: {
    id: number;
    startMinute: number;
    endMinute: number;
    lateGraceMinutes: number;
    earlyGraceMinutes: number;
    minWorkMinutes: number;
    requiredPatrols: number;
  } | null;
  punches: { kind: "in" | "out"; at: string; inside: boolean; corrected: boolean }[];
  onLeave: boolean;
  patrolsDone: number;
  /** Regular (non-overtime) work-day minutes of the earlier days of the week (from `weekStart`). */
  weekRegularBefore: number;
};

/**
 * The inputs of every person employed on `day` (or only `staffIds`), in one statement. The rule in force is
 * picked as lib/attendance/rules/resolveAttendanceRule picks it for one person: the person's own rule, else
 * the rule of the department they belonged to that day (staff_job, else the current department), else the
 * nearest ancestor department's; null when none (the caller uses the default rule).
 */
export async function findDayInputs(
  db: Database,
  input: { day: string; weekStart: string; staffIds?: readonly number[] },
): Promise<DayInputRow[]> {
  const { day, weekStart } = input;
  const only = input.staffIds ? sql`and s.id = any(${`{${input.staffIds.join(",")}}`}::bigint[])` : sql``;
  const { rows } = await sql<DayInputRow>`
    with recursive target as (
      select s.id as staff_id,
             coalesce((select j.department_id from staff_job j
                        where j.staff_id = s.id and j.valid_from <= ${day}::date
                          and (j.valid_to is null or j.valid_to > ${day}::date) limit 1),
                      s.department_id) as department_id
        from staff s
       where s.hire_date <= ${day}::date and (s.leave_date is null or s.leave_date > ${day}::date) ${only}
    ), chain (department_id, ancestor_id, depth) as (
      select d.id, d.id, 0 from department d
      union all
      select c.department_id, d.parent_id, c.depth + 1
        from chain c join department d on d.id = c.ancestor_id
       where d.parent_id is not null and c.depth < 16
    ), rules as (
      select r.* from attendance_rule r
       where r.valid_from <= ${day}::date and (r.valid_to is null or r.valid_to > ${day}::date)
    ), staff_rule as (
      select * from rules where staff_id is not null
    ), department_rule as (
      select distinct on (c.department_id) c.department_id as for_department_id, r.*
        from chain c join rules r on r.department_id = c.ancestor_id
       order by c.department_id, c.depth
    ), punches as (
      select p.staff_id,
             json_agg(json_build_object('kind', p.kind, 'at', p.server_at, 'inside', p.inside,
                                        'corrected', p.correction_id is not null) order by p.server_at) as punches
        from attendance_punch p
       where p.day = ${day}::date
       group by p.staff_id
    ), leave as (
      select distinct q.staff_id from attendance_request q
       where q.kind = 'leave' and q.state = 'approved' and q.day <= ${day}::date and coalesce(q.until_day, q.day) >= ${day}::date
    ), patrols as (
      select staff_id, count(*)::int as n from patrol where day = ${day}::date and counted group by staff_id
    ), week as (
      select staff_id, sum(greatest(worked_minutes - overtime_workday_minutes, 0))::int as regular
        from attendance_day
       where day >= ${weekStart}::date and day < ${day}::date and status not in ('rest', 'holiday')
       group by staff_id
    )
    select t.staff_id as "staffId", t.department_id as "departmentId",
           case when sr.id is not null then ${ruleJson("sr")} when dr.id is not null then ${ruleJson("dr")} end as rule,
           coalesce(p.punches, '[]'::json) as punches,
           l.staff_id is not null as "onLeave",
           coalesce(pt.n, 0) as "patrolsDone",
           coalesce(w.regular, 0) as "weekRegularBefore"
      from target t
      left join punches p on p.staff_id = t.staff_id
      left join leave l on l.staff_id = t.staff_id
      left join patrols pt on pt.staff_id = t.staff_id
      left join week w on w.staff_id = t.staff_id
      left join staff_rule sr on sr.staff_id = t.staff_id
      left join department_rule dr on dr.for_department_id = t.department_id
     order by t.staff_id`.execute(db);
  return rows;
}

function ruleJson(alias: "sr" | "dr") {
  const a = sql.raw(alias);
  return sql`json_build_object('id', ${a}.id, 'startMinute', ${a}.start_minute, 'endMinute', ${a}.end_minute,
    'lateGraceMinutes', ${a}.late_grace_minutes, 'earlyGraceMinutes', ${a}.early_grace_minutes,
    'minWorkMinutes', ${a}.min_work_minutes, 'requiredPatrols', ${a}.required_patrols)`;
}

/** One computed day as attendance_day stores it. */
export type AttendanceDayValues = {
  staffId: number;
  status: string;
  firstIn: string | null;
  lastOut: string | null;
  lateMinutes: number;
  earlyMinutes: number;
  workedMinutes: number;
  outsidePunches: number;
  patrolsDone: number;
  patrolsRequired: number;
  overtimeWorkdayMinutes: number;
  overtimeRestdayMinutes: number;
  overtimeHolidayMinutes: number;
  departmentId: number | null;
  ruleId: number | null;
};

/** Writes the computed days of one local day in one statement (insert or replace), as one JSON parameter. */
export async function upsertAttendanceDays(db: Database, day: string, values: readonly AttendanceDayValues[]): Promise<number> {
  if (values.length === 0) return 0;
  const result = await sql`
    insert into attendance_day (staff_id, day, status, first_in, last_out, late_minutes, early_minutes, worked_minutes,
      outside_punches, patrols_done, patrols_required, overtime_workday_minutes, overtime_restday_minutes,
      overtime_holiday_minutes, department_id, rule_id, computed_at)
    select v."staffId", ${day}::date, v.status, v."firstIn", v."lastOut", v."lateMinutes", v."earlyMinutes",
           v."workedMinutes", v."outsidePunches", v."patrolsDone", v."patrolsRequired", v."overtimeWorkdayMinutes",
           v."overtimeRestdayMinutes", v."overtimeHolidayMinutes", v."departmentId", v."ruleId", now()
      from jsonb_to_recordset(${JSON.stringify(values)}::text::jsonb) as v("staffId" bigint, status text, "firstIn" timestamptz,
           "lastOut" timestamptz, "lateMinutes" int, "earlyMinutes" int, "workedMinutes" int, "outsidePunches" int,
           "patrolsDone" smallint, "patrolsRequired" smallint, "overtimeWorkdayMinutes" int, "overtimeRestdayMinutes" int,
           "overtimeHolidayMinutes" int, "departmentId" int, "ruleId" bigint)
    on conflict (staff_id, day) do update set
      status = excluded.status, first_in = excluded.first_in, last_out = excluded.last_out,
      late_minutes = excluded.late_minutes, early_minutes = excluded.early_minutes, worked_minutes = excluded.worked_minutes,
      outside_punches = excluded.outside_punches, patrols_done = excluded.patrols_done,
      patrols_required = excluded.patrols_required, overtime_workday_minutes = excluded.overtime_workday_minutes,
      overtime_restday_minutes = excluded.overtime_restday_minutes, overtime_holiday_minutes = excluded.overtime_holiday_minutes,
      department_id = excluded.department_id, rule_id = excluded.rule_id, computed_at = excluded.computed_at`.execute(db);
  return Number(result.numAffectedRows ?? values.length);
}

/** A computed day as the pages read it. */
export type AttendanceDayRow = AttendanceDayValues & { day: string; staffName: string; staffNo: string };

const DAY_COLUMNS = sql`d.staff_id as "staffId", to_char(d.day, 'YYYY-MM-DD') as day, d.status,
  d.first_in as "firstIn", d.last_out as "lastOut", d.late_minutes as "lateMinutes", d.early_minutes as "earlyMinutes",
  d.worked_minutes as "workedMinutes", d.outside_punches as "outsidePunches", d.patrols_done as "patrolsDone",
  d.patrols_required as "patrolsRequired", d.overtime_workday_minutes as "overtimeWorkdayMinutes",
  d.overtime_restday_minutes as "overtimeRestdayMinutes", d.overtime_holiday_minutes as "overtimeHolidayMinutes",
  d.department_id as "departmentId", d.rule_id as "ruleId", s.name as "staffName", s.staff_no as "staffNo"`;

/** One person's days in [from, to]. */
export async function findStaffDays(db: Database, staffId: number, from: string, to: string): Promise<AttendanceDayRow[]> {
  const { rows } = await sql<AttendanceDayRow>`
    select ${DAY_COLUMNS} from attendance_day d join staff s on s.id = d.staff_id
     where d.staff_id = ${staffId} and d.day between ${from}::date and ${to}::date
     order by d.day`.execute(db);
  return rows;
}
