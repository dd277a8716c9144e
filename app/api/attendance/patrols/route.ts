import { appendPatrolPoints } from "@/lib/attendance/patrol/append-patrol-points";
import { endPatrol } from "@/lib/attendance/patrol/end-patrol";
import { startPatrol } from "@/lib/attendance/patrol/start-patrol";
import { DomainError } from "@/lib/errors";
import { errorMessages } from "@/lib/i18n/zh-CN/errors";
import { readJsonObject } from "../../_lib/read-json";
import { respond } from "../../_lib/respond";

/**
 * One's own patrol from the phone: POST {action: "start"} → 201 {patrolId, regionName, intervalSeconds};
 * {action: "append", patrolId, points: [{at, lon, lat, accuracyM}]} → {accepted, dropped, pointCount};
 * {action: "end", patrolId} → {counted, minutes, insideShare, lengthM, reason}.
 */
export async function POST(request: Request) {
  let action: unknown;
  return respond(
    request,
    async (ctx) => {
      const body = await readJsonObject(request);
      action = body.action;
      if (action === "start") return startPatrol({ ctx });
      if (action === "append") return appendPatrolPoints({ ctx, input: { patrolId: body.patrolId, points: body.points } });
      if (action === "end") return endPatrol({ ctx, input: { patrolId: body.patrolId } });
      throw new DomainError("VALIDATION", errorMessages.VALIDATION, { details: { action: errorMessages.VALIDATION } });
    },
    { personal: true, status: () => (action === "start" ? 201 : 200) },
  );
}
