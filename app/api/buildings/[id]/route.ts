import { getBuildingFloorPlan } from "@/lib/building/get-building-floor-plan";
import { respond } from "../../_lib/respond";

/** A building's header and totals for the map's side panel (the matrix itself is on its page). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respond(request, async (ctx) => {
    const plan = await getBuildingFloorPlan({ ctx, input: { id: id as unknown as number } });
    return { building: plan.building, counts: plan.counts };
  });
}
