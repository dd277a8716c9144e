import { describe, expect, it } from "vitest";
import type { CaseAction, CaseLevel, CaseState } from "./case-states";
import { CASE_ACTIONS, CASE_STATES } from "./case-states";
import { caseLoop } from "../i18n/zh-CN/case-loop";
import type { ActorKind, CaseActorFacts, CaseFacts, TransitionInput } from "./case-transitions";
import { actorKindsFor, availableActions, blockedActions, checkTransition } from "./case-transitions";

/*
 * The expectations below are written by hand from the design (the loop of DOMAIN.md "Cases"), not read from
 * TRANSITIONS: if the table changes, these tests must be changed on purpose.
 *
 * action               allowed from (every other state is refused)                 → to            who may
 */
const EXPECTED: [CaseAction, string, CaseState | "same", string][] = [
  ["file", "reported", "filed", "operator"],
  ["cancel", "reported filed returned", "cancelled", "operator"],
  ["withdraw", "reported", "cancelled", "reporter"],
  ["dispatch", "filed returned", "dispatched", "dispatcher"],
  ["acknowledge", "dispatched", "acknowledged", "lead_unit"],
  ["return", "dispatched", "returned", "lead_unit"],
  ["handle", "acknowledged", "handled", "lead_unit"],
  ["report_back", "handled", "reported_back", "lead_unit"],
  ["start_verification", "reported_back", "verifying", "verifier operator"],
  ["close", "verifying", "closed", "verifier operator"],
  // from evaluated only after a dissatisfied return visit (see "the return visit" below)
  ["reopen", "reported_back verifying closed evaluated", "acknowledged", "verifier operator"],
  ["evaluate", "closed", "evaluated", "operator"],
  ["suspend", "filed dispatched acknowledged returned", "suspended", "operator dispatcher"],
  ["resume", "suspended", "filed", "operator dispatcher"],
  [
    "escalate",
    "reported filed dispatched acknowledged returned handled reported_back verifying suspended",
    "same",
    "operator dispatcher system",
  ],
  ["extension_request", "acknowledged", "same", "lead_unit"],
  ["extension_approve", "acknowledged handled", "same", "operator dispatcher"],
  ["extension_reject", "acknowledged handled", "same", "operator dispatcher"],
  [
    "supervision_order",
    "reported filed dispatched acknowledged returned handled reported_back verifying suspended evaluated",
    "same",
    "supervisor",
  ],
  ["co_report_back", "acknowledged handled", "same", "co_unit"],
  [
    "rate_discovery",
    "filed cancelled dispatched acknowledged returned handled reported_back verifying closed evaluated suspended",
    "same",
    "operator community lead_unit",
  ],
];

const ALL_STATES: CaseState[] = [
  "reported",
  "filed",
  "cancelled",
  "dispatched",
  "acknowledged",
  "returned",
  "handled",
  "reported_back",
  "verifying",
  "closed",
  "evaluated",
  "suspended",
];

// The case under test: a grid-level case reported by user 10, dispatched to unit 100 with co-unit 101,
// handled by unit 100. Version 7.
const REPORTER = 10;
const LEAD = 100;
const CO = 101;

function facts(state: CaseState, over: Partial<CaseFacts> = {}): CaseFacts {
  return {
    state,
    level: "grid",
    reporterUserId: REPORTER,
    leadUnitId: LEAD,
    coUnitIds: [CO],
    handledByUnitId: LEAD,
    extensionPending: false,
    handleDeadlinePassed: false,
    satisfaction: null,
    version: 7,
    ...over,
  };
}

/** One persona per actor kind, each holding that kind only (for a grid-level case). */
const PERSONAS: Record<ActorKind | "outsider", CaseActorFacts> = {
  reporter: { userId: REPORTER, unitIds: [], grants: [] },
  operator: { userId: 20, unitIds: [], grants: [{ kind: "operator", level: "grid" }] },
  dispatcher: { userId: 21, unitIds: [], grants: [{ kind: "dispatcher", level: "grid" }] },
  lead_unit: { userId: 30, unitIds: [LEAD], grants: [] },
  co_unit: { userId: 31, unitIds: [CO], grants: [] },
  verifier: { userId: 40, unitIds: [], grants: [{ kind: "verifier", level: "grid" }] },
  supervisor: { userId: 50, unitIds: [], grants: [{ kind: "supervisor", level: "community" }] },
  // the community workstation over the grid-level case's place (its operator grant is at the community level)
  community: { userId: 23, unitIds: [], grants: [{ kind: "operator", level: "community" }] },
  system: { userId: null, unitIds: [], grants: [] },
  outsider: { userId: 99, unitIds: [555], grants: [{ kind: "operator", level: "street" }] },
};

const caseLabel = (action: CaseAction) => caseLoop.actionLabels[action];

/** An input that satisfies every action's requirements. */
const FULL: TransitionInput = {
  expectedVersion: 7,
  note: "已到现场核实",
  returnReason: "function_mismatch",
  leadUnitId: 200,
  coUnitIds: [201],
  satisfaction: "satisfied",
  resolution: "resolved",
  discoveryStars: 4,
};

/**
 * A case fitting the action: an extension decision needs a pending request, a request needs none; an
 * evaluated case goes on (reopen, 督办) only after a dissatisfied return visit.
 */
function factsFor(action: CaseAction, state: CaseState): CaseFacts {
  return facts(state, {
    extensionPending: action === "extension_approve" || action === "extension_reject",
    satisfaction: state === "evaluated" ? "dissatisfied" : null,
  });
}

describe("the expected table itself", () => {
  it("covers every action and state exactly once", () => {
    expect(EXPECTED.map(([a]) => a).sort()).toEqual([...CASE_ACTIONS].sort());
    expect([...CASE_STATES].sort()).toEqual([...ALL_STATES].sort());
    for (const [, from] of EXPECTED) for (const s of from.split(" ")) expect(ALL_STATES).toContain(s);
  });
});

describe("every action × every state", () => {
  for (const [action, from, to, who] of EXPECTED) {
    const allowed = from.split(" ");
    const actor = PERSONAS[who.split(" ")[0] as ActorKind];
    for (const state of ALL_STATES) {
      if (allowed.includes(state)) {
        it(`${action} from ${state} → ${to}`, () => {
          const result = checkTransition({ caseFacts: factsFor(action, state), actor, action, input: FULL });
          const level: CaseLevel = action === "escalate" ? "community" : "grid";
          expect(result).toEqual({ ok: true, to: to === "same" ? state : to, level });
        });
      } else {
        it(`${action} from ${state} is refused as CONFLICT`, () => {
          const result = checkTransition({ caseFacts: factsFor(action, state), actor, action, input: FULL });
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.code).toBe("CONFLICT");
        });
      }
    }
  }
});

describe("every action × every actor kind, in an allowed state", () => {
  for (const [action, from, , who] of EXPECTED) {
    const state = from.split(" ")[0] as CaseState;
    const mayAct = who.split(" ");
    for (const [kind, actor] of Object.entries(PERSONAS)) {
      const allowed = mayAct.includes(kind);
      it(`${action} by ${kind} is ${allowed ? "allowed" : "FORBIDDEN"}`, () => {
        const result = checkTransition({ caseFacts: factsFor(action, state), actor, action, input: FULL });
        if (allowed) expect(result.ok).toBe(true);
        else expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
      });
    }
  }

  it("names who may act in the refusal", () => {
    const result = checkTransition({
      caseFacts: facts("dispatched"),
      actor: PERSONAS.outsider,
      action: "acknowledge",
      input: FULL,
    });
    expect(result).toEqual({ ok: false, code: "FORBIDDEN", message: "只有主办单位可以执行「签收」。" });
  });

  it("counts command-center grants only at the case's current level", () => {
    // A street operator is not the grid's operator: filing a grid-level case is for the grid level.
    const streetOperator: CaseActorFacts = { userId: 60, unitIds: [], grants: [{ kind: "operator", level: "street" }] };
    expect(checkTransition({ caseFacts: facts("reported"), actor: streetOperator, action: "file", input: FULL })).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(
      checkTransition({ caseFacts: facts("reported", { level: "street" }), actor: streetOperator, action: "file", input: FULL }),
    ).toEqual({
      ok: true,
      to: "filed",
      level: "street",
    });
  });

  it("lets a supervisor order only from above the case's level, or at the district for district cases", () => {
    const sup = (level: CaseLevel): CaseActorFacts => ({ userId: 51, unitIds: [], grants: [{ kind: "supervisor", level }] });
    const order = (caseLevel: CaseLevel, supLevel: CaseLevel) =>
      checkTransition({
        caseFacts: facts("acknowledged", { level: caseLevel }),
        actor: sup(supLevel),
        action: "supervision_order",
        input: FULL,
      }).ok;
    expect(order("grid", "grid")).toBe(false);
    expect(order("grid", "community")).toBe(true);
    expect(order("grid", "district")).toBe(true);
    expect(order("street", "community")).toBe(false);
    expect(order("street", "street")).toBe(false);
    expect(order("street", "district")).toBe(true);
    expect(order("district", "street")).toBe(false);
    expect(order("district", "district")).toBe(true);
  });
});

describe("notes and reasons", () => {
  // Hand-written: the actions whose note is their content or their justification.
  const NOTE_REQUIRED: CaseAction[] = [
    "cancel",
    "report_back",
    "reopen",
    "suspend",
    "escalate",
    "extension_request",
    "extension_reject",
    "supervision_order",
    "co_report_back",
  ];

  for (const [action, from, , who] of EXPECTED) {
    const state = from.split(" ")[0] as CaseState;
    const actor = PERSONAS[who.split(" ")[0] as ActorKind];
    const required = NOTE_REQUIRED.includes(action);
    it(`${action} ${required ? "needs" : "does not need"} a note`, () => {
      for (const note of [undefined, null, "", "   \n "]) {
        const result = checkTransition({ caseFacts: factsFor(action, state), actor, action, input: { ...FULL, note } });
        if (required) expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
        else expect(result.ok).toBe(true);
      }
    });
  }

  it("says which action needs the note", () => {
    const result = checkTransition({
      caseFacts: facts("filed"),
      actor: PERSONAS.operator,
      action: "cancel",
      input: { expectedVersion: 7 },
    });
    expect(result).toEqual({ ok: false, code: "VALIDATION", message: "执行「不予立案（作废）」必须填写理由或说明。" });
  });

  it("refuses a note over 1000 characters on any action, and takes exactly 1000", () => {
    const file = (note: string) =>
      checkTransition({
        caseFacts: facts("reported"),
        actor: PERSONAS.operator,
        action: "file",
        input: { expectedVersion: 7, note },
      });
    expect(file("字".repeat(1000)).ok).toBe(true);
    expect(file("字".repeat(1001))).toMatchObject({ ok: false, code: "VALIDATION", message: "说明不能超过 1000 个字符。" });
  });

  it("takes a return only with 属地不符, 职能不符 or 权属不清", () => {
    const ret = (returnReason: unknown) =>
      checkTransition({
        caseFacts: facts("dispatched"),
        actor: PERSONAS.lead_unit,
        action: "return",
        input: { expectedVersion: 7, returnReason } as TransitionInput,
      });
    expect(ret("territory_mismatch")).toEqual({ ok: true, to: "returned", level: "grid" });
    expect(ret("function_mismatch").ok).toBe(true);
    expect(ret("ownership_unclear").ok).toBe(true);
    expect(ret(undefined)).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(ret("other")).toMatchObject({ ok: false, code: "VALIDATION" });
  });

  it("dispatches to exactly one lead unit, with distinct co-units other than the lead", () => {
    const dispatch = (leadUnitId: unknown, coUnitIds?: unknown) =>
      checkTransition({
        caseFacts: facts("filed"),
        actor: PERSONAS.dispatcher,
        action: "dispatch",
        input: { expectedVersion: 7, leadUnitId, coUnitIds } as TransitionInput,
      });
    expect(dispatch(200)).toEqual({ ok: true, to: "dispatched", level: "grid" });
    expect(dispatch(200, [201, 202]).ok).toBe(true);
    expect(dispatch(undefined)).toMatchObject({ code: "VALIDATION", message: "派遣必须指定一个主办单位。" });
    expect(dispatch(0)).toMatchObject({ code: "VALIDATION" });
    expect(dispatch(2.5)).toMatchObject({ code: "VALIDATION" });
    expect(dispatch(200, [201, 201])).toMatchObject({ code: "VALIDATION" });
    expect(dispatch(200, [200])).toMatchObject({ code: "VALIDATION" });
    expect(dispatch(200, [-1])).toMatchObject({ code: "VALIDATION" });
  });

  it("evaluates only with one of the six satisfaction answers and one of the three 问题是否解决 answers", () => {
    const evaluate = (satisfaction: unknown, ...answer: unknown[]) =>
      checkTransition({
        caseFacts: facts("closed"),
        actor: PERSONAS.operator,
        action: "evaluate",
        input: { expectedVersion: 7, satisfaction, resolution: answer.length ? answer[0] : "resolved" } as TransitionInput,
      });
    for (const s of ["very_satisfied", "satisfied", "fairly_satisfied", "dissatisfied", "very_dissatisfied", "no_opinion"]) {
      expect(evaluate(s)).toEqual({ ok: true, to: "evaluated", level: "grid" });
    }
    expect(evaluate(undefined)).toMatchObject({ code: "VALIDATION" });
    expect(evaluate("happy")).toMatchObject({ code: "VALIDATION" });
    for (const r of ["resolved", "unresolved", "no_opinion"])
      expect(evaluate("satisfied", r)).toEqual({ ok: true, to: "evaluated", level: "grid" });
    const missing = { ok: false, code: "VALIDATION", message: "回访评价必须选择问题是否解决（已解决、未解决或未表态）。" };
    expect(evaluate("satisfied", undefined)).toEqual(missing);
    expect(evaluate("satisfied", null)).toEqual(missing);
    expect(evaluate("satisfied", "maybe")).toEqual(missing);
  });

  it("rates discovery with an integer from 1 to 5 only", () => {
    const rate = (discoveryStars: unknown) =>
      checkTransition({
        caseFacts: facts("filed"),
        actor: PERSONAS.operator,
        action: "rate_discovery",
        input: { expectedVersion: 7, discoveryStars } as TransitionInput,
      });
    for (const n of [1, 2, 3, 4, 5]) expect(rate(n)).toEqual({ ok: true, to: "filed", level: "grid" });
    for (const n of [0, 6, 3.5, "3", undefined])
      expect(rate(n)).toMatchObject({ code: "VALIDATION", message: "发现评星必须是 1 到 5 的整数。" });
  });
});

describe("采办分离", () => {
  // The reporter also holds every command-center grant at the grid level: only 采办分离 can stop them.
  const reporterWithGrants: CaseActorFacts = {
    userId: REPORTER,
    unitIds: [],
    grants: [
      { kind: "operator", level: "grid" },
      { kind: "verifier", level: "grid" },
      { kind: "dispatcher", level: "grid" },
    ],
  };

  it("never lets the reporter verify, close or reopen, and says why", () => {
    for (const [action, state] of [
      ["start_verification", "reported_back"],
      ["close", "verifying"],
      ["reopen", "verifying"],
      ["reopen", "closed"],
    ] as const) {
      const result = checkTransition({ caseFacts: facts(state), actor: reporterWithGrants, action, input: FULL });
      expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
      if (!result.ok) expect(result.message).toContain("采办分离");
    }
    expect(checkTransition({ caseFacts: facts("verifying"), actor: reporterWithGrants, action: "close", input: FULL })).toEqual({
      ok: false,
      code: "FORBIDDEN",
      message: "上报人不能对自己上报的案件执行「结案」（采办分离）。",
    });
  });

  it("does not let the reporter record its own return visit or rate its own discovery", () => {
    expect(
      checkTransition({ caseFacts: facts("closed"), actor: reporterWithGrants, action: "evaluate", input: FULL }),
    ).toMatchObject({ code: "FORBIDDEN" });
    expect(
      checkTransition({ caseFacts: facts("filed"), actor: reporterWithGrants, action: "rate_discovery", input: FULL }),
    ).toMatchObject({ code: "FORBIDDEN" });
  });

  it("受审分离: the reporter, though the level's operator, may not file its own report; another operator may", () => {
    expect(checkTransition({ caseFacts: facts("reported"), actor: reporterWithGrants, action: "file", input: FULL })).toEqual({
      ok: false,
      code: "FORBIDDEN",
      message: "上报人不能对自己上报的事件执行「立案」（受审分离），请由本级其他受理人员立案。",
    });
    expect(checkTransition({ caseFacts: facts("reported"), actor: PERSONAS.operator, action: "file", input: FULL }).ok).toBe(
      true,
    );
    // It may still withdraw its report before filing, and dispatch a case someone else filed.
    expect(checkTransition({ caseFacts: facts("reported"), actor: reporterWithGrants, action: "withdraw", input: FULL }).ok).toBe(
      true,
    );
    expect(checkTransition({ caseFacts: facts("filed"), actor: reporterWithGrants, action: "dispatch", input: FULL }).ok).toBe(
      true,
    );
  });

  it("never lets the reporter act for the handling units, even as a member of the lead unit or a co-unit", () => {
    // Worked example: grid worker 10 of 城管 (unit 100) reports; the case goes to 城管. A colleague (30) signs,
    // handles and reports back; the reporter may do none of it.
    const reporterInLead: CaseActorFacts = { userId: REPORTER, unitIds: [LEAD], grants: [] };
    const reporterInCo: CaseActorFacts = { userId: REPORTER, unitIds: [CO], grants: [] };
    for (const [action, state, who] of [
      ["acknowledge", "dispatched", reporterInLead],
      ["return", "dispatched", reporterInLead],
      ["handle", "acknowledged", reporterInLead],
      ["report_back", "handled", reporterInLead],
      ["extension_request", "acknowledged", reporterInLead],
      ["co_report_back", "handled", reporterInCo],
    ] as const) {
      expect(checkTransition({ caseFacts: facts(state), actor: who, action, input: FULL }), action).toEqual({
        ok: false,
        code: "FORBIDDEN",
        message: `上报人不能对自己上报的案件执行「${caseLabel(action)}」（采办分离）。`,
      });
      const colleague = action === "co_report_back" ? PERSONAS.co_unit : PERSONAS.lead_unit;
      expect(checkTransition({ caseFacts: facts(state), actor: colleague, action, input: FULL }).ok, action).toBe(true);
    }
    expect(availableActions(facts("dispatched"), reporterInLead)).toEqual([]);
    expect(availableActions(facts("acknowledged"), reporterInLead)).toEqual([]);
  });

  it("never lets the handling units verify, close or reopen", () => {
    const verifierOf = (unitIds: number[]): CaseActorFacts => ({
      userId: 41,
      unitIds,
      grants: [{ kind: "verifier", level: "grid" }],
    });
    const message = "承办（主办、协办）单位不能对本单位处置的案件执行「结案」（采办分离）。";
    // lead unit 100 (also the handler)
    expect(checkTransition({ caseFacts: facts("verifying"), actor: verifierOf([LEAD]), action: "close", input: FULL })).toEqual({
      ok: false,
      code: "FORBIDDEN",
      message,
    });
    // a co-unit
    expect(
      checkTransition({ caseFacts: facts("verifying"), actor: verifierOf([CO]), action: "close", input: FULL }),
    ).toMatchObject({ code: "FORBIDDEN" });
    // the recorded handler when it is no longer the lead (re-dispatched after a reopen in an older flow)
    const handledElsewhere = facts("reported_back", { leadUnitId: 300, handledByUnitId: 150 });
    expect(
      checkTransition({ caseFacts: handledElsewhere, actor: verifierOf([150]), action: "start_verification", input: FULL }),
    ).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(
      checkTransition({ caseFacts: facts("reported_back"), actor: verifierOf([LEAD]), action: "reopen", input: FULL }),
    ).toMatchObject({ code: "FORBIDDEN" });
    // a verifier of an unrelated unit may
    expect(checkTransition({ caseFacts: facts("verifying"), actor: verifierOf([777]), action: "close", input: FULL })).toEqual({
      ok: true,
      to: "closed",
      level: "grid",
    });
  });

  it("lets a reporter without an account (12345 caller) never match a user", () => {
    const anonymous = facts("verifying", { reporterUserId: null });
    expect(actorKindsFor(anonymous, PERSONAS.verifier)).toEqual(["verifier"]);
    expect(actorKindsFor(anonymous, PERSONAS.system)).toEqual(["system"]);
  });
});

describe("the whole loop, with a reopen", () => {
  it("goes report → file → dispatch → acknowledge → handle → report back → verify → reopen → … → close → evaluate", () => {
    let c = facts("reported", { leadUnitId: null, coUnitIds: [], handledByUnitId: null, version: 1 });
    // Each step: action, actor, input, the state expected after it (by hand).
    const steps: [CaseAction, CaseActorFacts, Partial<TransitionInput>, CaseState][] = [
      ["file", PERSONAS.operator, {}, "filed"],
      ["rate_discovery", PERSONAS.operator, { discoveryStars: 3 }, "filed"],
      ["dispatch", PERSONAS.dispatcher, { leadUnitId: LEAD, coUnitIds: [CO] }, "dispatched"],
      ["acknowledge", PERSONAS.lead_unit, {}, "acknowledged"],
      ["handle", PERSONAS.lead_unit, { note: "已清理" }, "handled"],
      ["co_report_back", PERSONAS.co_unit, { note: "已配合执法" }, "handled"],
      ["report_back", PERSONAS.lead_unit, { note: "堆物已清理完毕" }, "reported_back"],
      ["start_verification", PERSONAS.verifier, {}, "verifying"],
      ["reopen", PERSONAS.verifier, { note: "楼道仍有堆物" }, "acknowledged"],
      ["handle", PERSONAS.lead_unit, {}, "handled"],
      ["report_back", PERSONAS.lead_unit, { note: "已全部清理" }, "reported_back"],
      ["start_verification", PERSONAS.verifier, {}, "verifying"],
      ["close", PERSONAS.verifier, {}, "closed"],
      ["evaluate", PERSONAS.operator, { satisfaction: "very_satisfied", resolution: "resolved" }, "evaluated"],
    ];
    for (const [action, actor, input, expected] of steps) {
      const result = checkTransition({ caseFacts: c, actor, action, input: { expectedVersion: c.version, ...input } });
      expect(result, action).toMatchObject({ ok: true, to: expected });
      c = {
        ...c,
        state: expected,
        version: c.version + 1,
        leadUnitId: input.leadUnitId ?? c.leadUnitId,
        coUnitIds: input.coUnitIds ?? c.coUnitIds,
        handledByUnitId: action === "handle" ? c.leadUnitId : c.handledByUnitId,
      };
    }
    expect(c.version).toBe(15); // 1 + 14 steps
  });

  it("keeps a reopened case with the same unit: no second acknowledgement, no return", () => {
    const reopened = facts("acknowledged");
    expect(checkTransition({ caseFacts: reopened, actor: PERSONAS.lead_unit, action: "acknowledge", input: FULL })).toMatchObject(
      { code: "CONFLICT" },
    );
    expect(checkTransition({ caseFacts: reopened, actor: PERSONAS.lead_unit, action: "return", input: FULL })).toMatchObject({
      code: "CONFLICT",
    });
    expect(checkTransition({ caseFacts: reopened, actor: PERSONAS.lead_unit, action: "handle", input: FULL })).toEqual({
      ok: true,
      to: "handled",
      level: "grid",
    });
  });

  it("sends a returned case back to the dispatcher, who re-dispatches or cancels", () => {
    const returned = facts("returned");
    expect(checkTransition({ caseFacts: returned, actor: PERSONAS.dispatcher, action: "dispatch", input: FULL })).toEqual({
      ok: true,
      to: "dispatched",
      level: "grid",
    });
    expect(checkTransition({ caseFacts: returned, actor: PERSONAS.operator, action: "cancel", input: FULL })).toEqual({
      ok: true,
      to: "cancelled",
      level: "grid",
    });
  });

  it("suspends (挂账) and resumes to filed", () => {
    expect(
      checkTransition({ caseFacts: facts("acknowledged"), actor: PERSONAS.dispatcher, action: "suspend", input: FULL }),
    ).toEqual({ ok: true, to: "suspended", level: "grid" });
    expect(checkTransition({ caseFacts: facts("suspended"), actor: PERSONAS.operator, action: "resume", input: FULL })).toEqual({
      ok: true,
      to: "filed",
      level: "grid",
    });
  });
});

describe("escalation up the ladder", () => {
  it("raises the level one step at a time and keeps the state, then refuses beyond the district", () => {
    const escalate = (level: CaseLevel) =>
      checkTransition({ caseFacts: facts("acknowledged", { level }), actor: PERSONAS.system, action: "escalate", input: FULL });
    expect(escalate("grid")).toEqual({ ok: true, to: "acknowledged", level: "community" });
    expect(escalate("community")).toEqual({ ok: true, to: "acknowledged", level: "street" });
    expect(escalate("street")).toEqual({ ok: true, to: "acknowledged", level: "district" });
    expect(escalate("district")).toEqual({ ok: false, code: "VALIDATION", message: "案件已在区级，无法再向上报送。" });
  });

  it("hands the case to the level above: the grid operator can no longer act, the community operator can", () => {
    const atCommunity = facts("filed", { level: "community" });
    const communityOperator: CaseActorFacts = { userId: 22, unitIds: [], grants: [{ kind: "operator", level: "community" }] };
    expect(checkTransition({ caseFacts: atCommunity, actor: PERSONAS.operator, action: "escalate", input: FULL })).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(checkTransition({ caseFacts: atCommunity, actor: communityOperator, action: "escalate", input: FULL })).toEqual({
      ok: true,
      to: "filed",
      level: "street",
    });
  });

  it("refuses escalating a closed, cancelled or evaluated case", () => {
    for (const state of ["closed", "cancelled", "evaluated"] as const) {
      expect(checkTransition({ caseFacts: facts(state), actor: PERSONAS.system, action: "escalate", input: FULL })).toMatchObject(
        { code: "CONFLICT" },
      );
    }
  });

  it("lets the system do nothing but escalate", () => {
    expect(availableActions(facts("acknowledged"), PERSONAS.system)).toEqual(["escalate"]);
  });
});

describe("concurrency and extensions", () => {
  it("refuses a stale version even when everything else is right", () => {
    const result = checkTransition({
      caseFacts: facts("dispatched"),
      actor: PERSONAS.lead_unit,
      action: "acknowledge",
      input: { expectedVersion: 6 },
    });
    expect(result).toEqual({ ok: false, code: "CONFLICT", message: "案件已被他人更新，请刷新后重试。" });
  });

  it("refuses a retried request after it succeeded (double click)", () => {
    // First click moved dispatched v7 → acknowledged v8; the second click still carries version 7.
    const after = facts("acknowledged", { version: 8 });
    expect(
      checkTransition({ caseFacts: after, actor: PERSONAS.lead_unit, action: "acknowledge", input: { expectedVersion: 7 } }),
    ).toMatchObject({ code: "CONFLICT" });
  });

  it("allows one pending extension request at a time, and decisions only on a pending one", () => {
    const pending = facts("acknowledged", { extensionPending: true });
    const none = facts("acknowledged", { extensionPending: false });
    expect(checkTransition({ caseFacts: pending, actor: PERSONAS.lead_unit, action: "extension_request", input: FULL })).toEqual({
      ok: false,
      code: "CONFLICT",
      message: "已有一项延期申请正在等待审批。",
    });
    expect(
      checkTransition({ caseFacts: none, actor: PERSONAS.dispatcher, action: "extension_approve", input: FULL }),
    ).toMatchObject({ code: "CONFLICT" });
    expect(
      checkTransition({ caseFacts: none, actor: PERSONAS.dispatcher, action: "extension_reject", input: FULL }),
    ).toMatchObject({ code: "CONFLICT" });
    expect(
      checkTransition({
        caseFacts: pending,
        actor: PERSONAS.dispatcher,
        action: "extension_approve",
        input: { expectedVersion: 7 },
      }),
    ).toEqual({
      ok: true,
      to: "acknowledged",
      level: "grid",
    });
  });

  it("refuses an unknown action", () => {
    const result = checkTransition({
      caseFacts: facts("reported"),
      actor: PERSONAS.operator,
      action: "teleport" as CaseAction,
      input: FULL,
    });
    expect(result).toEqual({ ok: false, code: "VALIDATION", message: "未知的操作。" });
  });
});

describe("availableActions (the buttons)", () => {
  it("lists what each persona can do now", () => {
    expect(availableActions(facts("reported"), PERSONAS.operator)).toEqual(["file", "cancel", "escalate"]);
    expect(availableActions(facts("reported"), PERSONAS.reporter)).toEqual(["withdraw"]);
    expect(availableActions(facts("dispatched"), PERSONAS.lead_unit)).toEqual(["acknowledge", "return", "rate_discovery"]);
    expect(availableActions(facts("acknowledged"), PERSONAS.lead_unit)).toEqual([
      "handle",
      "extension_request",
      "rate_discovery",
    ]);
    expect(availableActions(facts("acknowledged"), PERSONAS.community)).toEqual(["rate_discovery"]);
    expect(availableActions(facts("verifying"), PERSONAS.verifier)).toEqual(["close", "reopen"]);
    expect(availableActions(facts("verifying"), PERSONAS.reporter)).toEqual([]);
  });

  it("does not offer escalation at the district", () => {
    const districtOperator: CaseActorFacts = { userId: 70, unitIds: [], grants: [{ kind: "operator", level: "district" }] };
    expect(availableActions(facts("reported", { level: "district" }), districtOperator)).toEqual(["file", "cancel"]);
  });
});

describe("discovery stars (发现评星) by the receiving side", () => {
  it("may come from the level's office, the community the case was found in or the lead unit; never the reporter", () => {
    const rate = (actor: CaseActorFacts, over: Partial<CaseFacts> = {}) =>
      checkTransition({ caseFacts: facts("acknowledged", over), actor, action: "rate_discovery", input: FULL });
    expect(rate(PERSONAS.operator)).toEqual({ ok: true, to: "acknowledged", level: "grid" });
    expect(rate(PERSONAS.community)).toEqual({ ok: true, to: "acknowledged", level: "grid" });
    expect(rate(PERSONAS.lead_unit)).toEqual({ ok: true, to: "acknowledged", level: "grid" });
    // A case raised to the street: the community still received it, and so did its lead unit.
    expect(rate(PERSONAS.community, { level: "street" }).ok).toBe(true);
    expect(rate(PERSONAS.lead_unit, { level: "street" }).ok).toBe(true);
    // Neither a co-unit, nor the reporter even inside the lead unit or the community office.
    expect(rate(PERSONAS.co_unit)).toMatchObject({
      code: "FORBIDDEN",
      message: "只有本级受理员或所在社区受理员或主办单位可以执行「发现评星」。",
    });
    const reporterInLeadAndCommunity: CaseActorFacts = {
      userId: REPORTER,
      unitIds: [LEAD],
      grants: [{ kind: "operator", level: "community" }],
    };
    expect(rate(reporterInLeadAndCommunity)).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("采办分离") });
  });
});

describe("extensions (延期) before the limit runs out", () => {
  const overdue = (over: Partial<CaseFacts> = {}) => facts("acknowledged", { handleDeadlinePassed: true, ...over });
  const MESSAGE = "办理时限已过，不能再申请延期：延期须在时限届满前申请。请尽快办结并反馈，本案将按超期办结计。";

  it("refuses a request once the handling limit has passed, with the reason, and lists it as blocked", () => {
    expect(
      checkTransition({ caseFacts: overdue(), actor: PERSONAS.lead_unit, action: "extension_request", input: FULL }),
    ).toEqual({ ok: false, code: "CONFLICT", message: MESSAGE });
    expect(availableActions(overdue(), PERSONAS.lead_unit)).toEqual(["handle", "rate_discovery"]);
    expect(blockedActions(overdue(), PERSONAS.lead_unit)).toEqual([{ action: "extension_request", reason: MESSAGE }]);
    // In time: offered, nothing blocked.
    expect(availableActions(facts("acknowledged"), PERSONAS.lead_unit)).toContain("extension_request");
    expect(blockedActions(facts("acknowledged"), PERSONAS.lead_unit)).toEqual([]);
  });

  it("blocks nothing for someone who could not ask anyway", () => {
    expect(blockedActions(overdue(), PERSONAS.operator)).toEqual([]);
    expect(blockedActions(overdue(), PERSONAS.reporter)).toEqual([]);
    expect(blockedActions(overdue({ extensionPending: true }), PERSONAS.lead_unit)).toEqual([]);
  });

  it("still decides a request made in time after the deadline has passed", () => {
    const pending = overdue({ extensionPending: true });
    expect(checkTransition({ caseFacts: pending, actor: PERSONAS.dispatcher, action: "extension_approve", input: FULL })).toEqual(
      { ok: true, to: "acknowledged", level: "grid" },
    );
    expect(checkTransition({ caseFacts: pending, actor: PERSONAS.dispatcher, action: "extension_reject", input: FULL }).ok).toBe(
      true,
    );
  });
});

describe("the return visit: 不满意 leads to 督办 and 返工, a satisfied evaluation is final", () => {
  it("lets the verifier or operator reopen and the supervisor order after 不满意 or 非常不满意", () => {
    for (const satisfaction of ["dissatisfied", "very_dissatisfied"] as const) {
      const c = facts("evaluated", { satisfaction });
      expect(checkTransition({ caseFacts: c, actor: PERSONAS.verifier, action: "reopen", input: FULL })).toEqual({
        ok: true,
        to: "acknowledged",
        level: "grid",
      });
      expect(checkTransition({ caseFacts: c, actor: PERSONAS.operator, action: "reopen", input: FULL }).ok).toBe(true);
      expect(checkTransition({ caseFacts: c, actor: PERSONAS.supervisor, action: "supervision_order", input: FULL })).toEqual({
        ok: true,
        to: "evaluated",
        level: "grid",
      });
      expect(availableActions(c, PERSONAS.verifier)).toEqual(["reopen"]);
      expect(availableActions(c, PERSONAS.supervisor)).toEqual(["supervision_order"]);
    }
  });

  it("keeps 采办分离 on that reopen: not the reporter, not the handling unit", () => {
    const c = facts("evaluated", { satisfaction: "dissatisfied" });
    const reporterVerifier: CaseActorFacts = { userId: REPORTER, unitIds: [], grants: [{ kind: "verifier", level: "grid" }] };
    const leadVerifier: CaseActorFacts = { userId: 41, unitIds: [LEAD], grants: [{ kind: "verifier", level: "grid" }] };
    expect(checkTransition({ caseFacts: c, actor: reporterVerifier, action: "reopen", input: FULL })).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(checkTransition({ caseFacts: c, actor: leadVerifier, action: "reopen", input: FULL })).toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("refuses a reopen or 督办 after any other answer: that evaluation is final", () => {
    for (const satisfaction of ["very_satisfied", "satisfied", "fairly_satisfied", "no_opinion"] as const) {
      const c = facts("evaluated", { satisfaction });
      expect(checkTransition({ caseFacts: c, actor: PERSONAS.verifier, action: "reopen", input: FULL })).toEqual({
        ok: false,
        code: "CONFLICT",
        message: "回访评价为满意或未表示不满意，评价即为终结，不能再执行「返工」。",
      });
      expect(
        checkTransition({ caseFacts: c, actor: PERSONAS.supervisor, action: "supervision_order", input: FULL }),
      ).toMatchObject({ ok: false, code: "CONFLICT" });
      expect(availableActions(c, PERSONAS.verifier)).toEqual([]);
      expect(availableActions(c, PERSONAS.operator)).toEqual(["rate_discovery"]);
    }
  });
});
