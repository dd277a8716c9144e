import type { Role } from "../auth/roles";
import type { GridRole } from "../../db/queries/transfer";

/** Where a person works, as far as their sign-in depends on it. */
export type SignInPlacement = {
  post: { regionId: number; regionLevel: number; gridRole: GridRole } | null;
  department: { kind: string; regionId: number; caseUnitId: number | null };
};

/** The sign-in a placement gives: one (role, region) and, for a bureau, the case unit the account acts for. */
export type DerivedSignIn = { role: Role; regionId: number; caseUnitId: number | null };

const HEAD_BY_LEVEL: Record<number, Role> = { 1: "street_operator", 2: "community_head", 3: "xiaoqu_head" };

/**
 * The sign-in assignment a person's post or department gives them (the rule transfers follow):
 * - a 专职 or 兼职网格员 post → grid_worker on that basic grid;
 * - a 网格长 post → the head role of the grid's level (小区 → xiaoqu_head, 社区 → community_head,
 *   大片区 → street_operator) on that grid;
 * - no post, in a bureau (区职能部门) → department_handler on the bureau's region, acting for its case unit;
 * - otherwise none (offices and sections sign in with the roles an administrator gives them).
 * A transfer moves exactly this assignment from the old placement's to the new one's and revokes nothing else.
 */
export function derivedSignIn(p: SignInPlacement): DerivedSignIn | null {
  if (p.post) {
    if (p.post.gridRole === "grid_head") {
      const role = HEAD_BY_LEVEL[p.post.regionLevel] ?? "grid_worker";
      return { role, regionId: p.post.regionId, caseUnitId: null };
    }
    return { role: "grid_worker", regionId: p.post.regionId, caseUnitId: null };
  }
  if (p.department.kind === "bureau")
    return { role: "department_handler", regionId: p.department.regionId, caseUnitId: p.department.caseUnitId };
  return null;
}

export function sameSignIn(a: DerivedSignIn | null, b: DerivedSignIn | null): boolean {
  if (a === null || b === null) return a === b;
  return a.role === b.role && a.regionId === b.regionId && a.caseUnitId === b.caseUnitId;
}
