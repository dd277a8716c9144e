import { respond } from "@/app/api/_lib/respond";
import { readJsonObject } from "@/app/api/_lib/read-json";
import { recomputeDays } from "@/lib/attendance/days/recompute-days";

/** POST /api/attendance/days/recompute {day: "YYYY-MM-DD"} → {day, count}: the day of the people of the caller's area, now. */
export async function POST(request: Request) {
  return respond(request, async (ctx) => recomputeDays({ ctx, input: { day: (await readJsonObject(request)).day } }), {
    personal: true,
  });
}
