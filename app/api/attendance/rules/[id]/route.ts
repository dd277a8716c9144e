import { respond } from "@/app/api/_lib/respond";
import { readJsonObject } from "@/app/api/_lib/read-json";
import { saveAttendanceRule } from "@/lib/attendance/rules/save-attendance-rule";
import type { SaveAttendanceRuleInput } from "@/lib/attendance/rules/schemas";

type Params = { params: Promise<{ id: string }> };

/** PATCH /api/attendance/rules/:id {…the rule, expectedVersion} → {id, version}. */
export async function PATCH(request: Request, { params }: Params) {
  const { id } = await params;
  return respond(
    request,
    async (ctx) => saveAttendanceRule({ ctx, input: { ...(await readJsonObject(request)), id } as SaveAttendanceRuleInput }),
    {
      personal: true,
    },
  );
}
