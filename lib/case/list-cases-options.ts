import "server-only";
import { findCategoryOptions } from "../../db/queries/case-list";
import { findRegionAncestry, findRegionChildren, findScopeRoots } from "../../db/queries/region";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { wrapDatabaseError } from "../errors";
import { levelNameOf } from "../grid/dto";

export type CategoryOption = { id: number; name: string; depth: number; parentId: number | null; active: boolean };

export type AreaOption = { id: number; name: string; levelName: string; level: number };

/**
 * The area picker, limited to the caller's scope: the chosen area with its ancestors inside the scope
 * (to go back up), and its children (to narrow down). Without a chosen area: the scope's own regions.
 */
export type AreaChoice = {
  /** The chosen area, null = the whole scope. */
  current: AreaOption | null;
  /** From the top of the scope down to the chosen area's parent. */
  ancestors: AreaOption[];
  /** Where to go next: the chosen area's children, or the scope's roots and (with one root) its children. */
  children: AreaOption[];
  /** The scope's own regions (one for most callers). */
  roots: AreaOption[];
};

/** The pickers of the case list and the rates page: the category tree and the area choice, for `action`'s scope. */
export async function caseListOptions({
  ctx,
  areaId,
  action = "case.read",
}: {
  ctx: RequestContext;
  areaId?: number;
  action?: "case.read" | "case.export";
}): Promise<{ categories: CategoryOption[]; area: AreaChoice }> {
  const scope = authorize(ctx, action);
  try {
    const [categoryRows, rootRows] = await Promise.all([findCategoryOptions(ctx.db), findScopeRoots(ctx.db, scope)]);
    const option = (r: { id: number; name: string; level: number; kind: string }): AreaOption => ({
      id: r.id,
      name: r.name,
      level: r.level,
      levelName: levelNameOf(r.level, r.kind),
    });
    const roots = rootRows.map(option);
    let current: AreaOption | null = null;
    let ancestors: AreaOption[] = [];
    let children: AreaOption[];
    const chain = areaId === undefined ? [] : await findRegionAncestry(ctx.db, areaId, scope);
    if (chain.length > 0) {
      current = option(chain[chain.length - 1]);
      ancestors = chain.slice(0, -1).map(option);
      children = (await findRegionChildren(ctx.db, current.id, scope)).map(option);
    } else if (roots.length === 1) {
      children = (await findRegionChildren(ctx.db, roots[0].id, scope)).map(option);
    } else {
      children = roots;
    }
    return { categories: nestCategories(categoryRows), area: { current, ancestors, children, roots } };
  } catch (e) {
    throw wrapDatabaseError(e);
  }
}

/** Parents first, each followed by its children (depth-first, by sort order): the order of an indented picker. */
export function nestCategories(
  rows: readonly { id: number; name: string; parentId: number | null; active: boolean; sort: number }[],
): CategoryOption[] {
  const byParent = new Map<number | null, (typeof rows)[number][]>();
  for (const r of rows) {
    const list = byParent.get(r.parentId) ?? [];
    list.push(r);
    byParent.set(r.parentId, list);
  }
  const out: CategoryOption[] = [];
  const walk = (parentId: number | null, depth: number) => {
    for (const r of [...(byParent.get(parentId) ?? [])].sort((a, b) => a.sort - b.sort || a.id - b.id)) {
      out.push({ id: r.id, name: r.name, depth, parentId: r.parentId, active: r.active });
      if (depth < 8) walk(r.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
