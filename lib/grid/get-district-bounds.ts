import "server-only";
import { findScopeRoot } from "../../db/queries/region";
import type { RequestContext } from "../context";
import { DomainError, wrapDatabaseError } from "../errors";
import { errorMessages } from "../i18n/zh-CN/errors";
import type { Bounds } from "./dto";

export type DistrictView = { id: number; code: string; name: string; level: number; bounds: Bounds };

/** The caller's top area (the whole district for the command centre) and the bounds the map opens on. */
export async function getDistrictBounds({ ctx }: { ctx: RequestContext; input?: Record<string, never> }): Promise<DistrictView> {
  const row = await findScopeRoot(ctx.db, ctx.scopePath).catch((e) => {
    throw wrapDatabaseError(e);
  });
  if (!row) throw new DomainError("NOT_FOUND", errorMessages.districtMissing);
  return { id: row.id, code: row.code, name: row.name, level: row.level, bounds: [row.west, row.south, row.east, row.north] };
}
