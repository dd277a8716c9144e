import { respond } from "@/app/api/_lib/respond";
import { readJsonObject } from "@/app/api/_lib/read-json";
import { saveCalendarDay } from "@/lib/case-config/save-calendar-day";
import type { SaveCalendarDayInput } from "@/lib/case-config/schemas";

/** POST /api/case-config/calendar-days {day, kind, name} → 201 {day, version}. */
export async function POST(request: Request) {
  return respond(
    request,
    async (ctx) => {
      const { expectedVersion: _v, ...input } = await readJsonObject(request);
      return saveCalendarDay({ ctx, input: input as SaveCalendarDayInput });
    },
    { personal: true, status: 201 },
  );
}
