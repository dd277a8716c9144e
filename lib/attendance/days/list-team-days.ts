import "server-only";
import { findDepartmentsInScope, findTeamDays, type TeamPersonDays } from "../../../db/queries/attendance-team";
import { authorize } from "../../auth/authorize";
import type { RequestContext } from "../../context";
import { parseId } from "../../id";
import { recordPiiAccess } from "../../pii/record-pii-access";
import { DAY_STATUSES } from "./compute-day";
import { monthRange } from "./month-range";

const PAGE = 100;

/**
 * The days of the people in the caller's area for a month (attendance.read: leads their people, HR the
 * organisation in its area), a page of people in staff-number order; the read is logged (personal data).
 */
export async function listTeamDays({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: { month: string; department?: string; status?: string; after?: string };
}): Promise<{
  people: TeamPersonDays[];
  departments: { id: number; name: string }[];
  next: string | null;
  from: string;
  to: string;
}> {
  const scope = authorize(ctx, "attendance.read");
  const { from, to } = monthRange(input.month);
  const departmentId = input.department ? parseId(input.department) : null;
  const status = input.status && (DAY_STATUSES as readonly string[]).includes(input.status) ? input.status : null;
  const after = input.after && /^[A-Za-z0-9-]{1,32}$/.test(input.after) ? input.after : null;
  return ctx.db.transaction().execute(async (trx) => {
    const [people, departments] = await Promise.all([
      findTeamDays(trx, { scope, from, to, departmentId, status, afterStaffNo: after, limit: PAGE + 1 }),
      findDepartmentsInScope(trx, scope),
    ]);
    const page = people.slice(0, PAGE);
    await recordPiiAccess(trx, ctx, {
      kind: "view",
      field: "list",
      rowCount: page.length,
      reason: `attendance_days ${input.month}`,
    });
    return { people: page, departments, next: people.length > PAGE ? page[page.length - 1].staffNo : null, from, to };
  });
}
