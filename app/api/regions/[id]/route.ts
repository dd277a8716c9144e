import { can } from "@/lib/auth/authorize";
import { listGridBuildings } from "@/lib/building/list-grid-buildings";
import { BASIC_GRID_LEVEL } from "@/lib/grid/dto";
import { getRegion } from "@/lib/grid/get-region";
import { getRegionBreadcrumb } from "@/lib/grid/get-region-breadcrumb";
import { listRegionChildren } from "@/lib/grid/list-region-children";
import { respond } from "../../_lib/respond";

/**
 * What the map's side panel shows for an area: the area, its breadcrumb and its children; for a basic grid,
 * the first page of its buildings when the caller may read buildings (null otherwise).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respond(request, async (ctx) => {
    const region = await getRegion({ ctx, input: { id: id as unknown as number } });
    const withBuildings = region.level === BASIC_GRID_LEVEL && can(ctx, "building.read");
    const [breadcrumb, children, buildings] = await Promise.all([
      getRegionBreadcrumb({ ctx, input: { id: region.id } }),
      listRegionChildren({ ctx, input: { id: region.id } }),
      withBuildings ? listGridBuildings({ ctx, input: { id: region.id } }) : null,
    ]);
    return { region, breadcrumb, children, buildings };
  });
}
