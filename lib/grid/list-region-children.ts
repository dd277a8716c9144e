import "server-only";
import { findRegionById, findRegionChildren } from "../../db/queries/region";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { DomainError, parseInput, wrapDatabaseError } from "../errors";
import { errorMessages } from "../i18n/zh-CN/errors";
import { toRegionSummary, type RegionSummary } from "./dto";
import { RegionIdInput } from "./schemas";

/** The direct children of an area (streets of the district, communities of a street …), in code order. */
export async function listRegionChildren({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: RegionIdInput;
}): Promise<RegionSummary[]> {
  const scope = authorize(ctx, "map.view");
  const { id } = parseInput(RegionIdInput, input);
  try {
    const parent = await findRegionById(ctx.db, id, scope);
    if (!parent) throw new DomainError("NOT_FOUND", errorMessages.regionNotFound);
    const rows = await findRegionChildren(ctx.db, id, scope);
    return rows.map(toRegionSummary);
  } catch (e) {
    throw wrapDatabaseError(e);
  }
}
