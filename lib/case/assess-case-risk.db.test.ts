import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "../../db/client";
import type { RequestContext } from "../context";
import { caseActor, categoryId, populatedGridChains, type GridChain } from "../testing/case-actors";
import { withSeededDistrict } from "../testing/seeded-district";
import { assessCaseRisk } from "./assess-case-risk";
import { getCase } from "./get-case";
import { reportCase } from "./report-case";
import { transitionCase } from "./transition-case";

let owner: Connection;
let app: Connection;
withSeededDistrict((c, _ctx, a) => {
  owner = c;
  app = a;
});

let actors: Record<"worker" | "community" | "street" | "commander", RequestContext>;
let a: GridChain;

beforeAll(async () => {
  [a] = await populatedGridChains(owner);
  actors = {
    worker: await caseActor(owner, app, "risk_worker", "grid_worker", a.grid),
    community: await caseActor(owner, app, "risk_community", "community_head", a.community),
    street: await caseActor(owner, app, "risk_street", "street_operator", a.street),
    commander: await caseActor(owner, app, "risk_commander", "district_commander", a.district),
  };
});

const report = async (code: string, extra: Record<string, unknown> = {}) =>
  (
    await reportCase({
      ctx: actors.worker,
      input: {
        clientRequestId: randomUUID(),
        categoryId: await categoryId(owner, code),
        description: "邻里因漏水发生争执",
        lon: a.lon,
        lat: a.lat,
        ...extra,
      },
    })
  ).caseId;

const version = async (caseId: number) => (await getCase({ ctx: actors.commander, caseId })).version;

async function assess(ctx: RequestContext, caseId: number, risk: Record<string, unknown>) {
  return assessCaseRisk({ ctx, input: { caseId, expectedVersion: await version(caseId), requestId: randomUUID(), ...risk } });
}

async function file(caseId: number, ctx: RequestContext = actors.community) {
  return transitionCase({
    ctx,
    input: { caseId, action: "file", expectedVersion: await version(caseId), requestId: randomUUID() },
  });
}

const notices = (caseId: number) =>
  owner.db.selectFrom("case_notice").select(["kind", "level"]).where("case_id", "=", caseId).orderBy("id").execute();

describe("risk assessment of disputes and hazards (LEC)", () => {
  it("a dispute is filed only once assessed: 一般 sends an info note to the community", async () => {
    const caseId = await report("dispute.property");
    await expect(file(caseId)).rejects.toMatchObject({
      code: "VALIDATION",
      message: "矛盾纠纷、问题隐患类案件须先完成风险评估（LEC）才能立案，请在案件详情中填写风险评估。",
    });
    const c = await assess(actors.community, caseId, { l: 1, e: 3, c: 3 });
    expect(c).toMatchObject({ risk: { l: 1, e: 3, c: 3, value: 9, grade: "general" }, emergencyPlan: null, state: "reported" });
    expect(c.events.at(-1)).toMatchObject({
      action: "assess_risk",
      actorName: actors.community.actor.displayName,
      details: { risk: { l: 1, e: 3, c: 3, value: 9, grade: "general", emergencyPlan: null }, previous: null },
    });
    expect(await notices(caseId)).toEqual([{ kind: "risk_info", level: "community" }]);
    expect(await file(caseId)).toMatchObject({ state: "filed" });
  });

  it("revised to 重大: refused without an emergency plan; with it, the timeline keeps the old value and street and district are alerted", async () => {
    const caseId = await report("dispute.property", { risk: { l: 3, e: 6, c: 7 } });
    expect(await notices(caseId)).toEqual([
      { kind: "risk_warning", level: "community" },
      { kind: "risk_warning", level: "street" },
    ]);
    await expect(assess(actors.street, caseId, { l: 6, e: 6, c: 7 })).rejects.toMatchObject({
      code: "VALIDATION",
      message: "风险等级为「重大」时必须填写应急预案。",
    });
    const plan = "一、约谈双方；二、派出所到场；三、每日报告。";
    const c = await assess(actors.street, caseId, { l: 6, e: 6, c: 7, emergencyPlan: ` ${plan} ` });
    expect(c).toMatchObject({ risk: { value: 252, grade: "major" }, emergencyPlan: plan });
    expect(c.events.at(-1)!.details).toEqual({
      risk: { l: 6, e: 6, c: 7, value: 252, grade: "major", emergencyPlan: plan },
      previous: { l: 3, e: 6, c: 7, value: 126, grade: "important", emergencyPlan: null },
    });
    expect((await notices(caseId)).slice(2)).toEqual([
      { kind: "major_risk", level: "street" },
      { kind: "major_risk", level: "district" },
    ]);
    // a revision inside the same grade alerts nobody again
    await assess(actors.street, caseId, { l: 6, e: 6, c: 15, emergencyPlan: plan });
    expect(await notices(caseId)).toHaveLength(4);
    const { rows } = await owner.db
      .selectFrom("audit_log")
      .select(["action", "before", "after"])
      .where("entity", "=", "case")
      .where("entity_id", "=", String(caseId))
      .where("action", "=", "case.assess_risk")
      .execute()
      .then((r) => ({ rows: r }));
    expect(rows).toHaveLength(2);
  });

  it("a 重大 risk reported from the phone without a plan is filed only after the plan is written", async () => {
    const caseId = await report("hazard.fire_safety", { risk: { l: 6, e: 6, c: 7 } });
    await expect(file(caseId, actors.street)).rejects.toMatchObject({
      code: "VALIDATION",
      message: "该案件风险等级为「重大」，须先填写应急预案才能立案。",
    });
    const detail = await getCase({ ctx: actors.community, caseId });
    expect(detail).toMatchObject({ riskAssessed: true, canAssessRisk: true, emergencyPlan: null });
    await assess(actors.community, caseId, { l: 6, e: 6, c: 7, emergencyPlan: "疏散、警戒、通知消防" });
    // filed, and the fire-safety routing rule dispatches it at once
    expect(await file(caseId, actors.street)).toMatchObject({ state: "dispatched" });
  });

  it("refuses a grid worker, a category without risk, a stale version, a value outside the sets and a closed case", async () => {
    const caseId = await report("dispute.property");
    expect(await getCase({ ctx: actors.worker, caseId })).toMatchObject({ canAssessRisk: false });
    await expect(assess(actors.worker, caseId, { l: 1, e: 1, c: 1 })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "只有受理该案件的指挥中心、街道或社区工作站可以评估风险。",
    });
    const ads = await report("event.illegal_ads");
    expect(await getCase({ ctx: actors.community, caseId: ads })).toMatchObject({ riskAssessed: false, canAssessRisk: false });
    await expect(assess(actors.community, ads, { l: 1, e: 1, c: 1 })).rejects.toMatchObject({
      code: "VALIDATION",
      message: "只有矛盾纠纷和问题隐患类事件需要风险评估。",
    });
    await expect(
      assessCaseRisk({
        ctx: actors.community,
        input: { caseId, expectedVersion: (await version(caseId)) - 1 || 99, requestId: randomUUID(), l: 1, e: 1, c: 1 },
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(assess(actors.community, caseId, { l: 2, e: 1, c: 1 })).rejects.toMatchObject({ code: "VALIDATION" });
    await transitionCase({
      ctx: actors.community,
      input: { caseId, action: "cancel", expectedVersion: await version(caseId), requestId: randomUUID(), note: "无效上报" },
    });
    await expect(assess(actors.community, caseId, { l: 1, e: 1, c: 1 })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "案件已结案、评价或作废，不能再修改风险评估。",
    });
  });

  it("shows the plan's phone numbers masked, like any free text; sent back unchanged, the stored plan stays in clear", async () => {
    const caseId = await report("dispute.property");
    const plan = "联系人王主任 13812345678，24小时值守";
    const c = await assess(actors.community, caseId, { l: 6, e: 6, c: 7, emergencyPlan: plan });
    expect(c.emergencyPlan).not.toContain("13812345678");
    expect(c.emergencyPlan).toContain("联系人王主任");
    expect(JSON.stringify(c.events.at(-1)!.details)).not.toContain("13812345678");
    // the form sends back what the page showed
    await assess(actors.community, caseId, { l: 6, e: 6, c: 15, emergencyPlan: c.emergencyPlan });
    const stored = await owner.db
      .selectFrom("case_record")
      .select("emergency_plan")
      .where("id", "=", caseId)
      .executeTakeFirstOrThrow();
    expect(stored.emergency_plan).toBe(plan);
  });

  it("the same request twice is applied once", async () => {
    const caseId = await report("dispute.property");
    const input = { caseId, expectedVersion: await version(caseId), requestId: randomUUID(), l: 1, e: 1, c: 1 };
    const first = await assessCaseRisk({ ctx: actors.community, input });
    const second = await assessCaseRisk({ ctx: actors.community, input });
    expect(second).toMatchObject({ replayed: true, version: first.version });
    expect(second.events.filter((e) => e.action === "assess_risk")).toHaveLength(1);
  });
});
