import { getDistrictBounds } from "@/lib/grid/get-district-bounds";
import { respond } from "../_lib/respond";

/** The caller's top area and the bounds the map opens on. */
export async function GET(request: Request) {
  return respond(request, (ctx) => getDistrictBounds({ ctx }));
}
