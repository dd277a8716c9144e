import { respond } from "@/app/api/_lib/respond";
import { readJsonObject } from "@/app/api/_lib/read-json";
import { generateMonthReport } from "@/lib/attendance/reports/generate-month-report";

/** POST /api/attendance/reports {month: "YYYY-MM"} → 201 {id, month, version, rows, ms}: a new version, made now. */
export async function POST(request: Request) {
  return respond(
    request,
    async (ctx) => {
      const body = await readJsonObject(request);
      return generateMonthReport({ ctx, input: { month: body.month as string } });
    },
    { personal: true, status: 201 },
  );
}
