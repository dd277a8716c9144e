import { respond } from "@/app/api/_lib/respond";
import { readJsonObject } from "@/app/api/_lib/read-json";
import { getAttendancePoint } from "@/lib/attendance/points/get-attendance-point";
import { saveAttendancePoint } from "@/lib/attendance/points/save-attendance-point";
import type { SaveAttendancePointInput, SetAttendancePointActiveInput } from "@/lib/attendance/points/schemas";
import { setAttendancePointActive } from "@/lib/attendance/points/set-attendance-point-active";

type Params = { params: Promise<{ id: string }> };

/** GET /api/attendance/points/:id → the point with its fence and members. */
export async function GET(request: Request, { params }: Params) {
  const { id } = await params;
  return respond(request, (ctx) => getAttendancePoint({ ctx, id }), { personal: true });
}

/**
 * PATCH /api/attendance/points/:id {…the point, expectedVersion} → {id, version}; or {active, expectedVersion}
 * alone to deactivate (or reactivate) it.
 */
export async function PATCH(request: Request, { params }: Params) {
  const { id } = await params;
  return respond(
    request,
    async (ctx) => {
      const body = await readJsonObject(request);
      if ("active" in body && !("fence" in body))
        return setAttendancePointActive({ ctx, input: { ...body, id } as SetAttendancePointActiveInput });
      return saveAttendancePoint({ ctx, input: { ...body, id } as SaveAttendancePointInput });
    },
    { personal: true },
  );
}
