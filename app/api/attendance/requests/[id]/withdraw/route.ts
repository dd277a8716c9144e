import { respond } from "@/app/api/_lib/respond";
import { toRequestDto } from "@/lib/attendance/days/dto";
import { withdrawAttendanceRequest } from "@/lib/attendance/days/withdraw-attendance-request";

type Params = { params: Promise<{ id: string }> };

/** POST /api/attendance/requests/:id/withdraw → the withdrawn request (one's own, while pending). */
export async function POST(request: Request, { params }: Params) {
  const { id } = await params;
  return respond(request, async (ctx) => toRequestDto(await withdrawAttendanceRequest({ ctx, input: { id } })), {
    personal: true,
  });
}
