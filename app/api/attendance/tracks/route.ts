import { getPatrolTracks } from "@/lib/attendance/patrol/get-patrol-tracks";
import { respond } from "../../_lib/respond";

/** GET ?staffId=&day=YYYY-MM-DD → the person's patrol tracks of the day with their points (attendance.read, logged). */
export async function GET(request: Request) {
  const query = new URL(request.url).searchParams;
  return respond(
    request,
    async (ctx) => getPatrolTracks({ ctx, input: { staffId: query.get("staffId"), day: query.get("day") } }),
    {
      personal: true,
    },
  );
}
