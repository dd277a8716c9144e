import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "../../../db/client";
import {
  findMonthDepartmentRows,
  findMonthPersonRows,
  findMonthRowDifferences,
} from "../../../db/queries/attendance-month-report";
import type { RequestContext } from "../../context";
import { caseActor, populatedGridChains } from "../../testing/case-actors";
import { createDepartment, createStaff, insertPunch } from "../../testing/attendance-days-fixtures";
import { withSeededDistrict } from "../../testing/seeded-district";
import { computeAttendanceDays } from "../days/compute-days";
import { confirmMonthReport } from "./confirm-month-report";
import { generateMonthReport } from "./generate-month-report";

let owner: Connection;
let app: Connection;
withSeededDistrict((c, _ctx, a) => {
  owner = c;
  app = a;
});

const NOW = new Date("2026-12-03T10:00:00+08:00");
let hr: RequestContext;
let people: number[];
const district = ["110112"];

beforeAll(async () => {
  const chains = await populatedGridChains(owner);
  hr = await caseActor(owner, app, "days-hr", "hr_clerk", chains[0].district);
  const dept = await createDepartment(owner, { code: "days-month", regionId: chains[0].grid });
  people = await createStaff(owner, { departmentId: dept, count: 3, prefix: "M" });
  // Two weeks of November: person 0 always on time, person 1 late on Mondays and out late on Fridays, person 2 never.
  for (let d = 16; d <= 29; d++) {
    const day = `2026-11-${d}`;
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) {
      await insertPunch(owner, { staffId: people[0], kind: "in", local: `${day} 08:59:00` });
      await insertPunch(owner, { staffId: people[0], kind: "out", local: `${day} 17:00:00` });
      await insertPunch(owner, { staffId: people[1], kind: "in", local: `${day} ${weekday === 1 ? "09:20" : "09:00"}:00` });
      await insertPunch(owner, { staffId: people[1], kind: "out", local: `${day} ${weekday === 5 ? "19:00" : "17:00"}:00` });
    } else if (d === 21) {
      await insertPunch(owner, { staffId: people[1], kind: "in", local: `${day} 10:00:00` });
      await insertPunch(owner, { staffId: people[1], kind: "out", local: `${day} 12:00:00` });
    }
    await computeAttendanceDays(owner.db, { day, staffIds: people });
  }
});

describe("the monthly report", () => {
  it("every person's month equals the sum of their days", async () => {
    const report = await generateMonthReport({ ctx: hr, input: { month: "2026-11" }, now: NOW });
    expect([report.version, report.rows]).toEqual([1, 3]);
    const rows = await findMonthPersonRows(owner.db, report.id, district);
    const { rows: sums } = await sql<Record<string, number>>`
      select staff_id as "staffId", count(*) filter (where status not in ('rest', 'holiday'))::int as "workDays",
             count(*) filter (where late_minutes > 0)::int as "lateCount", sum(late_minutes)::int as "lateMinutes",
             count(*) filter (where status = 'absent')::int as "absentDays",
             sum(overtime_workday_minutes)::int as "overtimeWorkdayMinutes", sum(overtime_restday_minutes)::int as "overtimeRestdayMinutes"
        from attendance_day where day between '2026-11-01' and '2026-11-30' group by staff_id order by staff_id`.execute(
      owner.db,
    );
    for (const sum of sums) {
      const row = rows.find((r) => r.staffId === sum.staffId)!;
      for (const key of Object.keys(sum)) expect([key, row[key as keyof typeof row]]).toEqual([key, sum[key]]);
    }
    const p1 = rows.find((r) => r.staffId === people[1])!;
    // 10 working days; late on 2 Mondays (20 min each); 2 Fridays to 19:00 (120 min each at 150 %); Saturday 21st 2 h at 200 %.
    expect([p1.workDays, p1.lateCount, p1.lateMinutes, p1.overtimeWorkdayMinutes, p1.overtimeRestdayMinutes]).toEqual([
      10, 2, 40, 240, 120,
    ]);
    const p2 = rows.find((r) => r.staffId === people[2])!;
    expect([p2.absentDays, p2.daysWorked]).toEqual([10, 0]);
    const depts = await findMonthDepartmentRows(owner.db, report.id, district);
    const mine = depts.find((d) => d.departmentName === "测试部门days-month")!;
    expect([mine.staffCount, mine.lateMinutes, mine.absentDays]).toEqual([3, 40, 10]);
  });

  it("confirming locks; a later run is a new draft showing the differences; confirming it supersedes the old", async () => {
    const first = (
      await sql<{ id: number }>`select id from attendance_month_report where month = '2026-11-01' and version = 1`.execute(
        owner.db,
      )
    ).rows[0].id;
    expect((await confirmMonthReport({ ctx: hr, input: { id: first } })).state).toBe("confirmed");
    await expect(confirmMonthReport({ ctx: hr, input: { id: first } })).rejects.toMatchObject({ code: "CONFLICT" });
    // A day changes after the confirmation (say an administrator's fix): person 2 came on the 30th.
    await insertPunch(owner, { staffId: people[2], kind: "in", local: "2026-11-30 09:00:00" });
    await insertPunch(owner, { staffId: people[2], kind: "out", local: "2026-11-30 17:00:00" });
    await computeAttendanceDays(owner.db, { day: "2026-11-30", staffIds: people });
    const second = await generateMonthReport({ ctx: hr, input: { month: "2026-11" }, now: NOW });
    expect(second.version).toBe(2);
    const diff = await findMonthRowDifferences(owner.db, second.id, first, district);
    expect(diff.map((d) => [d.staffId, d.fields])).toEqual([
      [people[0], ["workDays", "absentDays"]],
      [people[1], ["workDays", "absentDays"]],
      [people[2], ["workDays", "daysWorked"]],
    ]);
    await confirmMonthReport({ ctx: hr, input: { id: second.id } });
    const { rows } = await sql<{ version: number; state: string }>`
      select version, state from attendance_month_report where month = '2026-11-01' order by version`.execute(owner.db);
    expect(rows).toEqual([
      { version: 1, state: "superseded" },
      { version: 2, state: "confirmed" },
    ]);
  });

  it("refused: a month to come, a malformed month, an unknown report", async () => {
    await expect(generateMonthReport({ ctx: hr, input: { month: "2027-01" }, now: NOW })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await expect(generateMonthReport({ ctx: hr, input: { month: "2026-13" }, now: NOW })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await expect(confirmMonthReport({ ctx: hr, input: { id: "1e3" } })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(confirmMonthReport({ ctx: hr, input: { id: 987654 } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
