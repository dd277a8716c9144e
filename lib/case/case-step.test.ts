import { describe, expect, it } from "vitest";
import { decideCaseStep, reportClockOf, routingStepOf, type CaseStepRow, type StepConfig } from "./case-step";
import { CHINA_2026_WORKING_CALENDAR as calendar } from "./holidays-2026";

const local = (s: string) => new Date(`${s}+08:00`);
const config: StepConfig = { calendar, yellowShare: 0.8, earlyShare: 0.5, timeLimits: [] };

const filed: CaseStepRow = {
  id: 7,
  number: "SJ202611230000007",
  state: "filed",
  level: "community",
  urgency: "general",
  category_id: 3,
  region_path: "110112.1.2.3.4",
  reporter_user_id: 50,
  lead_unit_id: null,
  co_unit_ids: [],
  handled_by_unit_id: null,
  extension_pending: false,
  satisfaction: null,
  version: 2,
  stage: "dispatch",
  stage_started_at: local("2026-11-23T10:00:00"),
  yellow_at: local("2026-11-23T11:36:00"),
  deadline_at: local("2026-11-23T12:00:00"),
  handle_started_at: null,
  handle_deadline_at: null,
  acknowledge_deadline_at: null,
  handled_at: null,
  timeliness: null,
  extension_count: 0,
  reopen_count: 0,
  supervision_count: 0,
};
const dispatcher = {
  userId: 60,
  name: "派遣员",
  unitId: 11,
  unitIds: [11],
  grants: [{ kind: "dispatcher", level: "community" }],
} as const;

describe("decideCaseStep", () => {
  it("a dispatch: the new row values on the handling clock, the timeline row and the units' notices", () => {
    const now = local("2026-11-23T10:30:00");
    const decision = decideCaseStep({
      row: filed,
      parentCategoryId: null,
      actor: dispatcher,
      action: "dispatch",
      input: { note: " 请按时处置 ", leadUnit: { id: 21, name: "城管" }, coUnits: [{ id: 22, name: "物业" }] },
      config,
      now,
    });
    expect(decision.ok).toBe(true);
    if (!decision.ok) return;
    // General handling: 7 working days from Monday 10:30 end at the close of Wednesday 2026-12-02.
    expect(decision.step.patch).toEqual({
      lead_unit_id: 21,
      co_unit_ids: [22],
      handled_by_unit_id: null,
      dispatched_at: now,
      // 签收 within 2 working hours of a general order (响应率)
      acknowledge_deadline_at: local("2026-11-23T12:30:00"),
      acknowledged_at: null,
      handle_started_at: now,
      handle_deadline_at: local("2026-12-02T17:00:00"),
      extension_pending: false,
      stage: "handle",
      stage_started_at: now,
      yellow_at: local("2026-12-01T12:30:00"),
      deadline_at: local("2026-12-02T17:00:00"),
      light: "green",
      light_changed_at: now,
      state: "dispatched",
      level: "community",
    });
    expect(decision.step.event).toEqual({
      actorUserId: 60,
      actorName: "派遣员",
      actorUnitId: 11,
      action: "dispatch",
      fromState: "filed",
      toState: "dispatched",
      fromLevel: "community",
      toLevel: "community",
      note: "请按时处置",
      details: { leadUnit: "城管", coUnits: ["物业"] },
    });
    expect(decision.step.notices.map((n) => [n.kind, n.unitId])).toEqual([
      ["assigned", 21],
      ["assigned", 22],
    ]);
  });

  it("an acknowledgement limit set late in the day runs on into the next working day; an urgent one on natural time", () => {
    const dispatch = (row: CaseStepRow, now: Date) =>
      decideCaseStep({
        row,
        parentCategoryId: null,
        actor: dispatcher,
        action: "dispatch",
        input: { leadUnit: { id: 21, name: "城管" } },
        config,
        now,
      });
    const late = dispatch(filed, local("2026-11-23T16:00:00"));
    expect(late.ok && late.step.patch.acknowledge_deadline_at).toEqual(local("2026-11-24T10:00:00"));
    const urgent = dispatch({ ...filed, urgency: "urgent" }, local("2026-11-23T16:00:00"));
    expect(urgent.ok && urgent.step.patch.acknowledge_deadline_at).toEqual(local("2026-11-23T16:30:00"));
  });

  it("签收 records its instant; 退回 within the limit takes the order out of 响应率, after it keeps it due", () => {
    const dispatched: CaseStepRow = {
      ...filed,
      state: "dispatched",
      lead_unit_id: 21,
      stage: "handle",
      acknowledge_deadline_at: local("2026-11-23T12:30:00"),
    };
    const unit = { userId: 70, name: "城管员", unitId: 21, unitIds: [21], grants: [] } as const;
    const step = (action: "acknowledge" | "return", now: string) =>
      decideCaseStep({
        row: dispatched,
        parentCategoryId: null,
        actor: unit,
        action,
        input: action === "return" ? { returnReason: "function_mismatch" } : {},
        config,
        now: local(now),
      });
    const ack = step("acknowledge", "2026-11-23T11:00:00");
    expect(ack.ok && ack.step.patch).toMatchObject({ acknowledged_at: local("2026-11-23T11:00:00"), state: "acknowledged" });
    const early = step("return", "2026-11-23T12:30:00");
    expect(early.ok && early.step.patch.acknowledge_deadline_at).toBeNull();
    const late = step("return", "2026-11-23T12:31:00");
    expect(late.ok && "acknowledge_deadline_at" in late.step.patch).toBe(false);
  });

  it("回访 stores the satisfaction and the 问题是否解决 answer on the case and the timeline", () => {
    const closed: CaseStepRow = { ...filed, state: "closed", stage: null, timeliness: "on_time", lead_unit_id: 21 };
    const operator = { ...dispatcher, grants: [{ kind: "operator", level: "community" }] } as const;
    const decision = decideCaseStep({
      row: closed,
      parentCategoryId: null,
      actor: operator,
      action: "evaluate",
      input: { satisfaction: "fairly_satisfied", resolution: "unresolved" },
      config,
      now: local("2026-11-25T10:00:00"),
    });
    expect(decision.ok && decision.step.patch).toMatchObject({
      satisfaction: "fairly_satisfied",
      resolution: "unresolved",
      disposal_stars: 3,
    });
    expect(decision.ok && decision.step.event.details).toEqual({
      satisfaction: "fairly_satisfied",
      resolution: "unresolved",
      disposalStars: 3,
      timeliness: "on_time",
    });
  });

  it("refuses what checkTransition refuses, with its code", () => {
    const args = { row: filed, parentCategoryId: null, config, now: local("2026-11-23T10:30:00") };
    expect(decideCaseStep({ ...args, actor: dispatcher, action: "close", input: {} })).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
    expect(
      decideCaseStep({
        ...args,
        actor: { ...dispatcher, grants: [] },
        action: "dispatch",
        input: { leadUnit: { id: 21, name: "城管" } },
      }),
    ).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(decideCaseStep({ ...args, actor: dispatcher, action: "dispatch", input: {} })).toMatchObject({
      ok: false,
      code: "VALIDATION",
    });
  });
});

describe("routingStepOf", () => {
  const args = { row: filed, parentCategoryId: null, config, now: local("2026-11-23T10:00:02") };

  it("an auto-dispatch rule dispatches at once, written as the routing's auto_dispatch", () => {
    const step = routingStepOf({ ...args, routing: { autoDispatch: true, leadUnit: { id: 21, name: "城管" }, coUnits: [] } })!;
    expect(step.event).toMatchObject({
      actorUserId: null,
      actorName: "系统（派遣规则）",
      action: "auto_dispatch",
      toState: "dispatched",
      note: "按派遣规则自动派遣至城管",
      details: { leadUnit: "城管", coUnits: [] },
    });
    expect(step.patch).toMatchObject({ state: "dispatched", lead_unit_id: 21, stage: "handle" });
  });

  it("no rule sends the case one level up; a rule without auto-dispatch, or no level above, leaves it waiting", () => {
    const up = routingStepOf({ ...args, routing: null })!;
    expect(up.event).toMatchObject({
      action: "escalate",
      fromLevel: "community",
      toLevel: "street",
      toState: "filed",
      note: "无匹配的派遣规则，上报上级人工派遣",
      details: { fromLevel: "community" },
    });
    expect(up.patch).toEqual({ state: "filed", level: "street" });
    expect(routingStepOf({ ...args, routing: { autoDispatch: false } })).toBeNull();
    expect(routingStepOf({ ...args, row: { ...filed, level: "district" }, routing: null })).toBeNull();
  });
});

describe("reportClockOf", () => {
  it("starts the accept clock at the report, with the light as it is now", () => {
    const reportedAt = local("2026-11-23T10:00:00");
    const key = { categoryId: 3, parentCategoryId: null, urgency: "general", level: "community", reportedAt, config } as const;
    // General accept: 30 working minutes, yellow from 80% (24 minutes).
    const fresh = reportClockOf({ ...key, now: reportedAt });
    expect(fresh).toEqual({
      clock: {
        stage: "accept",
        startedAt: reportedAt,
        yellowAt: local("2026-11-23T10:24:00"),
        deadlineAt: local("2026-11-23T10:30:00"),
        limit: { amount: 30, unit: "working_minutes" },
      },
      light: "green",
    });
    expect(reportClockOf({ ...key, now: local("2026-11-23T10:25:00") }).light).toBe("yellow");
    expect(reportClockOf({ ...key, now: local("2026-11-23T10:31:00") }).light).toBe("red");
  });
});

describe("timeliness is decided by the report back (反馈), not by the disposal (处置)", () => {
  // A general case dispatched on Monday 2026-11-23 10:30: 7 working days, deadline Wednesday 2026-12-02 17:00.
  const acknowledged: CaseStepRow = {
    ...filed,
    state: "acknowledged",
    lead_unit_id: 21,
    version: 4,
    stage: "handle",
    stage_started_at: local("2026-11-23T10:30:00"),
    yellow_at: local("2026-12-01T12:30:00"),
    deadline_at: local("2026-12-02T17:00:00"),
    handle_started_at: local("2026-11-23T10:30:00"),
    handle_deadline_at: local("2026-12-02T17:00:00"),
  };
  const lead = { userId: 70, name: "城管队员", unitId: 21, unitIds: [21], grants: [] };
  const run = (row: CaseStepRow, action: "handle" | "report_back", at: string) => {
    const decision = decideCaseStep({
      row,
      parentCategoryId: null,
      actor: lead,
      action,
      input: { note: "已处理" },
      config,
      now: local(at),
    });
    if (!decision.ok) throw new Error(decision.message);
    return { ...row, ...decision.step.patch, version: row.version + 1 } as CaseStepRow;
  };

  it("handled on time but reported back after the deadline: overdue", () => {
    const handled = run(acknowledged, "handle", "2026-12-02T16:00:00");
    expect(handled).toMatchObject({ state: "handled", handled_at: local("2026-12-02T16:00:00"), timeliness: null });
    const back = run(handled, "report_back", "2026-12-03T09:30:00");
    expect(back).toMatchObject({ state: "reported_back", timeliness: "overdue", stage: "verify" });
  });

  it("handled and reported back within the first half of the limit: early; at the deadline itself: on time", () => {
    const handled = run(acknowledged, "handle", "2026-11-24T09:00:00");
    expect(run(handled, "report_back", "2026-11-24T10:00:00").timeliness).toBe("early");
    expect(run(handled, "report_back", "2026-12-02T17:00:00").timeliness).toBe("on_time");
  });

  it("an approved extension makes the answer on time at best", () => {
    const extended = { ...acknowledged, extension_count: 1 };
    const handled = run(extended, "handle", "2026-11-24T09:00:00");
    expect(run(handled, "report_back", "2026-11-24T10:00:00").timeliness).toBe("on_time");
  });

  it("a reopened case keeps its history: overdue stays overdue, a fast second answer is not early", () => {
    const verifier = {
      userId: 80,
      name: "核查员",
      unitId: null,
      unitIds: [],
      grants: [{ kind: "verifier", level: "community" }],
    } as const;
    const reopen = (row: CaseStepRow) => {
      const decision = decideCaseStep({
        row,
        parentCategoryId: null,
        actor: verifier,
        action: "reopen",
        input: { note: "问题仍在" },
        config,
        now: local("2026-12-04T10:00:00"),
      });
      if (!decision.ok) throw new Error(decision.message);
      return { ...row, ...decision.step.patch, version: row.version + 1 } as CaseStepRow;
    };
    const late = run(run(acknowledged, "handle", "2026-12-02T16:00:00"), "report_back", "2026-12-03T09:30:00");
    const lateAgain = reopen({ ...late, state: "verifying" });
    expect(lateAgain).toMatchObject({ state: "acknowledged", reopen_count: 1, timeliness: "overdue", disposal_stars: null });
    // The fresh limit starts at the reopen; answered within an hour, the case is still overdue.
    expect(run(run(lateAgain, "handle", "2026-12-04T10:30:00"), "report_back", "2026-12-04T11:00:00").timeliness).toBe("overdue");

    const early = run(run(acknowledged, "handle", "2026-11-24T09:00:00"), "report_back", "2026-11-24T10:00:00");
    const earlyAgain = reopen({ ...early, state: "verifying" });
    expect(earlyAgain.timeliness).toBe("on_time");
    expect(run(run(earlyAgain, "handle", "2026-12-04T10:30:00"), "report_back", "2026-12-04T11:00:00").timeliness).toBe(
      "on_time",
    );
  });

  it("a dissatisfied evaluation reopened keeps its answer until the next visit, which computes the stars again", () => {
    const evaluated: CaseStepRow = {
      ...acknowledged,
      state: "evaluated",
      timeliness: "early",
      handled_by_unit_id: 21,
      satisfaction: "dissatisfied",
    };
    const operator = {
      userId: 81,
      name: "受理员",
      unitId: null,
      unitIds: [],
      grants: [{ kind: "operator", level: "community" }],
    } as const;
    const decision = decideCaseStep({
      row: evaluated,
      parentCategoryId: null,
      actor: operator,
      action: "reopen",
      input: { note: "回访不满意，返工" },
      config,
      now: local("2026-12-04T10:00:00"),
    });
    expect(decision.ok).toBe(true);
    if (!decision.ok) return;
    expect(decision.step.patch).toMatchObject({ state: "acknowledged", timeliness: "on_time", disposal_stars: null });
    expect(decision.step.patch).not.toHaveProperty("satisfaction");
    expect(decision.step.patch).not.toHaveProperty("resolution");
    const closed = { ...evaluated, ...decision.step.patch, state: "closed", version: 9 } as CaseStepRow;
    const again = decideCaseStep({
      row: closed,
      parentCategoryId: null,
      actor: operator,
      action: "evaluate",
      input: { satisfaction: "very_satisfied", resolution: "resolved" },
      config,
      now: local("2026-12-08T10:00:00"),
    });
    // Early the first time, very satisfied the second: 4 stars, not 5 (a reopened case is on time at best).
    expect(again.ok && again.step.patch).toMatchObject({
      satisfaction: "very_satisfied",
      resolution: "resolved",
      disposal_stars: 4,
    });
  });
});
