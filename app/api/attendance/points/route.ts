import { respond } from "@/app/api/_lib/respond";
import { readJsonObject } from "@/app/api/_lib/read-json";
import { listAttendancePoints } from "@/lib/attendance/points/list-attendance-points";
import { saveAttendancePoint } from "@/lib/attendance/points/save-attendance-point";
import type { SaveAttendancePointInput } from "@/lib/attendance/points/schemas";

/** GET /api/attendance/points?q=&region=&shape=&status=&before= → {items, next}. */
export async function GET(request: Request) {
  const p = new URL(request.url).searchParams;
  return respond(request, (ctx) =>
    listAttendancePoints({
      ctx,
      input: {
        q: p.get("q") ?? undefined,
        regionId: p.get("region") ?? undefined,
        shape: (p.get("shape") ?? undefined) as "polygon" | "circle" | undefined,
        status: (p.get("status") ?? undefined) as "active" | "inactive" | "all" | undefined,
        before: p.get("before") ?? undefined,
      },
    }),
  );
}

/** POST /api/attendance/points {name, regionId, fence, staffIds, departmentIds} → 201 {id, version}. */
export async function POST(request: Request) {
  return respond(
    request,
    async (ctx) => {
      const { id: _id, expectedVersion: _v, ...input } = await readJsonObject(request);
      return saveAttendancePoint({ ctx, input: input as SaveAttendancePointInput });
    },
    { personal: true, status: 201 },
  );
}
