import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb } from "../testing/test-db";
import { seedAttendance, type AttendanceSeedReport } from "./attendance";

// The template holds the small district and its organisation (seeded at the template's build time); the demo
// attendance is loaded here for the 30 days before a fixed now.
const conn = openTestDb();
const { sql } = conn;
const NOW = new Date("2026-11-20T10:00:00+08:00");
let report: AttendanceSeedReport;

const one = async (query: Promise<{ n: number }[]>) => (await query)[0].n;

beforeAll(async () => {
  report = await seedAttendance(conn, { seed: 1, now: NOW, days: 30 });
});

afterAll(async () => {
  await conn.sql.end();
});

describe("the demo attendance of the small district", () => {
  it("draws a circle at every community workstation and a polygon at every street office and the command centre", async () => {
    const fences = await sql<{ kind: string; level: number; shape: string; n: number }[]>`
      select d.kind, d.level, a.shape, count(*)::int as n
        from attendance_point a join attendance_point_member m on m.point_id = a.id join department d on d.id = m.department_id
       group by 1, 2, 3 order by 2, 1`;
    expect(fences).toEqual([
      { kind: "command", level: 0, shape: "polygon", n: 1 },
      { kind: "office", level: 1, shape: "polygon", n: 2 },
      { kind: "grid_office", level: 2, shape: "circle", n: 16 },
    ]);
    expect(report.points).toBe(19);
    // Each fence lies in the region of its office.
    expect(
      await one(sql`select count(*)::int as n from attendance_point a join region r on r.id = a.region_id
                     where not st_intersects(r.geom, a.geom)`),
    ).toBe(0);
  });

  it("stores punches with the fence verdict: mostly inside, some outside with a reason, some sent offline", async () => {
    const [p] = await sql<{ total: number; inside: number; outside: number; offline: number; flaggedOutside: number }[]>`
      select count(*)::int as total, count(*) filter (where inside)::int as inside,
             count(*) filter (where not inside and outside_reason is not null)::int as outside,
             count(*) filter (where offline and 'offline' = any(review_flags) and device_at < server_at)::int as offline,
             count(*) filter (where 'outside' = any(review_flags))::int as "flaggedOutside"
        from attendance_punch`;
    expect(p.total).toBe(report.punches);
    expect(p.total).toBeGreaterThan(5000);
    expect(p.inside / p.total).toBeGreaterThan(0.95);
    expect(p.outside).toBeGreaterThan(0);
    expect(p.flaggedOutside).toBe(p.total - p.inside);
    expect(p.offline).toBeGreaterThan(0);
    // Inside punches lie at their fence by PostGIS's measure (within the accuracy allowance of at most 50 m).
    expect(
      await one(sql`
        select count(*)::int as n from attendance_punch p join attendance_point a on a.id = p.point_id
         where p.inside and st_distance(a.geom::geography, p.position::geography) > least(p.accuracy_m, 50) + 0.5`),
    ).toBe(0);
    // Every punch falls in the seeded days, before now.
    expect(
      await one(
        sql`select count(*)::int as n from attendance_punch where day < '2026-10-21' or day > '2026-11-19' or server_at > ${NOW}`,
      ),
    ).toBe(0);
  });

  it("computes every employed person's days with lib's daily rule, with the usual mix of results", async () => {
    const statuses = await sql<{ status: string; n: number }[]>`
      select status, count(*)::int as n from attendance_day group by 1 order by 1`;
    const of = (s: string) => statuses.find((x) => x.status === s)?.n ?? 0;
    for (const s of ["normal", "late", "early_leave", "missing_punch", "absent", "rest"]) expect(of(s), s).toBeGreaterThan(0);
    expect(of("normal") / statuses.reduce((a, x) => a + x.n, 0)).toBeGreaterThan(0.45);
    expect(report.dayRows).toBe(statuses.reduce((a, x) => a + x.n, 0));
    // One row per person and seeded day they were employed.
    expect(
      await one(sql`
        select count(*)::int as n from staff s cross join generate_series('2026-10-21'::date, '2026-11-19'::date, '1 day') g(d)
         where s.hire_date <= g.d and (s.leave_date is null or s.leave_date > g.d)
           and not exists (select from attendance_day a where a.staff_id = s.id and a.day = g.d)`),
    ).toBe(0);
  });

  it("records patrols with tracks inside the walker's grid, judged by lib's patrol rule and counted in the days", async () => {
    const [p] = await sql<{ total: number; counted: number; wrong: number; inside: number; points: number }[]>`
      select count(*)::int as total, count(*) filter (where counted)::int as counted,
             count(*) filter (where counted and (inside_share < 0.6 or ended_at - started_at < interval '30 minutes'))::int as wrong,
             count(*) filter (where inside_share >= 0.9)::int as inside,
             (select count(*)::int from patrol_point) as points
        from patrol`;
    expect(p.total).toBe(report.patrols);
    expect(p.points).toBe(report.patrolPoints);
    expect(p.total).toBeGreaterThan(2000);
    expect(p.counted / p.total).toBeGreaterThan(0.85);
    expect(p.wrong).toBe(0);
    expect(p.inside / p.total).toBeGreaterThan(0.8);
    // Each patrol is walked in the grid of the walker's post, between their punches.
    expect(
      await one(sql`select count(*)::int as n from patrol p where not exists (
                      select from grid_post g where g.staff_id = p.staff_id and g.region_id = p.region_id)`),
    ).toBe(0);
    const [d] = await sql<{ done: number; twice: number; rows: number }[]>`
      select sum(patrols_done)::int as done, count(*) filter (where patrols_done >= 2)::int as twice, count(*)::int as rows
        from attendance_day where patrols_required = 2 and status in ('normal', 'late', 'early_leave')`;
    expect(d.done).toBe(
      await one(sql`select count(*)::int as n from patrol p join attendance_day a on a.staff_id = p.staff_id
                                         and a.day = p.day and a.patrols_required = 2 and a.status in ('normal', 'late', 'early_leave')
                                        where p.counted`),
    );
    expect(d.twice / d.rows).toBeGreaterThan(0.7);
  });

  it("leaves a few pending 补卡 requests, each for a punch missing that day", async () => {
    const pending = await sql<{ ok: boolean }[]>`
      select not exists (select from attendance_punch p where p.staff_id = r.staff_id and p.day = r.day and p.kind = r.punch_kind) as ok
        from attendance_request r where r.kind = 'correction' and r.state = 'pending'`;
    expect(pending.length).toBe(report.requests);
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.every((r) => r.ok)).toBe(true);
  });
});
