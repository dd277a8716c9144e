/**
 * The daily-results and monthly-report half of `npm run bench:attendance` (issue 11, Benchmark):
 * - daily: every person's day (lib/attendance/days/compute-days.ts: one read of the inputs, the pure rule per
 *   person, one upsert) for a working day of 4,000 staff; goal ≤ 5 s. Floors in the same run: the bare SQL
 *   aggregate of the day's punches per person (read floor), and the same aggregate written straight into
 *   attendance_day by one INSERT … SELECT … ON CONFLICT without the rule (write floor, rolled back).
 * - monthly: a new version of the month's report (lib/attendance/reports/generate-month-report.ts, rows
 *   set-based) over a month of computed days; goal ≤ 30 s. Floor: the bare SQL aggregate of the month's days
 *   per person.
 * The staff are made here (`BENCH-n`, one department tree, a rule on the parent), with a month of punches:
 * most on time, some late, early, outside, missing or absent, and weekends off.
 */
import { sql as kysql } from "kysely";
import type { Connection } from "../db/client";
import { computeAttendanceDays } from "../lib/attendance/days/compute-days";
import { writeMonthReport } from "../lib/attendance/reports/generate-month-report";
import { loadCaseConfig } from "../lib/case/case-config";
import { addDays, dayClassOf } from "../lib/case/working-calendar";
import { percentile } from "./stats";

export type DaysBenchOptions = { staff: number; runs: number; month: string; log: (line: string) => void };

export type Timing = { medianMs: number; maxMs: number; runs: number };

export type DaysBenchResult = {
  staff: number;
  daily: { day: string; rows: number; compute: Timing; readFloor: Timing; writeFloor: Timing; goalMs: number; met: boolean };
  monthly: { month: string; rows: number; daysComputedMs: number; report: Timing; floor: Timing; goalMs: number; met: boolean };
};

async function time(runs: number, work: () => Promise<unknown>): Promise<Timing> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { medianMs: Math.round(percentile(samples, 50)), maxMs: Math.round(samples[samples.length - 1]), runs };
}

/** Rolls a unit of work back after timing it (a floor that must not leave rows behind). */
class Rollback extends Error {}

async function makeStaff(conn: Connection, staff: number, month: string, log: (line: string) => void): Promise<number[]> {
  const { db } = conn;
  log(`making ${staff.toLocaleString("en-US")} staff and a month of punches (${month})`);
  await kysql`delete from attendance_month_report where month = ${`${month}-01`}::date`.execute(db);
  await kysql`delete from staff where staff_no like 'BENCH-%'`.execute(db);
  await kysql`delete from department where code like 'bench-%'`.execute(db);
  await kysql`insert into staff_position (code, name) values ('bench', '基准测试岗位') on conflict (code) do nothing`.execute(db);
  await kysql`insert into staff_rank (code, name, ordinal) values ('bench', '基准测试职级', 998) on conflict (code) do nothing`.execute(
    db,
  );
  const { rows: parent } = await kysql<{ id: number }>`
    insert into department (code, name, kind, level, region_id)
    select 'bench-root', '基准测试街道', 'office', 1, id from region where level = 1 order by code limit 1 returning id`.execute(
    db,
  );
  await kysql`
    insert into department (code, name, kind, level, parent_id, region_id)
    select 'bench-' || r.id, '基准测试' || r.name, 'grid_office', r.level, ${parent[0].id}, r.id
      from region r where r.level = 2`.execute(db);
  await kysql`delete from attendance_rule where name = '基准测试班次'`.execute(db);
  await kysql`insert into attendance_rule (name, department_id, start_minute, end_minute, required_patrols, valid_from)
              values ('基准测试班次', ${parent[0].id}, 540, 1020, 2, '2020-01-01')`.execute(db);
  const { rows: ids } = await kysql<{ id: number }>`
    with d as (select row_number() over (order by id) as k, id from department where code like 'bench-%' and parent_id is not null),
         n as (select count(*) as n from d)
    insert into staff (staff_no, name, department_id, position_id, rank_id, hire_date, district_code)
    select 'BENCH-' || i, '基准' || i, d.id, (select id from staff_position where code = 'bench'),
           (select id from staff_rank where code = 'bench'), '2020-01-01', '110112'
      from generate_series(1, ${staff}) i, n, d where d.k = i % n.n + 1
    returning id`.execute(db);
  const staffIds = ids.map((r) => r.id);
  const { calendar } = await loadCaseConfig(db);
  const first = `${month}-01`;
  for (let day = first; day.startsWith(month); day = addDays(day, 1)) {
    if (dayClassOf(day, calendar) !== "workday") continue;
    // Per person i: 3 % absent, 2 % no out, 5 % late (09:06–09:35), 3 % early (16:20), 2 % outside, 10 % overtime to 19:00.
    await kysql`
      with s as (select id, (id * 7919 + extract(doy from ${day}::date)::int * 104729) % 100 as r from staff where staff_no like 'BENCH-%')
      insert into attendance_punch (staff_id, request_id, kind, server_at, day, inside)
      select s.id, gen_random_uuid(), k.kind,
             (${day}::date + case when k.kind = 'in' then (case when s.r between 3 and 7 then interval '9 hours' + (s.r * 6 + 6) * interval '1 minute'
                                                                  else interval '8 hours 50 minutes' end)
                                  else (case when s.r between 8 and 10 then interval '16 hours 20 minutes'
                                             when s.r between 20 and 29 then interval '19 hours'
                                             else interval '17 hours 2 minutes' end) end) at time zone 'Asia/Shanghai',
             ${day}::date, not (s.r between 11 and 12 and k.kind = 'in')
        from s cross join (values ('in'), ('out')) k(kind)
       where s.r >= 3 and not (k.kind = 'out' and s.r between 13 and 14)`.execute(db);
  }
  await kysql`analyze attendance_punch`.execute(db);
  return staffIds;
}

/** Runs the daily and the monthly parts; the database must hold a district (the runner loads the small one). */
export async function runAttendanceDaysBench(conn: Connection, options: DaysBenchOptions): Promise<DaysBenchResult> {
  const { db } = conn;
  const { log, month, runs } = options;
  const staffIds = await makeStaff(conn, options.staff, month, log);
  const { calendar } = await loadCaseConfig(db);
  const from = `${month}-01`;
  const days: string[] = [];
  for (let d = from; d.startsWith(month); d = addDays(d, 1)) days.push(d);
  const workday = days.find((d) => dayClassOf(d, calendar) === "workday" && d >= `${month}-10`)!;

  log(`computing every day of ${month} once (the month's input)`);
  const monthStarted = performance.now();
  for (const d of days) await computeAttendanceDays(db, { day: d, calendar });
  const daysComputedMs = Math.round(performance.now() - monthStarted);
  const { rows: counted } = await kysql<{
    n: number;
  }>`select count(*)::int as n from attendance_day where day = ${workday}::date`.execute(db);

  log(`daily: ${workday}, ${counted[0].n} people, ${runs} runs`);
  const compute = await time(runs, () => computeAttendanceDays(db, { day: workday, calendar }));
  const readFloor = await time(runs, () =>
    kysql`select staff_id, min(server_at) filter (where kind = 'in'), max(server_at) filter (where kind = 'out'),
                 count(*) filter (where not inside)
            from attendance_punch where day = ${workday}::date group by staff_id`.execute(db),
  );
  const writeFloor = await time(runs, () =>
    db
      .transaction()
      .execute(async (trx) => {
        await kysql`
          insert into attendance_day (staff_id, day, status, first_in, last_out, outside_punches)
          select staff_id, ${workday}::date, 'normal', min(server_at) filter (where kind = 'in'), max(server_at) filter (where kind = 'out'),
                 count(*) filter (where not inside)
            from attendance_punch where day = ${workday}::date group by staff_id
          on conflict (staff_id, day) do update set first_in = excluded.first_in, last_out = excluded.last_out,
             outside_punches = excluded.outside_punches, computed_at = now()`.execute(trx);
        throw new Rollback();
      })
      .catch((e) => {
        if (!(e instanceof Rollback)) throw e;
      }),
  );

  log(`monthly: ${month}, ${runs} runs`);
  let rows = 0;
  const report = await time(runs, async () => {
    rows = (await writeMonthReport(db, month, null)).rows;
  });
  const floor = await time(runs, () =>
    kysql`select staff_id, count(*) filter (where status not in ('rest', 'holiday')), count(*) filter (where late_minutes > 0),
                 sum(late_minutes), count(*) filter (where status = 'absent'), sum(overtime_workday_minutes), sum(patrols_done)
            from attendance_day where day >= ${from}::date and day < ${from}::date + interval '1 month' group by staff_id`.execute(
      db,
    ),
  );
  return {
    staff: staffIds.length,
    daily: { day: workday, rows: counted[0].n, compute, readFloor, writeFloor, goalMs: 5000, met: compute.medianMs <= 5000 },
    monthly: { month, rows, daysComputedMs, report, floor, goalMs: 30000, met: report.medianMs <= 30000 },
  };
}
