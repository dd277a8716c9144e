import "server-only";
import { findGridBuildings } from "../../db/queries/building";
import { findRegionById } from "../../db/queries/region";
import { inScope } from "../../db/queries/scope";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { DomainError, parseInput, wrapDatabaseError } from "../errors";
import { errorMessages } from "../i18n/zh-CN/errors";
import { BASIC_GRID_LEVEL } from "../grid/dto";
import type { GridBuildingPage } from "./dto";
import { ListGridBuildingsInput } from "./schemas";

/**
 * 网格楼栋: the buildings of one basic grid in address order (name, address, floors, rooms), a page at a time
 * (keyset on the address, `after` = the last building shown), for a caller with building.read whose area
 * covers the grid. Other areas have no buildings of their own (VALIDATION).
 */
export async function listGridBuildings({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: ListGridBuildingsInput;
}): Promise<GridBuildingPage> {
  const scope = authorize(ctx, "building.read");
  const { id, after, limit } = parseInput(ListGridBuildingsInput, input);
  try {
    return await inScope(ctx.db, scope, async (trx) => {
      const grid = await findRegionById(trx, id, scope);
      if (!grid) throw new DomainError("NOT_FOUND", errorMessages.regionNotFound);
      if (grid.level !== BASIC_GRID_LEVEL) throw new DomainError("VALIDATION", errorMessages.notABasicGrid);
      const rows = await findGridBuildings(trx, id, { afterId: after ?? null, limit });
      const buildings = rows.slice(0, limit);
      return { buildings, nextAfter: rows.length > limit ? buildings[buildings.length - 1].id : null };
    });
  } catch (e) {
    throw wrapDatabaseError(e);
  }
}
