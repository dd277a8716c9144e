import "server-only";
import { findCategoriesForAdmin } from "../../db/queries/case-config-admin";
import { authorize } from "../auth/authorize";
import type { CaseLevel } from "../case/case-states";
import type { CaseUrgency } from "../case/time-limits";
import type { RequestContext } from "../context";
import { wrapDatabaseError } from "../errors";
import type { CategoryConfigDto } from "./dto";

/** The category tree for the configuration pages (case.configure): parents first, each followed by its children. */
export async function listConfigCategories({ ctx }: { ctx: RequestContext }): Promise<CategoryConfigDto[]> {
  authorize(ctx, "case.configure");
  const rows = await findCategoriesForAdmin(ctx.db).catch((e) => {
    throw wrapDatabaseError(e);
  });
  const children = new Map<number | null, typeof rows>();
  for (const r of rows) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r]);
  const out: CategoryConfigDto[] = [];
  const walk = (parentId: number | null, depth: number) => {
    for (const r of children.get(parentId) ?? []) {
      out.push({
        id: r.id,
        code: r.code,
        name: r.name,
        parentId: r.parentId,
        depth,
        group: r.grp,
        kind: r.kind,
        defaultLevel: r.defaultLevel as CaseLevel,
        defaultUrgency: r.defaultUrgency as CaseUrgency,
        riskAssessed: r.riskAssessed,
        active: r.active,
        version: r.version,
        updatedAt: new Date(r.updatedAt).toISOString(),
      });
      if (depth < 8) walk(r.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
