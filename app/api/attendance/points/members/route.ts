import { respond } from "@/app/api/_lib/respond";
import { searchPointMembers } from "@/lib/attendance/points/fence-helpers";

/** GET /api/attendance/points/members?q= → departments and people of the caller's area to pick as members. */
export async function GET(request: Request) {
  const q = new URL(request.url).searchParams.get("q");
  return respond(request, (ctx) => searchPointMembers({ ctx, q }), { personal: true });
}
