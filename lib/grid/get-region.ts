import "server-only";
import { findRegionById } from "../../db/queries/region";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { DomainError, parseInput, wrapDatabaseError } from "../errors";
import { errorMessages } from "../i18n/zh-CN/errors";
import { toRegionDetail, type RegionDetail } from "./dto";
import { RegionIdInput } from "./schemas";

/** One area of the grid tree with its counts and bounds, if the caller's scope covers it. */
export async function getRegion({ ctx, input }: { ctx: RequestContext; input: RegionIdInput }): Promise<RegionDetail> {
  const scope = authorize(ctx, "map.view");
  const { id } = parseInput(RegionIdInput, input);
  const row = await findRegionById(ctx.db, id, scope).catch((e) => {
    throw wrapDatabaseError(e);
  });
  if (!row) throw new DomainError("NOT_FOUND", errorMessages.regionNotFound);
  return toRegionDetail(row);
}
