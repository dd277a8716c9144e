import { respond } from "@/app/api/_lib/respond";
import { readJsonObject } from "@/app/api/_lib/read-json";
import { toRequestDto } from "@/lib/attendance/days/dto";
import type { SubmitRequestInput } from "@/lib/attendance/days/schemas";
import { submitAttendanceRequest } from "@/lib/attendance/days/submit-attendance-request";

/** POST /api/attendance/requests {kind: correction, day, punchKind, time, reason} | {kind: leave, day, untilDay, leaveType, reason} → 201. */
export async function POST(request: Request) {
  return respond(
    request,
    async (ctx) =>
      toRequestDto(await submitAttendanceRequest({ ctx, input: (await readJsonObject(request)) as SubmitRequestInput })),
    { personal: true, status: 201 },
  );
}
