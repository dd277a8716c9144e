import { getMyPunchDay } from "@/lib/attendance/punch/get-my-punch-day";
import { PUNCH_BODY_LIMIT_BYTES } from "@/lib/attendance/punch/punch-limits";
import { recordPunch } from "@/lib/attendance/punch/record-punch";
import { DomainError } from "@/lib/errors";
import { errorMessages } from "@/lib/i18n/zh-CN/errors";
import { readCappedJson } from "@/lib/request-body";
import { respond } from "../../_lib/respond";

/** GET → one's own punches of today, the fences serving one and the rule's limits (the phone page). */
export async function GET(request: Request) {
  return respond(request, async (ctx) => getMyPunchDay({ ctx }), { personal: true });
}

/**
 * POST {requestId, kind, lon, lat, accuracyM, deviceAt?, offline?, outsideReason?, photoBase64?} → 201 the punch;
 * the same requestId again → 200 with the first punch. A punch the fence rule refuses → 422 with the reason.
 */
export async function POST(request: Request) {
  return respond(
    request,
    async (ctx) => {
      const body = await readCappedJson(request, PUNCH_BODY_LIMIT_BYTES);
      if (typeof body !== "object" || body === null || Array.isArray(body))
        throw new DomainError("VALIDATION", errorMessages.VALIDATION);
      return recordPunch({ ctx, input: body });
    },
    { personal: true, status: (punch) => (punch.replayed ? 200 : 201) },
  );
}
