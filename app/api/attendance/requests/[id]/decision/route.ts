import { respond } from "@/app/api/_lib/respond";
import { readJsonObject } from "@/app/api/_lib/read-json";
import { decideAttendanceRequest } from "@/lib/attendance/days/decide-attendance-request";
import { toRequestDto } from "@/lib/attendance/days/dto";
import type { DecideRequestInput } from "@/lib/attendance/days/schemas";

type Params = { params: Promise<{ id: string }> };

/** POST /api/attendance/requests/:id/decision {decision: approve|reject, note?} → the decided request; 409 when decided already. */
export async function POST(request: Request, { params }: Params) {
  const { id } = await params;
  return respond(
    request,
    async (ctx) => {
      const body = await readJsonObject(request);
      return toRequestDto(await decideAttendanceRequest({ ctx, input: { ...body, id } as DecideRequestInput }));
    },
    { personal: true },
  );
}
