import { respond } from "@/app/api/_lib/respond";
import { confirmMonthReport } from "@/lib/attendance/reports/confirm-month-report";

type Params = { params: Promise<{ id: string }> };

/** POST /api/attendance/reports/:id/confirm → the confirmed (locked) version; 409 when not the latest draft. */
export async function POST(request: Request, { params }: Params) {
  const { id } = await params;
  return respond(request, (ctx) => confirmMonthReport({ ctx, input: { id } }), { personal: true });
}
