import "server-only";
import { findActiveCategories } from "../../db/queries/case-categories";
import type { RequestContext } from "../context";
import { can } from "../auth/authorize";
import { DomainError, wrapDatabaseError } from "../errors";
import type { CaseLevel } from "./case-states";
import type { CaseUrgency } from "./time-limits";
import type { CaseKind } from "./case-dto";

export type CategoryGroup = "dispute" | "hazard" | "component" | "event" | "hotline";

/** A node of the category tree as the report form needs it. */
export type CategoryNodeDto = {
  id: number;
  code: string;
  name: string;
  group: CategoryGroup;
  kind: CaseKind;
  defaultLevel: CaseLevel;
  defaultUrgency: CaseUrgency;
  /** Disputes and hazards carry an LEC risk assessment (L × E × C). */
  riskAssessed: boolean;
  children: CategoryNodeDto[];
};

/**
 * The active category tree (roots: 矛盾纠纷, 问题隐患, 城市部件, 城市事件, 12345 诉求; their types below), for
 * anyone who reads or reports cases. Inactive categories and the children of inactive ones are left out:
 * a report may only name an active category.
 */
export async function listCategories({ ctx }: { ctx: RequestContext }): Promise<CategoryNodeDto[]> {
  if (!can(ctx, "case.report") && !can(ctx, "case.read")) throw new DomainError("FORBIDDEN");
  const rows = await findActiveCategories(ctx.db).catch((e) => {
    throw wrapDatabaseError(e);
  });
  return nestCategoryTree(rows);
}

/** Rows in sort order → the tree (any depth, any row order); a node whose parent is missing is dropped with its subtree. */
export function nestCategoryTree(
  rows: readonly {
    id: number;
    code: string;
    name: string;
    parent_id: number | null;
    grp: string;
    kind: string;
    default_level: string;
    default_urgency: string;
    risk_assessed: boolean;
  }[],
): CategoryNodeDto[] {
  const nodes = new Map<number, CategoryNodeDto>();
  for (const r of rows) {
    nodes.set(r.id, {
      id: r.id,
      code: r.code,
      name: r.name,
      group: r.grp as CategoryGroup,
      kind: r.kind as CaseKind,
      defaultLevel: r.default_level as CaseLevel,
      defaultUrgency: r.default_urgency as CaseUrgency,
      riskAssessed: r.risk_assessed,
      children: [],
    });
  }
  const roots: CategoryNodeDto[] = [];
  for (const r of rows) {
    const node = nodes.get(r.id)!;
    if (r.parent_id === null) roots.push(node);
    else nodes.get(r.parent_id)?.children.push(node);
  }
  return roots;
}
