import { listGridGaps } from "@/lib/org/list-grid-gaps";
import { respond } from "../../_lib/respond";

/** GET ?regionId → 网格空缺 of the caller's area (staff.read). */
export async function GET(request: Request) {
  const regionId = new URL(request.url).searchParams.get("regionId") ?? undefined;
  return respond(request, (ctx) => listGridGaps({ ctx, input: { regionId } }), { personal: true });
}
