import { getRegion } from "@/lib/grid/get-region";
import { getRegionBreadcrumb } from "@/lib/grid/get-region-breadcrumb";
import { listRegionChildren } from "@/lib/grid/list-region-children";
import { respond } from "../../_lib/respond";

/** What the map's side panel shows for an area: the area, its breadcrumb and its children. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respond(request, async (ctx) => {
    const region = await getRegion({ ctx, input: { id: id as unknown as number } });
    const [breadcrumb, children] = await Promise.all([
      getRegionBreadcrumb({ ctx, input: { id: region.id } }),
      listRegionChildren({ ctx, input: { id: region.id } }),
    ]);
    return { region, breadcrumb, children };
  });
}
