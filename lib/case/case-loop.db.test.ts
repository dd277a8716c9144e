import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "../../db/client";
import type { RequestContext } from "../context";
import { caseActor, categoryId, populatedGridChains, unitId, type GridChain } from "../testing/case-actors";
import { withSeededDistrict } from "../testing/seeded-district";
import { listCaseNotices, readCaseNotice } from "./case-notices";
import { getCase } from "./get-case";
import { reportCase } from "./report-case";
import { transitionCase } from "./transition-case";

let owner: Connection;
let app: Connection;
withSeededDistrict((c, _ctx, a) => {
  owner = c;
  app = a;
});

type Actors = Record<
  "worker" | "worker2" | "community" | "community2" | "street" | "department" | "department2" | "commander" | "otherCommunity",
  RequestContext
>;
let actors: Actors;
let a: GridChain;
let b: GridChain;
let cg: number;

beforeAll(async () => {
  const chains = await populatedGridChains(owner);
  a = chains[0];
  b = chains.find((c) => c.community !== a.community)!;
  actors = {
    worker: await caseActor(owner, app, "loop_worker", "grid_worker", a.grid),
    worker2: await caseActor(owner, app, "loop_worker2", "grid_worker", a.grid),
    community: await caseActor(owner, app, "loop_community", "community_head", a.community),
    community2: await caseActor(owner, app, "loop_community2", "community_head", a.community),
    street: await caseActor(owner, app, "loop_street", "street_operator", a.street),
    department: await caseActor(owner, app, "loop_department", "department_handler", a.district, ["dept.cg"]),
    department2: await caseActor(owner, app, "loop_department2", "department_handler", a.district, ["dept.cg"]),
    commander: await caseActor(owner, app, "loop_commander", "district_commander", a.district),
    otherCommunity: await caseActor(owner, app, "loop_other", "community_head", b.community),
  };
  cg = await unitId(owner, "dept.cg");
});

/** A dispute or hazard is filed only with its LEC assessment: the reporter gives a 一般 one (D = 1) unless told. */
const GENERAL_RISK = { l: 1, e: 1, c: 1 };
const needsRisk = (code: string) => code.startsWith("dispute.") || code.startsWith("hazard.");

const report = async (ctx: RequestContext, code: string, at: GridChain = a, extra: Record<string, unknown> = {}) =>
  reportCase({
    ctx,
    input: {
      clientRequestId: randomUUID(),
      categoryId: await categoryId(owner, code),
      description: "小区门口物业与业主发生争执",
      lon: at.lon,
      lat: at.lat,
      ...(needsRisk(code) ? { risk: GENERAL_RISK } : {}),
      ...extra,
    },
  });

async function step(ctx: RequestContext, caseId: number, action: string, input: Record<string, unknown> = {}) {
  const current = await getCase({ ctx: actors.commander, caseId });
  return transitionCase({ ctx, input: { caseId, action, expectedVersion: current.version, requestId: randomUUID(), ...input } });
}

describe("the closed loop, report to rating", () => {
  it("runs grid worker → community → street → department → verifier → return visit, each step on the timeline", async () => {
    // audit_log is append-only and outlives reseeds, and case ids restart: count only this test's rows.
    const started = new Date();
    const reported = await report(actors.worker, "dispute.property");
    expect(reported.replayed).toBe(false);
    expect(reported.number).toMatch(/^SJ\d{8}\d{7}$/);
    let c = await getCase({ ctx: actors.worker, caseId: reported.caseId });
    expect(c).toMatchObject({
      state: "reported",
      level: "community",
      light: "green",
      gridId: a.grid,
      reporterName: "测试loop_worker",
    });
    expect(c.breadcrumb.map((r) => r.id)).toEqual([a.district, a.street, a.community, expect.any(Number), a.grid]);

    // 立案 by the community; no routing rule for 物业管理纠纷 → the street dispatches by hand.
    c = await step(actors.community, c.id, "file");
    expect(c).toMatchObject({ state: "filed", level: "street", stage: "dispatch" });
    expect(c.events.slice(-2).map((e) => [e.action, e.actorName])).toEqual([
      ["file", "测试loop_community"],
      ["escalate", "系统（派遣规则）"],
    ]);
    await expect(step(actors.community, c.id, "dispatch", { leadUnitId: cg })).rejects.toMatchObject({ code: "FORBIDDEN" });

    c = await step(actors.street, c.id, "dispatch", { leadUnitId: cg, note: "请城管到场处置" });
    expect(c).toMatchObject({ state: "dispatched", leadUnitId: cg, stage: "handle", leadUnitName: "区城市管理委员会（城管）" });
    expect(c.deadlineAt).toBe(c.handleDeadlineAt);

    c = await step(actors.department, c.id, "acknowledge");
    c = await step(actors.department, c.id, "handle");
    // Timeliness waits for the report back (反馈): the disposal alone does not meet the limit.
    expect(c).toMatchObject({ state: "handled", timeliness: null });
    await expect(step(actors.department, c.id, "report_back")).rejects.toMatchObject({ code: "VALIDATION" });
    c = await step(actors.department, c.id, "report_back", { note: "已协调物业清理并答复业主" });
    expect(c).toMatchObject({ state: "reported_back", stage: "verify", timeliness: "early" });

    // 采办分离: neither the reporter nor the handling unit verifies.
    await expect(step(actors.worker, c.id, "start_verification")).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("采办分离"),
    });
    await expect(step(actors.department, c.id, "start_verification")).rejects.toMatchObject({ code: "FORBIDDEN" });
    c = await step(actors.worker2, c.id, "start_verification");
    c = await step(actors.community, c.id, "close", { note: "现场核查属实" });
    expect(c).toMatchObject({ state: "closed", light: null, stage: null });

    c = await step(actors.street, c.id, "evaluate", { satisfaction: "very_satisfied", resolution: "resolved" });
    expect(c).toMatchObject({ state: "evaluated", satisfaction: "very_satisfied", resolution: "resolved", disposalStars: 5 });
    expect(c.events.at(-1)!.details).toMatchObject({ satisfaction: "very_satisfied", resolution: "resolved" });
    expect(c.events.map((e) => e.action)).toEqual([
      "report",
      "file",
      "escalate",
      "dispatch",
      "acknowledge",
      "handle",
      "report_back",
      "start_verification",
      "close",
      "evaluate",
    ]);
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_log where entity = 'case' and entity_id = ${String(c.id)} and at >= ${started}`.execute(
      owner.db,
    );
    expect(rows[0].n).toBe(9);
    const notices = await owner.db
      .selectFrom("case_notice")
      .select(["kind", "level", "unit_id"])
      .where("case_id", "=", c.id)
      .orderBy("id")
      .execute();
    expect(notices).toEqual([
      // the 一般 risk given with the report: an info note to the community
      { kind: "risk_info", level: "community", unit_id: null },
      { kind: "escalated", level: "street", unit_id: null },
      { kind: "assigned", level: "street", unit_id: cg },
    ]);
  });

  it("dispatches by itself where a routing rule says so (消防 hazard → 消防救援支队 with 住建 co-handling)", async () => {
    const { caseId } = await report(actors.worker, "hazard.fire_safety", a, { description: "楼道堆放杂物堵塞消防通道" });
    await step(actors.street, caseId, "file");
    const c = await getCase({ ctx: actors.commander, caseId });
    expect(c.state).toBe("dispatched");
    expect(c.leadUnitId).toBe(await unitId(owner, "dept.xf"));
    expect(c.coUnits.map((u) => u.id)).toEqual([await unitId(owner, "dept.zj")]);
    expect(c.events.at(-1)).toMatchObject({ action: "auto_dispatch", actorName: "系统（派遣规则）", isSystem: true });
    // the people's steps before it are theirs: the timeline draws only the rule's step as the system's
    expect(c.events.map((e) => [e.action, e.isSystem])).toEqual([
      ["report", false],
      ["file", false],
      ["auto_dispatch", true],
    ]);
  });

  it("sends a return back to the dispatcher with the reason, and the returning unit drops out", async () => {
    const { caseId } = await report(actors.worker, "dispute.property");
    await step(actors.community, caseId, "file");
    await step(actors.street, caseId, "dispatch", { leadUnitId: cg });
    await expect(step(actors.department, caseId, "return")).rejects.toMatchObject({ code: "VALIDATION" });
    const c = await step(actors.department, caseId, "return", { returnReason: "function_mismatch", note: "属物业合同纠纷" });
    expect(c).toMatchObject({ state: "returned", leadUnitId: null, stage: "dispatch" });
    expect(c.events.at(-1)?.details).toEqual({ returnReason: "function_mismatch" });
    await expect(step(actors.department, caseId, "handle")).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("moves the deadline by an approved extension, and records a supervision order with a notice", async () => {
    const { caseId } = await report(actors.worker, "dispute.property");
    await step(actors.community, caseId, "file");
    await step(actors.street, caseId, "dispatch", { leadUnitId: cg });
    const acknowledged = await step(actors.department, caseId, "acknowledge");
    await step(actors.department, caseId, "extension_request", { note: "需协调产权单位" });
    await expect(step(actors.department, caseId, "extension_request", { note: "再次申请" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const extended = await step(actors.street, caseId, "extension_approve");
    expect(new Date(extended.deadlineAt!).getTime()).toBeGreaterThan(new Date(acknowledged.deadlineAt!).getTime());
    expect(extended.extensionPending).toBe(false);
    const supervised = await step(actors.commander, caseId, "supervision_order", { note: "请三日内办结" });
    expect(supervised.supervisionCount).toBe(1);
    const notice = await owner.db
      .selectFrom("case_notice")
      .select(["unit_id"])
      .where("case_id", "=", caseId)
      .where("kind", "=", "supervision")
      .executeTakeFirstOrThrow();
    expect(notice.unit_id).toBe(cg);
  });

  it("reopens a closed case to the same unit on a fresh limit (返工)", async () => {
    const { caseId } = await report(actors.worker, "dispute.property");
    await step(actors.community, caseId, "file");
    await step(actors.street, caseId, "dispatch", { leadUnitId: cg });
    for (const [action, input] of [
      ["acknowledge", {}],
      ["handle", {}],
      ["report_back", { note: "已处理" }],
    ] as const)
      await step(actors.department, caseId, action, input);
    await step(actors.community, caseId, "start_verification");
    await step(actors.community, caseId, "close");
    const reopened = await step(actors.street, caseId, "reopen", { note: "回访发现问题仍在" });
    // Reported back early the first time; reopened, it can at best be on time (it keeps its history).
    expect(reopened).toMatchObject({
      state: "acknowledged",
      reopenCount: 1,
      leadUnitId: cg,
      stage: "handle",
      light: "green",
      timeliness: "on_time",
    });
  });

  /** Moves the running handling limit of a case into the past (as if its time had run out). */
  async function expireHandling(caseId: number) {
    const day = 86_400_000;
    await owner.db
      .updateTable("case_record")
      .set({
        handle_started_at: new Date(Date.now() - 20 * day),
        stage_started_at: new Date(Date.now() - 20 * day),
        yellow_at: new Date(Date.now() - 3 * day),
        deadline_at: new Date(Date.now() - day),
        handle_deadline_at: new Date(Date.now() - day),
      })
      .where("id", "=", caseId)
      .execute();
  }

  it("handled on time but reported back after the deadline: the case is overdue, and the stars show it", async () => {
    const { caseId } = await report(actors.worker, "dispute.property");
    await step(actors.community, caseId, "file");
    await step(actors.street, caseId, "dispatch", { leadUnitId: cg });
    await step(actors.department, caseId, "acknowledge");
    const handled = await step(actors.department, caseId, "handle");
    expect(handled.timeliness).toBeNull();
    // The report back comes after the limit ran out.
    await expireHandling(caseId);
    const back = await step(actors.department, caseId, "report_back", { note: "已处理完毕" });
    expect(back).toMatchObject({ state: "reported_back", timeliness: "overdue" });
    expect(back.events.at(-1)).toMatchObject({ action: "report_back", details: { timeliness: "overdue" } });
    await step(actors.worker2, caseId, "start_verification");
    await step(actors.community, caseId, "close");
    const evaluated = await step(actors.street, caseId, "evaluate", { satisfaction: "very_satisfied", resolution: "resolved" });
    expect(evaluated).toMatchObject({ timeliness: "overdue", disposalStars: 2 });
  });

  it("refuses an extension once the handling limit has run out, and shows the request blocked with the reason", async () => {
    const { caseId } = await report(actors.worker, "dispute.property");
    await step(actors.community, caseId, "file");
    await step(actors.street, caseId, "dispatch", { leadUnitId: cg });
    await step(actors.department, caseId, "acknowledge");
    expect((await getCase({ ctx: actors.department, caseId })).blockedActions).toEqual([]);
    await expireHandling(caseId);
    const message = "办理时限已过，不能再申请延期：延期须在时限届满前申请。请尽快办结并反馈，本案将按超期办结计。";
    await expect(step(actors.department, caseId, "extension_request", { note: "需协调产权单位" })).rejects.toMatchObject({
      code: "CONFLICT",
      message,
    });
    const seen = await getCase({ ctx: actors.department, caseId });
    expect(seen.availableActions).not.toContain("extension_request");
    expect(seen.blockedActions).toEqual([{ action: "extension_request", reason: message }]);
  });

  it("an approved extension turns a late answer on time, never early", async () => {
    const { caseId } = await report(actors.worker, "dispute.property");
    await step(actors.community, caseId, "file");
    await step(actors.street, caseId, "dispatch", { leadUnitId: cg });
    await step(actors.department, caseId, "acknowledge");
    await step(actors.department, caseId, "extension_request", { note: "需协调产权单位" });
    await step(actors.street, caseId, "extension_approve");
    await step(actors.department, caseId, "handle");
    // Answered at once: early on the clock, but an extended case is on time at best.
    const back = await step(actors.department, caseId, "report_back", { note: "已处理" });
    expect(back.timeliness).toBe("on_time");
    expect(back.events.filter((e) => e.action === "extension_approve")).toHaveLength(1);
  });

  it("a dissatisfied return visit leads to 督办 and 返工; the next visit computes the stars again; a satisfied one is final", async () => {
    const { caseId } = await report(actors.worker, "dispute.property");
    await step(actors.community, caseId, "file");
    await step(actors.street, caseId, "dispatch", { leadUnitId: cg });
    for (const [action, input] of [
      ["acknowledge", {}],
      ["handle", {}],
      ["report_back", { note: "已处理" }],
    ] as const)
      await step(actors.department, caseId, action, input);
    await step(actors.worker2, caseId, "start_verification");
    await step(actors.community, caseId, "close");
    let c = await step(actors.street, caseId, "evaluate", { satisfaction: "dissatisfied", resolution: "unresolved" });
    expect(c).toMatchObject({ state: "evaluated", timeliness: "early", disposalStars: 2 });
    expect((await getCase({ ctx: actors.street, caseId })).availableActions).toEqual(["reopen", "rate_discovery"]);
    c = await step(actors.commander, caseId, "supervision_order", { note: "回访不满意，请重新处置" });
    expect(c).toMatchObject({ state: "evaluated", supervisionCount: 1 });
    // 采办分离 on the reopen: not the handling unit.
    await expect(step(actors.department, caseId, "reopen", { note: "自行返工" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    c = await step(actors.street, caseId, "reopen", { note: "回访不满意，返工处理" });
    expect(c).toMatchObject({
      state: "acknowledged",
      leadUnitId: cg,
      reopenCount: 1,
      timeliness: "on_time",
      disposalStars: null,
      satisfaction: "dissatisfied",
      resolution: "unresolved",
    });
    for (const [action, input] of [
      ["handle", {}],
      ["report_back", { note: "已彻底处理" }],
    ] as const)
      await step(actors.department, caseId, action, input);
    await step(actors.worker2, caseId, "start_verification");
    await step(actors.community, caseId, "close");
    c = await step(actors.street, caseId, "evaluate", { satisfaction: "very_satisfied", resolution: "resolved" });
    // Early both times, but reopened: on time at best, so very satisfied earns 4, not 5.
    expect(c).toMatchObject({ state: "evaluated", timeliness: "on_time", satisfaction: "very_satisfied", disposalStars: 4 });
    await expect(step(actors.street, caseId, "reopen", { note: "再次返工" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "回访评价为满意或未表示不满意，评价即为终结，不能再执行「返工」。",
    });
    expect((await getCase({ ctx: actors.street, caseId })).availableActions).toEqual(["rate_discovery"]);
  });
});

describe("separation of duties (采办分离, 受审分离)", () => {
  it("a community head does not file its own report; a colleague of the same office does", async () => {
    const { caseId } = await report(actors.community, "dispute.property");
    await expect(step(actors.community, caseId, "file")).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "上报人不能对自己上报的事件执行「立案」（受审分离），请由本级其他受理人员立案。",
    });
    expect((await getCase({ ctx: actors.community, caseId })).availableActions).not.toContain("file");
    const filed = await step(actors.community2, caseId, "file");
    expect(filed.events.find((e) => e.action === "file")?.actorName).toBe("测试loop_community2");
  });

  it("a department handler who reported the case neither signs, handles nor reports it back for its unit", async () => {
    const { caseId } = await report(actors.department, "dispute.property");
    await step(actors.community, caseId, "file");
    await step(actors.street, caseId, "dispatch", { leadUnitId: cg });
    expect((await getCase({ ctx: actors.department, caseId })).availableActions).toEqual([]);
    await expect(step(actors.department, caseId, "acknowledge")).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "上报人不能对自己上报的案件执行「签收」（采办分离）。",
    });
    await step(actors.department2, caseId, "acknowledge");
    await expect(step(actors.department, caseId, "handle")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await step(actors.department2, caseId, "handle");
    await expect(step(actors.department, caseId, "report_back", { note: "已处理" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const back = await step(actors.department2, caseId, "report_back", { note: "已处理" });
    expect(back.state).toBe("reported_back");
  });

  it("the receiving side rates the discovery: the lead unit, or the community on a case raised to the street", async () => {
    const { caseId } = await report(actors.worker, "dispute.property");
    // Filed by the community, then at the street (no routing rule): the community still rates it.
    await step(actors.community, caseId, "file");
    let c = await step(actors.community, caseId, "rate_discovery", { discoveryStars: 3 });
    expect(c).toMatchObject({ level: "street", discoveryStars: 3 });
    await step(actors.street, caseId, "dispatch", { leadUnitId: cg });
    c = await step(actors.department, caseId, "rate_discovery", { discoveryStars: 4 });
    expect(c.discoveryStars).toBe(4);
    // Never the reporter, whatever else it is.
    await expect(step(actors.worker, caseId, "rate_discovery", { discoveryStars: 5 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("reports", () => {
  it("refuses a point outside the district and a point outside the reporter's area", async () => {
    const input = {
      clientRequestId: randomUUID(),
      categoryId: await categoryId(owner, "event.exposed_garbage"),
      description: "垃圾堆积",
    };
    await expect(reportCase({ ctx: actors.worker, input: { ...input, lon: 100.0, lat: 30.0 } })).rejects.toMatchObject({
      code: "VALIDATION",
      message: expect.stringContaining("不在本区范围内"),
    });
    await expect(reportCase({ ctx: actors.worker, input: { ...input, lon: b.lon, lat: b.lat } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      reportCase({ ctx: actors.worker, input: { ...input, lon: a.lon, lat: a.lat, categoryId: 999999 } }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("stores a retried or double-clicked report once", async () => {
    const input = {
      clientRequestId: randomUUID(),
      categoryId: await categoryId(owner, "event.exposed_garbage"),
      description: "垃圾堆积",
      lon: a.lon,
      lat: a.lat,
    };
    const results = await Promise.all([1, 2, 3, 4].map(() => reportCase({ ctx: actors.worker, input })));
    expect(new Set(results.map((r) => r.caseId)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from case_record where client_request_id = ${input.clientRequestId}::uuid`.execute(owner.db);
    expect(rows[0].n).toBe(1);
  });

  it("offers the open case of the same category nearby as a duplicate", async () => {
    const first = await report(actors.worker, "event.illegal_ads", a, { description: "电线杆上贴满小广告" });
    const second = await report(actors.worker, "event.illegal_ads", a, { description: "电线杆小广告" });
    expect(second.duplicates.map((d) => d.id)).toContain(first.caseId);
    await step(actors.street, second.caseId, "cancel", { note: "重复上报，已合并", mergeIntoId: first.caseId });
    const merged = await getCase({ ctx: actors.commander, caseId: second.caseId });
    expect(merged).toMatchObject({ state: "cancelled", mergedIntoId: first.caseId });
  });

  it("alerts the street and the district at once for a major risk", async () => {
    const { caseId } = await report(actors.worker, "hazard.fire_safety", a, { risk: { l: 6, e: 6, c: 7 } });
    const c = await getCase({ ctx: actors.commander, caseId });
    expect(c.risk).toEqual({ l: 6, e: 6, c: 7, value: 252, grade: "major" });
    const levels = await owner.db
      .selectFrom("case_notice")
      .select("level")
      .where("case_id", "=", caseId)
      .where("kind", "=", "major_risk")
      .orderBy("level")
      .execute();
    expect(levels.map((n) => n.level)).toEqual(["district", "street"]);
    await expect(report(actors.worker, "event.illegal_ads", a, { risk: { l: 6, e: 6, c: 7 } })).rejects.toMatchObject({
      code: "VALIDATION",
    });
  });
});

describe("concurrency and scope", () => {
  it("lets one of two simultaneous steps win; the other gets a conflict; a retried request is applied once", async () => {
    const { caseId } = await report(actors.worker, "dispute.property");
    const current = await getCase({ ctx: actors.community, caseId });
    const fileIt = (requestId: string) =>
      transitionCase({ ctx: actors.community, input: { caseId, action: "file", expectedVersion: current.version, requestId } });
    const cancelIt = transitionCase({
      ctx: actors.community,
      input: { caseId, action: "cancel", note: "不属实", expectedVersion: current.version, requestId: randomUUID() },
    });
    const requestId = randomUUID();
    const outcomes = await Promise.allSettled([fileIt(requestId), cancelIt]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const rejected = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("请刷新") });

    // The same request again (a double click, a retried POST): the first result, nothing applied twice.
    if (outcomes[0].status === "fulfilled") {
      const again = await Promise.all([fileIt(requestId), fileIt(requestId)]);
      expect(again.every((r) => r.replayed)).toBe(true);
      const { rows } = await sql<{
        n: number;
      }>`select count(*)::int as n from case_event where case_id = ${caseId} and action = 'file'`.execute(owner.db);
      expect(rows[0].n).toBe(1);
    }
  });

  it("hides a case from another community, and from the bare application connection", async () => {
    const { caseId } = await report(actors.worker, "dispute.property");
    await expect(getCase({ ctx: actors.otherCommunity, caseId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(step(actors.otherCommunity, caseId, "file")).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from case_record`.execute(app.db);
    expect(rows[0].n).toBe(0);
  });

  it("lists only the steps the caller may take now", async () => {
    const { caseId } = await report(actors.worker, "dispute.property");
    expect((await getCase({ ctx: actors.community, caseId })).availableActions).toEqual(
      expect.arrayContaining(["file", "cancel"]),
    );
    expect((await getCase({ ctx: actors.worker, caseId })).availableActions).toEqual(["withdraw"]);
    expect((await getCase({ ctx: actors.department, caseId })).availableActions).toEqual([]);
  });
});

describe("notices (预警)", () => {
  it("reach the office of the level inside its area and the units a case is sent to, until read", async () => {
    const { caseId } = await report(actors.worker, "dispute.property");
    await step(actors.community, caseId, "file");
    const forStreet = await listCaseNotices({ ctx: actors.street });
    const escalated = forStreet.notices.find((n) => n.caseId === caseId && n.kind === "escalated");
    expect(escalated?.message).toContain("街道");
    expect((await listCaseNotices({ ctx: actors.otherCommunity })).notices.some((n) => n.caseId === caseId)).toBe(false);
    expect((await listCaseNotices({ ctx: actors.department })).notices.some((n) => n.caseId === caseId)).toBe(false);

    await step(actors.street, caseId, "dispatch", { leadUnitId: cg });
    const forUnit = await listCaseNotices({ ctx: actors.department });
    const assigned = forUnit.notices.find((n) => n.caseId === caseId && n.kind === "assigned")!;
    expect(assigned).toMatchObject({ caseId, kind: "assigned", id: expect.any(Number) });
    await expect(readCaseNotice({ ctx: actors.otherCommunity, noticeId: assigned.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await readCaseNotice({ ctx: actors.department, noticeId: assigned.id });
    const after = await listCaseNotices({ ctx: actors.department });
    expect(after.notices.some((n) => n.id === assigned.id)).toBe(false);
    expect(after.unread).toBe(forUnit.unread - 1);
  });
});
