import { respond } from "@/app/api/_lib/respond";
import { regionsAtPoint } from "@/lib/attendance/points/fence-helpers";

/** GET /api/attendance/points/regions?lon=&lat= → the caller's regions at that point, widest first. */
export async function GET(request: Request) {
  const p = new URL(request.url).searchParams;
  return respond(request, (ctx) => regionsAtPoint({ ctx, lon: p.get("lon"), lat: p.get("lat") }));
}
