import { respond } from "@/app/api/_lib/respond";
import { readJsonObject } from "@/app/api/_lib/read-json";
import { checkFence } from "@/lib/attendance/points/check-fence";
import type { CheckFenceInput } from "@/lib/attendance/points/schemas";

/** POST /api/attendance/points/check {regionId, fence} → {areaM2, vertices}, or 400 with the reason (nothing stored). */
export async function POST(request: Request) {
  return respond(request, async (ctx) => checkFence({ ctx, input: (await readJsonObject(request)) as CheckFenceInput }), {
    personal: true,
  });
}
