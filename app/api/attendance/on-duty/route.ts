import { listOnDuty } from "@/lib/attendance/list-on-duty";
import { respond } from "../../_lib/respond";

/** GET ?level=1&points=1 → who is on duty now per region, and (points=1) where each stands (logged). */
export async function GET(request: Request) {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return respond(request, async (ctx) => listOnDuty({ ctx, input: { level: query.level, points: query.points === "1" } }), {
    personal: true,
  });
}
