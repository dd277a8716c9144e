import { describe, expect, it } from "vitest";
import type { Assignment } from "../auth/actor";
import type { Role } from "../auth/roles";
import { caseActorFacts } from "./case-grants";
import { CASE_LEVELS, CASE_STATES, type CaseLevel, type CaseState } from "./case-states";
import { availableActions, type CaseFacts } from "./case-transitions";

const GRID = "1.2.3.4.5";
const assignment = (role: Role, regionPath: string): Assignment => ({
  role,
  regionId: 1,
  regionPath,
  regionName: "",
  regionLevel: regionPath.split(".").length - 1,
});
/** Each role assigned at its own level of the case's ladder (departments at the district). */
const OWN_REGION: Record<Role, string> = {
  district_commander: "1",
  street_operator: "1.2",
  community_head: "1.2.3",
  xiaoqu_head: "1.2.3.4",
  grid_worker: GRID,
  department_handler: "1",
  analyst: "1",
  hr_clerk: "1",
  payroll_clerk: "1",
  system_admin: "1",
};
const facts = (state: CaseState, level: CaseLevel, extra: Partial<CaseFacts> = {}): CaseFacts => ({
  state,
  level,
  reporterUserId: 99,
  leadUnitId: 7,
  coUnitIds: [8],
  handledByUnitId: null,
  extensionPending: false,
  handleDeadlinePassed: false,
  satisfaction: null,
  version: 1,
  ...extra,
});
const actionsOf = (role: Role, f: CaseFacts, unitIds: number[] = [], userId = 1) =>
  availableActions(f, caseActorFacts({ userId, assignments: [assignment(role, OWN_REGION[role])], unitIds, casePath: GRID }));

describe("what each role may do, by the level of the case", () => {
  it("the office of the case's level files and dispatches; the other offices only supervise from above", () => {
    const byRole = (level: CaseLevel) =>
      (["xiaoqu_head", "community_head", "street_operator", "district_commander"] as const).filter((r) =>
        actionsOf(r, facts("filed", level)).includes("dispatch"),
      );
    expect(CASE_LEVELS.map(byRole)).toEqual([["xiaoqu_head"], ["community_head"], ["street_operator"], ["district_commander"]]);
    expect(actionsOf("street_operator", facts("dispatched", "community"))).toEqual(["supervision_order"]);
    // The community the case was found in only rates its discovery (it received the report).
    expect(actionsOf("community_head", facts("dispatched", "street"))).toEqual(["rate_discovery"]);
  });

  it("grid workers and community heads verify on the spot at every level; the analyst, HR, payroll and the administrator never act", () => {
    for (const level of CASE_LEVELS) {
      expect(actionsOf("grid_worker", facts("reported_back", level))).toEqual(["start_verification", "reopen"]);
      expect(actionsOf("community_head", facts("verifying", level))).toEqual(expect.arrayContaining(["close", "reopen"]));
    }
    for (const role of ["analyst", "hr_clerk", "payroll_clerk", "system_admin"] as const) {
      for (const state of CASE_STATES) expect(actionsOf(role, facts(state, "street"))).toEqual([]);
    }
  });

  it("a department acts only for its own unit: lead unit acknowledges, handles and reports back; a co-unit reports its part", () => {
    // The lead unit received the case, so it may rate the discovery too.
    expect(actionsOf("department_handler", facts("dispatched", "street"), [7])).toEqual([
      "acknowledge",
      "return",
      "rate_discovery",
    ]);
    expect(actionsOf("department_handler", facts("acknowledged", "street"), [7])).toEqual([
      "handle",
      "extension_request",
      "rate_discovery",
    ]);
    expect(actionsOf("department_handler", facts("acknowledged", "street"), [8])).toEqual(["co_report_back"]);
    expect(actionsOf("department_handler", facts("acknowledged", "street"), [9])).toEqual([]);
  });

  it("采办分离 on the handling side: a department handler who reported the case does nothing on it for its unit", () => {
    expect(actionsOf("department_handler", facts("dispatched", "street"), [7], 99)).toEqual([]);
    expect(actionsOf("department_handler", facts("acknowledged", "street"), [7], 99)).toEqual([]);
    expect(actionsOf("department_handler", facts("acknowledged", "street"), [8], 99)).toEqual([]);
  });

  it("采办分离 holds whatever the role: the reporter never verifies or closes, the handling unit never verifies", () => {
    expect(actionsOf("grid_worker", facts("reported_back", "grid"), [], 99)).toEqual([]);
    expect(actionsOf("street_operator", facts("verifying", "street"), [], 99)).not.toContain("close");
    expect(actionsOf("street_operator", facts("verifying", "street", { handledByUnitId: 5 }), [5])).not.toContain("close");
  });

  it("grants nothing outside the assignment's area", () => {
    const outside = availableActions(
      facts("filed", "street"),
      caseActorFacts({ userId: 1, assignments: [assignment("street_operator", "1.9")], unitIds: [], casePath: GRID }),
    );
    expect(outside).toEqual([]);
  });
});
