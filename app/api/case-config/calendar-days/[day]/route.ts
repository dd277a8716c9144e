import { respond } from "@/app/api/_lib/respond";
import { readJsonObject } from "@/app/api/_lib/read-json";
import { deleteCalendarDay } from "@/lib/case-config/delete-calendar-day";
import { saveCalendarDay } from "@/lib/case-config/save-calendar-day";
import type { DeleteCalendarDayInput, SaveCalendarDayInput } from "@/lib/case-config/schemas";

type Params = { params: Promise<{ day: string }> };

/** PATCH /api/case-config/calendar-days/:day {kind, name, expectedVersion} → {day, version}. */
export async function PATCH(request: Request, { params }: Params) {
  const { day } = await params;
  return respond(
    request,
    async (ctx) => {
      const body = await readJsonObject(request);
      // Without a version this would create a row: an edit always names the version it saw.
      return saveCalendarDay({
        ctx,
        input: { ...body, day, expectedVersion: body.expectedVersion ?? 0 } as SaveCalendarDayInput,
      });
    },
    { personal: true },
  );
}

/** DELETE /api/case-config/calendar-days/:day {expectedVersion} → {day}. */
export async function DELETE(request: Request, { params }: Params) {
  const { day } = await params;
  return respond(
    request,
    async (ctx) => deleteCalendarDay({ ctx, input: { ...(await readJsonObject(request)), day } as DeleteCalendarDayInput }),
    { personal: true },
  );
}
