import { respond } from "@/app/api/_lib/respond";
import { readJsonObject } from "@/app/api/_lib/read-json";
import { closeAttendanceRule } from "@/lib/attendance/rules/close-attendance-rule";
import type { CloseAttendanceRuleInput } from "@/lib/attendance/rules/schemas";

type Params = { params: Promise<{ id: string }> };

/** POST /api/attendance/rules/:id/close {validTo, expectedVersion} → {id, version}: the rule ends on validTo. */
export async function POST(request: Request, { params }: Params) {
  const { id } = await params;
  return respond(
    request,
    async (ctx) => closeAttendanceRule({ ctx, input: { ...(await readJsonObject(request)), id } as CloseAttendanceRuleInput }),
    {
      personal: true,
    },
  );
}
