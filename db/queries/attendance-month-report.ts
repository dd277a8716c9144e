import { sql } from "kysely";
import type { Database } from "../client";
import type { Scope } from "./scope";
import { staffWithinScope } from "./staff-scope";

export type MonthReportRow = {
  id: number;
  month: string;
  version: number;
  state: "draft" | "confirmed" | "superseded";
  generatedAt: Date;
  confirmedAt: Date | null;
  rowCount: number;
};

/** The figures of one person's month, as attendance_month_row holds them. */
export type MonthFigures = {
  workDays: number;
  daysWorked: number;
  lateCount: number;
  lateMinutes: number;
  earlyCount: number;
  earlyMinutes: number;
  absentDays: number;
  missingPunches: number;
  outsideDays: number;
  corrections: number;
  leaveDays: number;
  overtimeWorkdayMinutes: number;
  overtimeRestdayMinutes: number;
  overtimeHolidayMinutes: number;
  patrolsDone: number;
  patrolsRequired: number;
};

export const MONTH_FIGURES: readonly (keyof MonthFigures)[] = [
  "workDays",
  "daysWorked",
  "lateCount",
  "lateMinutes",
  "earlyCount",
  "earlyMinutes",
  "absentDays",
  "missingPunches",
  "outsideDays",
  "corrections",
  "leaveDays",
  "overtimeWorkdayMinutes",
  "overtimeRestdayMinutes",
  "overtimeHolidayMinutes",
  "patrolsDone",
  "patrolsRequired",
];

export type MonthPersonRow = MonthFigures & {
  staffId: number;
  staffNo: string;
  staffName: string;
  departmentId: number | null;
  departmentName: string | null;
};

export type MonthDepartmentRow = MonthFigures & {
  departmentId: number | null;
  departmentName: string | null;
  staffCount: number;
};

const FIGURE_COLUMNS = sql`r.work_days as "workDays", r.days_worked as "daysWorked", r.late_count as "lateCount",
  r.late_minutes as "lateMinutes", r.early_count as "earlyCount", r.early_minutes as "earlyMinutes",
  r.absent_days as "absentDays", r.missing_punches as "missingPunches", r.outside_days as "outsideDays",
  r.corrections, r.leave_days as "leaveDays", r.overtime_workday_minutes as "overtimeWorkdayMinutes",
  r.overtime_restday_minutes as "overtimeRestdayMinutes", r.overtime_holiday_minutes as "overtimeHolidayMinutes",
  r.patrols_done as "patrolsDone", r.patrols_required as "patrolsRequired"`;

const REPORT_COLUMNS = sql`m.id, to_char(m.month, 'YYYY-MM') as month, m.version, m.state, m.generated_at as "generatedAt",
  m.confirmed_at as "confirmedAt", (select count(*)::int from attendance_month_row x where x.report_id = m.id) as "rowCount"`;

/** Serialises report runs of one month (two HR clerks pressing 生成 at once make versions n and n+1, never two n). */
export async function lockMonthReports(db: Database, month: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`attendance_month_report:${month}`}))`.execute(db);
}

/**
 * A new version of the month's report: earlier drafts become 'superseded'; a confirmed version stays confirmed
 * (it is what was locked; the new draft shows the differences until HR confirms it in its turn).
 */
export async function insertMonthReport(
  db: Database,
  month: string,
  generatedBy: number | null,
): Promise<{ id: number; version: number }> {
  await sql`update attendance_month_report set state = 'superseded' where month = ${`${month}-01`}::date and state = 'draft'`.execute(
    db,
  );
  const { rows } = await sql<{ id: number; version: number }>`
    insert into attendance_month_report (month, version, generated_by)
    select ${`${month}-01`}::date, coalesce(max(version), 0) + 1, ${generatedBy}
      from attendance_month_report where month = ${`${month}-01`}::date
    returning id, version`.execute(db);
  return rows[0];
}

/**
 * The rows of a report, set-based from the month's computed days (attendance_day), one per person: every figure
 * is a count or a sum of the days, so the month equals the sum of its days. Corrections are the approved 补卡 of
 * the month's days. The department is the person's department on their last computed day of the month.
 */
export async function insertMonthRows(db: Database, reportId: number, month: string): Promise<number> {
  const from = `${month}-01`;
  const result = await sql`
    insert into attendance_month_row (report_id, staff_id, department_id, work_days, days_worked, late_count, late_minutes,
      early_count, early_minutes, absent_days, missing_punches, outside_days, corrections, leave_days,
      overtime_workday_minutes, overtime_restday_minutes, overtime_holiday_minutes, patrols_done, patrols_required)
    select ${reportId}, d.staff_id, (array_agg(d.department_id order by d.day desc))[1],
           count(*) filter (where d.status not in ('rest', 'holiday')),
           count(*) filter (where d.status in ('normal', 'late', 'early_leave', 'late_and_early', 'outside', 'missing_punch')),
           count(*) filter (where d.late_minutes > 0), sum(d.late_minutes),
           count(*) filter (where d.early_minutes > 0), sum(d.early_minutes),
           count(*) filter (where d.status = 'absent'), count(*) filter (where d.status = 'missing_punch'),
           count(*) filter (where d.status = 'outside'), coalesce(max(c.n), 0),
           count(*) filter (where d.status = 'leave'),
           sum(d.overtime_workday_minutes), sum(d.overtime_restday_minutes), sum(d.overtime_holiday_minutes),
           sum(d.patrols_done), sum(d.patrols_required)
      from attendance_day d
      left join (select staff_id, count(*)::int as n from attendance_request
                  where kind = 'correction' and state = 'approved'
                    and day >= ${from}::date and day < ${from}::date + interval '1 month'
                  group by staff_id) c on c.staff_id = d.staff_id
     where d.day >= ${from}::date and d.day < ${from}::date + interval '1 month'
     group by d.staff_id`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export async function findMonthReports(db: Database, month: string): Promise<MonthReportRow[]> {
  const { rows } = await sql<MonthReportRow>`
    select ${REPORT_COLUMNS} from attendance_month_report m where m.month = ${`${month}-01`}::date order by m.version desc`.execute(
    db,
  );
  return rows;
}

export async function findMonthReport(
  db: Database,
  id: number,
  options: { lock?: boolean } = {},
): Promise<MonthReportRow | undefined> {
  const lock = options.lock ? sql`for update` : sql``;
  const { rows } =
    await sql<MonthReportRow>`select ${REPORT_COLUMNS} from attendance_month_report m where m.id = ${id} ${lock}`.execute(db);
  return rows[0];
}

/** Whether any report exists for a month. */
export async function hasMonthReport(db: Database, month: string): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    select exists (select 1 from attendance_month_report where month = ${`${month}-01`}::date) as found`.execute(db);
  return rows[0].found;
}

/** Confirms (locks) a draft: a confirmed earlier version of the month becomes 'superseded'. */
export async function confirmMonthReport(db: Database, id: number, month: string, by: number | null): Promise<void> {
  await sql`update attendance_month_report set state = 'superseded'
             where month = ${`${month}-01`}::date and state = 'confirmed' and id <> ${id}`.execute(db);
  await sql`update attendance_month_report set state = 'confirmed', confirmed_at = now(), confirmed_by = ${by} where id = ${id}`.execute(
    db,
  );
}

/** The people of a report inside the scope, by department and staff number. */
export async function findMonthPersonRows(db: Database, reportId: number, scope: Scope): Promise<MonthPersonRow[]> {
  const { rows } = await sql<MonthPersonRow>`
    select r.staff_id as "staffId", s.staff_no as "staffNo", s.name as "staffName", r.department_id as "departmentId",
           dp.name as "departmentName", ${FIGURE_COLUMNS}
      from attendance_month_row r join staff s on s.id = r.staff_id left join department dp on dp.id = r.department_id
     where r.report_id = ${reportId} and ${staffWithinScope(sql`r.staff_id`, scope)}
     order by dp.name nulls last, s.staff_no`.execute(db);
  return rows;
}

/** Department totals of a report inside the scope (sums of the people's rows). */
export async function findMonthDepartmentRows(db: Database, reportId: number, scope: Scope): Promise<MonthDepartmentRow[]> {
  const { rows } = await sql<MonthDepartmentRow>`
    select r.department_id as "departmentId", dp.name as "departmentName", count(*)::int as "staffCount",
           sum(r.work_days)::int as "workDays", sum(r.days_worked)::int as "daysWorked", sum(r.late_count)::int as "lateCount",
           sum(r.late_minutes)::int as "lateMinutes", sum(r.early_count)::int as "earlyCount",
           sum(r.early_minutes)::int as "earlyMinutes", sum(r.absent_days)::int as "absentDays",
           sum(r.missing_punches)::int as "missingPunches", sum(r.outside_days)::int as "outsideDays",
           sum(r.corrections)::int as corrections, sum(r.leave_days)::int as "leaveDays",
           sum(r.overtime_workday_minutes)::int as "overtimeWorkdayMinutes",
           sum(r.overtime_restday_minutes)::int as "overtimeRestdayMinutes",
           sum(r.overtime_holiday_minutes)::int as "overtimeHolidayMinutes", sum(r.patrols_done)::int as "patrolsDone",
           sum(r.patrols_required)::int as "patrolsRequired"
      from attendance_month_row r left join department dp on dp.id = r.department_id
     where r.report_id = ${reportId} and ${staffWithinScope(sql`r.staff_id`, scope)}
     group by r.department_id, dp.name
     order by dp.name nulls last`.execute(db);
  return rows;
}

/** The people whose figures differ between two reports (or who are in only one of them), inside the scope. */
export async function findMonthRowDifferences(
  db: Database,
  reportId: number,
  otherId: number,
  scope: Scope,
): Promise<{ staffId: number; staffNo: string; staffName: string; fields: string[] }[]> {
  const { rows } = await sql<{
    staffId: number;
    staffNo: string;
    staffName: string;
    a: MonthFigures | null;
    b: MonthFigures | null;
  }>`
    select coalesce(a.staff_id, b.staff_id) as "staffId", s.staff_no as "staffNo", s.name as "staffName",
           (select to_json(x) from (select ${FIGURE_COLUMNS} from attendance_month_row r where r.report_id = a.report_id and r.staff_id = a.staff_id) x) as a,
           (select to_json(x) from (select ${FIGURE_COLUMNS} from attendance_month_row r where r.report_id = b.report_id and r.staff_id = b.staff_id) x) as b
      from (select * from attendance_month_row where report_id = ${reportId}) a
      full join (select * from attendance_month_row where report_id = ${otherId}) b on b.staff_id = a.staff_id
      join staff s on s.id = coalesce(a.staff_id, b.staff_id)
     where ${staffWithinScope(sql`s.id`, scope)}
       and row(a.work_days, a.days_worked, a.late_count, a.late_minutes, a.early_count, a.early_minutes, a.absent_days,
               a.missing_punches, a.outside_days, a.corrections, a.leave_days, a.overtime_workday_minutes,
               a.overtime_restday_minutes, a.overtime_holiday_minutes, a.patrols_done, a.patrols_required)
           is distinct from
           row(b.work_days, b.days_worked, b.late_count, b.late_minutes, b.early_count, b.early_minutes, b.absent_days,
               b.missing_punches, b.outside_days, b.corrections, b.leave_days, b.overtime_workday_minutes,
               b.overtime_restday_minutes, b.overtime_holiday_minutes, b.patrols_done, b.patrols_required)
     order by s.staff_no
     limit 500`.execute(db);
  return rows.map((r) => ({
    staffId: r.staffId,
    staffNo: r.staffNo,
    staffName: r.staffName,
    fields: MONTH_FIGURES.filter((f) => (r.a?.[f] ?? null) !== (r.b?.[f] ?? null)),
  }));
}
