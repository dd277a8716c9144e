import { respond } from "@/app/api/_lib/respond";
import { readJsonObject } from "@/app/api/_lib/read-json";
import { listAttendanceRules } from "@/lib/attendance/rules/list-attendance-rules";
import { saveAttendanceRule } from "@/lib/attendance/rules/save-attendance-rule";
import type { SaveAttendanceRuleInput } from "@/lib/attendance/rules/schemas";

/** GET /api/attendance/rules?day=&department=&staff= → the rules of the caller's area. */
export async function GET(request: Request) {
  const p = new URL(request.url).searchParams;
  return respond(request, (ctx) =>
    listAttendanceRules({
      ctx,
      input: {
        day: p.get("day") ?? undefined,
        departmentId: p.get("department") ?? undefined,
        staffId: p.get("staff") ?? undefined,
      },
    }),
  );
}

/** POST /api/attendance/rules {name, departmentId | staffId, start, end, …, validFrom, validTo} → 201 {id, version}. */
export async function POST(request: Request) {
  return respond(
    request,
    async (ctx) => {
      const { id: _id, expectedVersion: _v, ...input } = await readJsonObject(request);
      return saveAttendanceRule({ ctx, input: input as SaveAttendanceRuleInput });
    },
    { personal: true, status: 201 },
  );
}
