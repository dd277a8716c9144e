import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "../../../db/client";
import type { RequestContext } from "../../context";
import { isDomainError } from "../../errors";
import { caseActor, populatedGridChains } from "../../testing/case-actors";
import { createDepartment, createStaff, insertPunch } from "../../testing/attendance-days-fixtures";
import { withSeededDistrict } from "../../testing/seeded-district";
import { computeAttendanceDays } from "./compute-days";
import { recomputeDays } from "./recompute-days";
import { decideAttendanceRequest } from "./decide-attendance-request";
import { submitAttendanceRequest } from "./submit-attendance-request";
import { withdrawAttendanceRequest } from "./withdraw-attendance-request";

let owner: Connection;
let app: Connection;
withSeededDistrict((c, _ctx, a) => {
  owner = c;
  app = a;
});

/** Thursday 2026-12-03, 10:00 in Beijing: "now" of every verb here. */
const NOW = new Date("2026-12-03T10:00:00+08:00");
let worker: RequestContext;
let lead: RequestContext;
let otherLead: RequestContext;
let farLead: RequestContext;
let workerStaff: number;
let colleagues: number[];
let leadStaff: number;

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
}

async function dayRow(staffId: number, day: string) {
  const { rows } = await sql<{ status: string; late_minutes: number; outside_punches: number; rule_id: number | null }>`
    select status, late_minutes, outside_punches, rule_id from attendance_day where staff_id = ${staffId} and day = ${day}::date`.execute(
    owner.db,
  );
  return rows[0];
}

beforeAll(async () => {
  const chains = await populatedGridChains(owner);
  const here = chains[0];
  const far = chains.find((c) => c.community !== here.community)!;
  const { rows } = await sql<{ xiaoqu: number }>`select parent_id as xiaoqu from region where id = ${here.grid}`.execute(
    owner.db,
  );
  worker = await caseActor(owner, app, "days-worker", "grid_worker", here.grid);
  lead = await caseActor(owner, app, "days-lead", "xiaoqu_head", rows[0].xiaoqu);
  otherLead = await caseActor(owner, app, "days-lead2", "community_head", here.community);
  farLead = await caseActor(owner, app, "days-far", "community_head", far.community);
  const community = await createDepartment(owner, { code: "days-community", regionId: here.community });
  const gridOffice = await createDepartment(owner, { code: "days-grid", regionId: here.grid, parentId: community });
  // The community's rule (08:30–17:30, grace 5) reaches the grid office below it.
  await sql`insert into attendance_rule (name, department_id, start_minute, end_minute, required_patrols, min_work_minutes, valid_from)
            values ('社区班次', ${community}, 510, 1050, 2, 480, '2026-01-01')`.execute(owner.db);
  [workerStaff, ...colleagues] = await createStaff(owner, {
    departmentId: gridOffice,
    count: 4,
    prefix: "W",
    userId: worker.actor.userId,
  });
  [leadStaff] = await createStaff(owner, { departmentId: gridOffice, count: 1, prefix: "L", userId: lead.actor.userId });
});

describe("the daily job over the database", () => {
  it("computes every person of a day with the ancestor department's rule", async () => {
    await insertPunch(owner, { staffId: colleagues[0], kind: "in", local: "2026-12-01 08:35:00" });
    await insertPunch(owner, { staffId: colleagues[0], kind: "out", local: "2026-12-01 17:30:00" });
    await insertPunch(owner, { staffId: colleagues[1], kind: "in", local: "2026-12-01 08:36:00" });
    await insertPunch(owner, { staffId: colleagues[1], kind: "out", local: "2026-12-01 17:31:00", inside: false });
    await insertPunch(owner, { staffId: workerStaff, kind: "in", local: "2026-12-01 08:20:00" });
    // Every person employed that day: ours and the seeded organisation's.
    const { rows: employed } = await sql<{ n: number }>`select count(*)::int as n from staff where hire_date <= '2026-12-01'
       and (leave_date is null or leave_date > '2026-12-01')`.execute(owner.db);
    const done = await computeAttendanceDays(owner.db, { day: "2026-12-01" });
    expect(done.count).toBe(employed[0].n);
    expect(done.count).toBeGreaterThanOrEqual(5);
    expect((await dayRow(colleagues[0], "2026-12-01")).status).toBe("normal");
    const late = await dayRow(colleagues[1], "2026-12-01");
    expect([late.status, late.late_minutes, late.outside_punches]).toEqual(["outside", 6, 1]);
    expect((await dayRow(colleagues[2], "2026-12-01")).status).toBe("absent");
    expect((await dayRow(workerStaff, "2026-12-01")).status).toBe("missing_punch");
    expect((await dayRow(workerStaff, "2026-12-01")).rule_id).not.toBeNull();
  });
  it("a run again rewrites the same rows (idempotent)", async () => {
    const again = await computeAttendanceDays(owner.db, { day: "2026-12-01" });
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from attendance_day where day = '2026-12-01'`.execute(
      owner.db,
    );
    expect(rows[0].n).toBe(again.count);
    expect((await dayRow(colleagues[0], "2026-12-01")).status).toBe("normal");
  });
});

describe("corrections (补卡)", () => {
  it("the worker asks, the lead approves: the punch is inserted and the day becomes normal, audited", async () => {
    const req = await submitAttendanceRequest({
      ctx: worker,
      input: { kind: "correction", day: "2026-12-01", punchKind: "out", time: "17:35", reason: "手机没电" },
      now: NOW,
    });
    expect(req.state).toBe("pending");
    const decided = await decideAttendanceRequest({ ctx: lead, input: { id: req.id, decision: "approve" }, now: NOW });
    expect(decided.state).toBe("approved");
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from attendance_punch where correction_id = ${req.id}`.execute(owner.db);
    expect(rows[0].n).toBe(1);
    expect((await dayRow(workerStaff, "2026-12-01")).status).toBe("normal");
    const audit = await sql<{
      action: string;
    }>`select action from audit_log where entity = 'attendance_request' and entity_id = ${String(req.id)} order by id`.execute(
      owner.db,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(["attendance.request.create", "attendance.request.approved"]);
  });

  it("two leads approving the same request at once: one wins, the other gets 409", async () => {
    const req = await submitAttendanceRequest({
      ctx: worker,
      input: { kind: "correction", day: "2026-12-02", punchKind: "in", time: "08:30", reason: "忘记打卡" },
      now: NOW,
    });
    const results = await Promise.all([
      codeOf(decideAttendanceRequest({ ctx: lead, input: { id: req.id, decision: "approve" }, now: NOW })),
      codeOf(decideAttendanceRequest({ ctx: otherLead, input: { id: req.id, decision: "approve" }, now: NOW })),
    ]);
    expect(results.sort()).toEqual(["CONFLICT", "ok"]);
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from attendance_punch where correction_id = ${req.id}`.execute(owner.db);
    expect(rows[0].n).toBe(1);
  });

  it("refused: a future day, a time later than now, the lead's own request, a lead of another area, odd ids", async () => {
    const future = { kind: "correction", day: "2026-12-04", punchKind: "in", time: "08:30", reason: "x" } as const;
    expect(await codeOf(submitAttendanceRequest({ ctx: worker, input: future, now: NOW }))).toBe("VALIDATION");
    const laterToday = { kind: "correction", day: "2026-12-03", punchKind: "out", time: "17:30", reason: "x" } as const;
    expect(await codeOf(submitAttendanceRequest({ ctx: worker, input: laterToday, now: NOW }))).toBe("VALIDATION");
    const own = await submitAttendanceRequest({
      ctx: lead,
      input: { kind: "correction", day: "2026-12-01", punchKind: "in", time: "08:30", reason: "自己" },
      now: NOW,
    });
    expect(await codeOf(decideAttendanceRequest({ ctx: lead, input: { id: own.id, decision: "approve" }, now: NOW }))).toBe(
      "FORBIDDEN",
    );
    const req = await submitAttendanceRequest({
      ctx: worker,
      input: { kind: "correction", day: "2026-11-30", punchKind: "in", time: "08:30", reason: "忘记" },
      now: NOW,
    });
    expect(await codeOf(decideAttendanceRequest({ ctx: farLead, input: { id: req.id, decision: "approve" }, now: NOW }))).toBe(
      "NOT_FOUND",
    );
    for (const id of ["1e3", "-1", "abc", 0, 99999999]) {
      expect(
        await codeOf(decideAttendanceRequest({ ctx: lead, input: { id: id as never, decision: "approve" }, now: NOW })),
      ).toMatch(/VALIDATION|NOT_FOUND/);
    }
    expect(await codeOf(submitAttendanceRequest({ ctx: farLead, input: future, now: NOW }))).toBe("FORBIDDEN"); // no staff record
  });

  it("the worker withdraws a pending request; a decided one cannot be withdrawn", async () => {
    const req = await submitAttendanceRequest({
      ctx: worker,
      input: { kind: "correction", day: "2026-11-27", punchKind: "in", time: "08:30", reason: "忘记" },
      now: NOW,
    });
    expect((await withdrawAttendanceRequest({ ctx: worker, input: { id: req.id } })).state).toBe("withdrawn");
    expect(await codeOf(withdrawAttendanceRequest({ ctx: worker, input: { id: req.id } }))).toBe("CONFLICT");
    expect(await codeOf(decideAttendanceRequest({ ctx: lead, input: { id: req.id, decision: "approve" }, now: NOW }))).toBe(
      "CONFLICT",
    );
  });

  it("a month whose report is confirmed is locked: asking and approving are refused with 409", async () => {
    const req = await submitAttendanceRequest({
      ctx: worker,
      input: { kind: "correction", day: "2026-11-26", punchKind: "in", time: "08:30", reason: "忘记" },
      now: NOW,
    });
    await sql`insert into attendance_month_report (month, version, state, confirmed_at) values ('2026-11-01', 1, 'confirmed', now())`.execute(
      owner.db,
    );
    try {
      const err = await decideAttendanceRequest({ ctx: lead, input: { id: req.id, decision: "approve" }, now: NOW }).catch(
        (e) => e,
      );
      expect([err.code, err.message]).toEqual(["CONFLICT", expect.stringContaining("2026-11")]);
      const again = { kind: "correction", day: "2026-11-25", punchKind: "in", time: "08:30", reason: "x" } as const;
      expect(await codeOf(submitAttendanceRequest({ ctx: worker, input: again, now: NOW }))).toBe("CONFLICT");
    } finally {
      await sql`delete from attendance_month_report where month = '2026-11-01'`.execute(owner.db);
    }
  });
});

describe("leave", () => {
  it("leave overlapping existing leave is refused; approved leave makes the day 'leave'", async () => {
    const leave = await submitAttendanceRequest({
      ctx: worker,
      input: { kind: "leave", day: "2026-11-23", untilDay: "2026-11-24", leaveType: "sick", reason: "发烧" },
      now: NOW,
    });
    const overlap = { kind: "leave", day: "2026-11-24", untilDay: "2026-11-25", leaveType: "personal", reason: "x" } as const;
    const err = await submitAttendanceRequest({ ctx: worker, input: overlap, now: NOW }).catch((e) => e);
    expect([err.code, err.message]).toEqual(["CONFLICT", "与已有的请假（2026-11-23 至 2026-11-24）重叠。"]);
    await decideAttendanceRequest({ ctx: lead, input: { id: leave.id, decision: "approve" }, now: NOW });
    expect((await dayRow(workerStaff, "2026-11-23")).status).toBe("leave");
    expect((await dayRow(workerStaff, "2026-11-24")).status).toBe("leave");
    expect(leadStaff).toBeGreaterThan(0);
  });
});

describe("HR's recompute of a day", () => {
  it("recomputes the people of the area for a past day; today and odd days are refused", async () => {
    const chains = await populatedGridChains(owner);
    const hr = await caseActor(owner, app, "days-hr", "hr_clerk", chains[0].community);
    await insertPunch(owner, { staffId: colleagues[2], kind: "in", local: "2026-11-20 08:25:00" });
    await insertPunch(owner, { staffId: colleagues[2], kind: "out", local: "2026-11-20 17:35:00" });
    const done = await recomputeDays({ ctx: hr, input: { day: "2026-11-20" }, now: NOW });
    expect(done.count).toBeGreaterThanOrEqual(5);
    expect((await dayRow(colleagues[2], "2026-11-20")).status).toBe("normal");
    expect(await codeOf(recomputeDays({ ctx: hr, input: { day: "2026-12-03" }, now: NOW }))).toBe("VALIDATION");
    expect(await codeOf(recomputeDays({ ctx: hr, input: { day: "2026-02-30" }, now: NOW }))).toBe("VALIDATION");
    expect(await codeOf(recomputeDays({ ctx: worker, input: { day: "2026-11-20" }, now: NOW }))).toBe("FORBIDDEN");
  });
});
