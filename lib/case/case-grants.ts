import type { Assignment } from "../auth/actor";
import type { Role } from "../auth/roles";
import { scopeContains } from "../auth/scope";
import type { CaseLevel } from "./case-states";
import { CASE_LEVELS } from "./case-states";
import type { CaseActorFacts, CaseGrant, GrantKind } from "./case-transitions";

/**
 * Which command-center grants each role holds over cases inside its area, and at which ladder level.
 * The offices accept (operator), dispatch and supervise at their own level: the district command center
 * at the district, a street sub-centre at the street, a community workstation at the community, and the
 * 小区 grid head for grid-level cases (小问题不出网格). Verification on the spot (核查) is grid work: grid workers
 * and community heads verify cases of every level inside their area, besides the offices (采办分离 still
 * refuses the reporter and the handling units, whatever the grant).
 */
const OFFICE: readonly GrantKind[] = ["operator", "dispatcher", "verifier", "supervisor"];

export const ROLE_CASE_GRANTS: Readonly<Record<Role, readonly CaseGrant[]>> = {
  district_commander: OFFICE.map((kind) => ({ kind, level: "district" })),
  street_operator: OFFICE.map((kind) => ({ kind, level: "street" })),
  community_head: [
    ...OFFICE.map((kind) => ({ kind, level: "community" as CaseLevel })),
    ...onEveryLevel("verifier", ["community"]),
  ],
  xiaoqu_head: OFFICE.map((kind) => ({ kind, level: "grid" })),
  grid_worker: onEveryLevel("verifier"),
  department_handler: [],
  analyst: [],
  hr_clerk: [],
  payroll_clerk: [],
  system_admin: [],
};

function onEveryLevel(kind: GrantKind, except: readonly CaseLevel[] = []): CaseGrant[] {
  return CASE_LEVELS.filter((level) => !except.includes(level)).map((level) => ({ kind, level }));
}

/**
 * The actor facts for one case: the grants of the assignments whose area contains the case's basic grid
 * (`casePath`), and the units the user acts for. The system actor (the clock) has userId null.
 */
export function caseActorFacts(args: {
  userId: number | null;
  assignments: readonly Assignment[];
  unitIds: readonly number[];
  casePath: string;
}): CaseActorFacts {
  const grants: CaseGrant[] = [];
  for (const a of args.assignments) {
    if (!scopeContains([a.regionPath], args.casePath)) continue;
    for (const g of ROLE_CASE_GRANTS[a.role]) if (!grants.some((x) => x.kind === g.kind && x.level === g.level)) grants.push(g);
  }
  return { userId: args.userId, unitIds: args.unitIds, grants };
}
