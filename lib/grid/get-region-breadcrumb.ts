import "server-only";
import { findRegionAncestry } from "../../db/queries/region";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { DomainError, parseInput, wrapDatabaseError } from "../errors";
import { errorMessages } from "../i18n/zh-CN/errors";
import { levelNameOf, type RegionCrumb } from "./dto";
import { RegionIdInput } from "./schemas";

/** 区 → 街道 → 社区 → 小区 → 网格 down to the given area, starting at the top of the caller's scope. */
export async function getRegionBreadcrumb({ ctx, input }: { ctx: RequestContext; input: RegionIdInput }): Promise<RegionCrumb[]> {
  const scope = authorize(ctx, "map.view");
  const { id } = parseInput(RegionIdInput, input);
  const rows = await findRegionAncestry(ctx.db, id, scope).catch((e) => {
    throw wrapDatabaseError(e);
  });
  if (rows.length === 0) throw new DomainError("NOT_FOUND", errorMessages.regionNotFound);
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, level: r.level, levelName: levelNameOf(r.level, r.kind) }));
}
