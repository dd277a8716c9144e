import "server-only";
import { findBuildingRooms } from "../../db/queries/building";
import { inScope } from "../../db/queries/scope";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { wrapDatabaseError } from "../errors";
import type { BuildingFloorPlan } from "./dto";
import { countFloorPlan, layOutFloorPlan } from "./floor-plan";
import { getBuilding } from "./get-building";
import type { RowIdInput } from "./schemas";

/** The 楼盘表 of a building: header, floors × entrances × rooms with their flags, and totals. */
export async function getBuildingFloorPlan({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: RowIdInput;
}): Promise<BuildingFloorPlan> {
  const building = await getBuilding({ ctx, input });
  // Rooms are under row-level security: read them in the caller's area.
  const rows = await inScope(ctx.db, authorize(ctx, "building.read"), (trx) => findBuildingRooms(trx, building.id)).catch((e) => {
    throw wrapDatabaseError(e);
  });
  return { building, entrances: layOutFloorPlan(building, rows), counts: countFloorPlan(rows) };
}
