import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "../../db/client";
import { insertTransferApprover } from "../../db/queries/transfer";
import { resolveSession } from "../auth/resolve-session";
import type { Role } from "../auth/roles";
import { contextWithAssignments, type RequestContext } from "../context";
import { addDays, beijingDay } from "../format/time";
import { unitId } from "../testing/case-actors";
import { withSeededDistrict } from "../testing/seeded-district";
import { createSignedInAccount, type TestAccount } from "../testing/test-sessions";
import { applyDueTransfers } from "./apply-due-transfers";
import { approveTransfer } from "./approve-transfer";
import { cancelTransfer } from "./cancel-transfer";
import { getTransfer } from "./get-transfer";
import { listStaffTransfers } from "./list-staff-transfers";
import { listTransfers } from "./list-transfers";
import { rejectTransfer } from "./reject-transfer";
import { requestTransfer } from "./request-transfer";
import {
  createDepartment,
  createPositions,
  createStaff,
  twoCommunities,
  vacateFullTimePosts,
  type Positions,
  type TwoCommunities,
} from "./testing/transfer-fixtures";

let owner: Connection;
let app: Connection;
withSeededDistrict((c, _ctx, a) => {
  owner = c;
  app = a;
});

const today = beijingDay();
const tomorrow = addDays(today, 1);

let r: TwoCommunities;
let pos: Positions;
let officeA: number;
let officeB: number;
let bureau: number;
let cgUnit: number;

type Who = { ctx: RequestContext; account: TestAccount };
let hr: Who;
let headA: Who;
let headA2: Who;
let headB: Who;
let headForeign: Who;

async function who(username: string, assignments: { role: Role; regionId: number }[]): Promise<Who> {
  const account = await createSignedInAccount(owner.db, username, assignments);
  const ctx = await contextWithAssignments(app.db, assignments, {
    userId: account.userId,
    username,
    displayName: `测试${username}`,
  });
  return { ctx, account };
}

beforeAll(async () => {
  r = await twoCommunities(owner);
  await vacateFullTimePosts(owner, [r.a.community, r.b.community]);
  pos = await createPositions(owner);
  cgUnit = await unitId(owner, "dept.cg");
  officeA = await createDepartment(owner, { name: "甲社区网格工作站", kind: "grid_office", level: 2, regionId: r.a.community });
  officeB = await createDepartment(owner, { name: "乙社区网格工作站", kind: "grid_office", level: 2, regionId: r.b.community });
  bureau = await createDepartment(owner, {
    name: "区城管委",
    kind: "bureau",
    level: 0,
    regionId: r.district,
    caseUnitId: cgUnit,
  });
  hr = await who("tf_hr", [{ role: "hr_clerk", regionId: r.district }]);
  headA = await who("tf_head_a", [{ role: "community_head", regionId: r.a.community }]);
  headA2 = await who("tf_head_a2", [{ role: "community_head", regionId: r.a.community }]);
  headB = await who("tf_head_b", [{ role: "community_head", regionId: r.b.community }]);
  headForeign = await who("tf_head_foreign", [{ role: "community_head", regionId: r.otherStreetCommunity }]);
});

/** A 专职网格员 of grid A with a sign-in account (grid_worker there, plus an unrelated analyst role). */
async function gridWorkerOfA(username: string, grid = r.a.grid) {
  const account = await createSignedInAccount(owner.db, username, [
    { role: "grid_worker", regionId: grid },
    { role: "analyst", regionId: r.district },
  ]);
  const staff = await createStaff(owner, {
    name: `张${username}`,
    departmentId: officeA,
    positionId: pos.fullTime,
    rankId: pos.rank,
    userId: account.userId,
    post: { regionId: grid, gridRole: "full_time" },
  });
  return { account, staff };
}

async function ask(staff: { id: number; version: number }, to: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return requestTransfer({
    ctx: hr.ctx,
    input: {
      staffId: staff.id,
      staffVersion: staff.version,
      reason: "工作需要",
      effectiveDate: tomorrow,
      requestId: randomUUID(),
      ...to,
      ...extra,
    } as never,
    today,
  });
}

const version = async (id: number) =>
  (await owner.db.selectFrom("transfer").select("version").where("id", "=", id).executeTakeFirstOrThrow()).version;

async function decide(w: Who, id: number, side: "release" | "receive", day = today) {
  return approveTransfer({ ctx: w.ctx, input: { transferId: id, side, expectedVersion: await version(id) }, today: day });
}

const toGridB = { toDepartmentId: 0, toPositionId: 0, toRegionId: 0, toGridRole: "full_time" };

describe("a transfer approved by both sides and applied by the effective-date job", () => {
  it("moves the job, the posts and the sign-in together; the next resolved session sees the new grid", async () => {
    const { account, staff } = await gridWorkerOfA("tf_mover");
    // the releasing side names its approver; the receiving side names none (its community head approves by the rule)
    await insertTransferApprover(owner.db, officeA, "release", headA.account.userId);
    const { transferId, replayed } = await ask(staff, {
      ...toGridB,
      toDepartmentId: officeB,
      toPositionId: pos.fullTime,
      toRegionId: r.b.grid,
    });
    expect(replayed).toBe(false);

    // headA2 leads the same community but is not the named approver; headA is no approver of the receiving side
    await expect(decide(headA2, transferId, "release")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(decide(headA, transferId, "receive")).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await decide(headA, transferId, "release")).state).toBe("pending");
    const approved = await decide(headB, transferId, "receive");
    expect([approved.state, approved.applied]).toEqual(["approved", null]);

    // today nothing is due; tomorrow the job applies it
    expect((await applyDueTransfers(owner.db, today)).applied).toBe(0);
    const run = await applyDueTransfers(owner.db, tomorrow);
    expect(run.outcomes).toEqual([{ transferId, applied: true, gaps: [expect.objectContaining({ regionId: r.a.grid })] }]);

    const person = await owner.db
      .selectFrom("staff")
      .select(["department_id", "position_id", "version"])
      .where("id", "=", staff.id)
      .executeTakeFirstOrThrow();
    expect(person).toEqual({ department_id: officeB, position_id: pos.fullTime, version: staff.version + 1 });
    const jobs = await sql<{ department_id: number; valid_from: string; valid_to: string | null; reason: string }>`
      select department_id, valid_from::text, valid_to::text, reason from staff_job where staff_id = ${staff.id} order by valid_from`.execute(
      owner.db,
    );
    expect(jobs.rows).toEqual([
      { department_id: officeA, valid_from: "2026-01-01", valid_to: tomorrow, reason: "hire" },
      { department_id: officeB, valid_from: tomorrow, valid_to: null, reason: "transfer" },
    ]);
    const posts = await sql<{ region_id: number; valid_to: string | null }>`
      select region_id, valid_to::text from grid_post where staff_id = ${staff.id} order by valid_from`.execute(owner.db);
    expect(posts.rows).toEqual([
      { region_id: r.a.grid, valid_to: tomorrow },
      { region_id: r.b.grid, valid_to: null },
    ]);

    // the grid_worker assignment moved from grid A to grid B; the analyst role stayed
    const session = await resolveSession(app.db, account.token);
    expect(session!.assignments.map((a) => [a.role, a.regionId]).sort()).toEqual(
      [
        ["analyst", r.district],
        ["grid_worker", r.b.grid],
      ].sort(),
    );

    const audit = await owner.db
      .selectFrom("audit_log")
      .select(["action", "actor_name"])
      .where("entity", "=", "transfer")
      .where("entity_id", "=", String(transferId))
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["transfer.request", "transfer.approve", "transfer.approve", "transfer.apply"]);

    const detail = await getTransfer({ ctx: hr.ctx, transferId });
    expect([detail.state, detail.timeline.map((e) => e.kind)]).toEqual([
      "applied",
      ["requested", "decided", "decided", "applied"],
    ]);
    expect(detail.gridGaps).toHaveLength(1);
    const history = await listStaffTransfers({ ctx: hr.ctx, staffId: staff.id });
    expect(history.map((h) => [h.id, h.state])).toEqual([[transferId, "applied"]]);
  });

  it("applies at once when the second approval comes on or after the effective day, and a bureau gives the department role", async () => {
    const { account, staff } = await gridWorkerOfA("tf_to_bureau", r.a.grid2);
    const { transferId } = await ask(staff, { toDepartmentId: bureau, toPositionId: pos.clerk }, { effectiveDate: today });
    await decide(headA, transferId, "release");
    const done = await decide(hr, transferId, "receive");
    expect([done.state, done.applied?.applied]).toEqual(["applied", true]);
    const session = await resolveSession(app.db, account.token);
    expect(session!.assignments.map((a) => [a.role, a.regionId]).sort()).toEqual(
      [
        ["analyst", r.district],
        ["department_handler", r.district],
      ].sort(),
    );
    const units = await owner.db.selectFrom("case_unit_member").select("unit_id").where("user_id", "=", account.userId).execute();
    expect(units).toEqual([{ unit_id: cgUnit }]);
  });

  it("keeps a transfer approved with a clear reason when the target grid already has its 专职网格员", async () => {
    await createStaff(owner, {
      name: "李在岗",
      departmentId: officeB,
      positionId: pos.fullTime,
      rankId: pos.rank,
      post: { regionId: await secondGridOfB(), gridRole: "full_time" },
    });
    const grid = await secondGridOfB();
    const { staff } = await gridWorkerOfA("tf_blocked", await thirdGridOfA());
    const { transferId } = await ask(
      staff,
      { toDepartmentId: officeB, toPositionId: pos.fullTime, toRegionId: grid, toGridRole: "full_time" },
      { effectiveDate: today },
    );
    await decide(headA, transferId, "release");
    const result = await decide(hr, transferId, "receive");
    expect(result.state).toBe("approved");
    expect(result.applied).toEqual({ transferId, applied: false, error: expect.stringContaining("李在岗") });
    const detail = await getTransfer({ ctx: hr.ctx, transferId });
    expect([detail.state, detail.applyError]).toEqual(["approved", expect.stringContaining("已有专职网格员 李在岗")]);
    const posts = await owner.db
      .selectFrom("grid_post")
      .select(["region_id"])
      .where("staff_id", "=", staff.id)
      .where("valid_to", "is", null)
      .execute();
    expect(posts).toEqual([{ region_id: await thirdGridOfA() }]);
    // the job meets the same refusal and does not crash
    const run = await applyDueTransfers(owner.db, today);
    expect(run.outcomes.find((o) => o.transferId === transferId)).toEqual({
      transferId,
      applied: false,
      error: expect.stringContaining("李在岗"),
    });
    await cancelTransfer({ ctx: hr.ctx, input: { transferId, expectedVersion: await version(transferId) } });
  });
});

/** A basic grid of community B other than the one the first test moves its person to. */
async function secondGridOfB(): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    select g.id from region g join region x on x.id = g.parent_id where x.parent_id = ${r.b.community} and g.level = 4
     order by g.code offset 1 limit 1`.execute(owner.db);
  return rows[0].id;
}

async function thirdGridOfA(): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    select g.id from region g join region x on x.id = g.parent_id where x.parent_id = ${r.a.community} and g.level = 4
     order by g.code offset 2 limit 1`.execute(owner.db);
  return rows[0].id;
}

describe("two approvers of the same side at once", () => {
  it("lets exactly one win; the other gets a 409 naming who decided", async () => {
    const { staff } = await gridWorkerOfA("tf_race", await gridOfAt(3));
    const release = await createDepartment(owner, { name: "竞态站", kind: "grid_office", level: 2, regionId: r.a.community });
    await owner.db.updateTable("staff").set({ department_id: release }).where("id", "=", staff.id).execute();
    await insertTransferApprover(owner.db, release, "release", headA.account.userId);
    await insertTransferApprover(owner.db, release, "release", headA2.account.userId);
    const current = await owner.db.selectFrom("staff").select("version").where("id", "=", staff.id).executeTakeFirstOrThrow();
    const { transferId } = await ask(
      { id: staff.id, version: current.version },
      { toDepartmentId: officeB, toPositionId: pos.clerk },
    );
    const v = await version(transferId);

    // hold the row so both approvals have read everything they read before the lock, then let them race
    let release_: () => void = () => {};
    const held = owner.db.transaction().execute(async (trx) => {
      await sql`select 1 from transfer where id = ${transferId} for update`.execute(trx);
      await new Promise<void>((resolve) => (release_ = resolve));
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const racing = Promise.allSettled([
      approveTransfer({ ctx: headA.ctx, input: { transferId, side: "release", expectedVersion: v }, today }),
      rejectTransfer({ ctx: headA2.ctx, input: { transferId, side: "release", expectedVersion: v }, today }),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    release_();
    await held;
    const results = await racing;
    const won = results.filter((x) => x.status === "fulfilled");
    const lost = results.filter((x) => x.status === "rejected");
    expect([won.length, lost.length]).toEqual([1, 1]);
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/调出方已由 测试tf_head_a2? 审批/),
    });
    const decisions = await owner.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity", "=", "transfer")
      .where("entity_id", "=", String(transferId))
      .where("action", "in", ["transfer.approve", "transfer.reject"])
      .execute();
    expect(decisions).toHaveLength(1);
  });
});

async function gridOfAt(offset: number): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    select g.id from region g join region x on x.id = g.parent_id where x.parent_id = ${r.a.community} and g.level = 4
     order by g.code offset ${offset} limit 1`.execute(owner.db);
  return rows[0]?.id ?? r.a.grid2;
}

describe("bad input gets a clear answer and makes nothing", () => {
  it("refuses a transfer to where the person already is (422), a date too far back, unknown and foreign ids, a stale copy", async () => {
    const staff = await createStaff(owner, { name: "王原地", departmentId: officeA, positionId: pos.clerk, rankId: pos.rank });
    await expect(ask(staff, { toDepartmentId: officeA, toPositionId: pos.clerk })).rejects.toMatchObject({
      code: "UNPROCESSABLE",
      message: "调入的部门、岗位和网格与此人现在的完全相同，无需调动。",
    });
    await expect(
      ask(staff, { toDepartmentId: officeB, toPositionId: pos.clerk }, { effectiveDate: addDays(today, -31) }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      message: "生效日期不能早于 30 天前。",
    });
    await expect(ask(staff, { toDepartmentId: 2_000_000_000, toPositionId: pos.clerk })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      ask({ id: 9_000_000_000, version: 1 }, { toDepartmentId: officeB, toPositionId: pos.clerk }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      ask({ ...staff, version: staff.version + 5 }, { toDepartmentId: officeB, toPositionId: pos.clerk }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    // a street's HR does not reach a department of another street: 404, not 403
    const streetHr = await who("tf_street_hr", [{ role: "hr_clerk", regionId: r.street }]);
    const foreign = await createDepartment(owner, {
      name: "外街道站",
      kind: "grid_office",
      level: 2,
      regionId: r.otherStreetCommunity,
    });
    await expect(
      requestTransfer({
        ctx: streetHr.ctx,
        input: {
          staffId: staff.id,
          staffVersion: staff.version,
          toDepartmentId: foreign,
          toPositionId: pos.clerk,
          reason: "x",
          effectiveDate: today,
          requestId: randomUUID(),
        },
        today,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "未找到调入部门，可能不在您的管辖范围内。" });
    const made = await owner.db.selectFrom("transfer").select("id").where("staff_id", "=", staff.id).execute();
    expect(made).toEqual([]);
  });

  it("makes one transfer of the same form sent twice, at once", async () => {
    const staff = await createStaff(owner, { name: "赵重复", departmentId: officeA, positionId: pos.clerk, rankId: pos.rank });
    const requestId = randomUUID();
    const [one, two] = await Promise.all([
      ask(staff, { toDepartmentId: officeB, toPositionId: pos.clerk }, { requestId }),
      ask(staff, { toDepartmentId: officeB, toPositionId: pos.clerk }, { requestId }),
    ]);
    expect(one.transferId).toBe(two.transferId);
    expect([one.replayed, two.replayed].sort()).toEqual([false, true]);
    // another form for the same person while this one is open is refused
    await expect(
      ask(staff, { toDepartmentId: officeB, toPositionId: pos.fullTime, toRegionId: r.b.grid, toGridRole: "full_time" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "此人已有一条未办结的调动，请先处理或撤销它。",
    });
    // a stale decision is a 409
    await expect(
      approveTransfer({ ctx: headA.ctx, input: { transferId: one.transferId, side: "release", expectedVersion: 99 }, today }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "该调动已被他人更新，请刷新后重试。" });
    // a no from one side rejects it
    const rejected = await rejectTransfer({
      ctx: hr.ctx,
      input: { transferId: one.transferId, side: "receive", expectedVersion: await version(one.transferId), note: "编制已满" },
      today,
    });
    expect(rejected.state).toBe("rejected");
  });
});

describe("who sees which transfers", () => {
  it("a community head sees only the transfers touching the community; the other community's side sees it as incoming", async () => {
    const staff = await createStaff(owner, { name: "孙看见", departmentId: officeA, positionId: pos.clerk, rankId: pos.rank });
    const { transferId } = await ask(staff, { toDepartmentId: officeB, toPositionId: pos.clerk });
    const ids = async (w: Who, tab: "mine" | "outgoing" | "incoming" | "done") =>
      (await listTransfers({ ctx: w.ctx, input: { tab } })).items.map((i) => i.id);
    expect(await ids(headA, "outgoing")).toContain(transferId);
    expect(await ids(headA, "incoming")).not.toContain(transferId);
    expect(await ids(headB, "incoming")).toContain(transferId);
    expect(await ids(headB, "mine")).toContain(transferId);
    for (const tab of ["mine", "outgoing", "incoming", "done"] as const) expect(await ids(headForeign, tab)).toEqual([]);
    await expect(getTransfer({ ctx: headForeign.ctx, transferId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      approveTransfer({
        ctx: headForeign.ctx,
        input: { transferId, side: "release", expectedVersion: await version(transferId) },
        today,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // a grid worker has neither right
    const worker = await who("tf_worker", [{ role: "grid_worker", regionId: r.a.grid }]);
    await expect(listTransfers({ ctx: worker.ctx, input: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const cancelled = await cancelTransfer({
      ctx: hr.ctx,
      input: { transferId, expectedVersion: await version(transferId), note: "撤回" },
    });
    expect(cancelled.state).toBe("cancelled");
    expect(await ids(headA, "done")).toContain(transferId);
  });
});
