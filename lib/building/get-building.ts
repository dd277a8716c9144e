import "server-only";
import { findBuildingById } from "../../db/queries/building";
import { findRegionAncestry } from "../../db/queries/region";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { DomainError, parseInput, wrapDatabaseError } from "../errors";
import { levelNameOf } from "../grid/dto";
import { t } from "../i18n";
import { errorMessages } from "../i18n/zh-CN/errors";
import type { BuildingSummary } from "./dto";
import { RowIdInput } from "./schemas";

/** A building's header facts and the grid breadcrumb it sits in, if the caller's scope covers it. */
export async function getBuilding({ ctx, input }: { ctx: RequestContext; input: RowIdInput }): Promise<BuildingSummary> {
  const scope = authorize(ctx, "building.read");
  const { id } = parseInput(RowIdInput, input);
  try {
    const row = await findBuildingById(ctx.db, id, scope);
    if (!row) throw new DomainError("NOT_FOUND", errorMessages.buildingNotFound);
    const crumbs = await findRegionAncestry(ctx.db, row.gridId, scope);
    return {
      id: row.id,
      code: row.code,
      name: row.name,
      address: row.address,
      type: row.type,
      typeName: t.building.types[row.type] ?? row.type,
      floors: row.floors,
      entrances: row.entrances,
      roomsPerFloor: row.roomsPerFloor,
      gridId: row.gridId,
      bounds: [row.west, row.south, row.east, row.north],
      breadcrumb: crumbs.map((c) => ({
        id: c.id,
        code: c.code,
        name: c.name,
        level: c.level,
        levelName: levelNameOf(c.level, c.kind),
      })),
    };
  } catch (e) {
    throw wrapDatabaseError(e);
  }
}
