import "server-only";
import { countVacantGrids, findGridGaps } from "../../db/queries/grid-post";
import { findRegionById } from "../../db/queries/region";
import { inScope } from "../../db/queries/scope";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { DomainError, parseInput, wrapDatabaseError } from "../errors";
import { addDays, beijingDay } from "../format/time";
import { org } from "../i18n/zh-CN/org";
import type { GridGapsDto } from "./dto";
import { ListGridGapsInput } from "./schemas";

/**
 * 网格空缺: the basic grids of the caller's area (staff.read) without a 专职网格员 today, and those whose
 * post ends within `horizonDays` (default 30) with nobody taking over on that day. "Today" is the Beijing
 * calendar day. A region outside the area answers NOT_FOUND, like one that does not exist.
 * The transfer approval and its effective-date job reuse this to warn about a grid left without a worker.
 */
export async function listGridGaps({
  ctx,
  input = {},
  now = new Date(),
}: {
  ctx: RequestContext;
  input?: ListGridGapsInput;
  now?: Date;
}): Promise<GridGapsDto> {
  let scope = authorize(ctx, "staff.read");
  const { regionId, horizonDays, limit } = parseInput(ListGridGapsInput, input);
  const today = beijingDay(now);
  try {
    return await inScope(ctx.db, scope, async (trx) => {
      if (regionId !== undefined) {
        const region = await findRegionById(trx, regionId, scope);
        if (!region) throw new DomainError("NOT_FOUND", org.errors.regionNotFound);
        scope = [region.path];
      }
      const gaps = await findGridGaps(trx, scope, today, addDays(today, horizonDays), limit);
      const vacantCount = await countVacantGrids(trx, scope, today);
      return { gaps, vacantCount, horizonDays, today };
    });
  } catch (e) {
    throw wrapDatabaseError(e);
  }
}
