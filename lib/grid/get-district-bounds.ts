import "server-only";
import { findScopeRoots } from "../../db/queries/region";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { DomainError, wrapDatabaseError } from "../errors";
import { errorMessages } from "../i18n/zh-CN/errors";
import type { Bounds } from "./dto";

export type DistrictView = { id: number; code: string; name: string; level: number; bounds: Bounds };

/**
 * The caller's top area (the whole district for the command centre, the own grid for a grid worker)
 * and the bounds the map opens on: with several assigned areas, the first one and the bounds of all.
 */
export async function getDistrictBounds({ ctx }: { ctx: RequestContext; input?: Record<string, never> }): Promise<DistrictView> {
  const scope = authorize(ctx, "map.view");
  const rows = await findScopeRoots(ctx.db, scope).catch((e) => {
    throw wrapDatabaseError(e);
  });
  const first = rows[0];
  if (!first) throw new DomainError("NOT_FOUND", errorMessages.districtMissing);
  const bounds: Bounds = [
    Math.min(...rows.map((r) => r.west)),
    Math.min(...rows.map((r) => r.south)),
    Math.max(...rows.map((r) => r.east)),
    Math.max(...rows.map((r) => r.north)),
  ];
  return { id: first.id, code: first.code, name: first.name, level: first.level, bounds };
}
