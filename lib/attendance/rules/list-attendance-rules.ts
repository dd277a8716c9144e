import "server-only";
import { listAttendanceRulesInScope } from "../../../db/queries/attendance-rule";
import { authorize } from "../../auth/authorize";
import type { RequestContext } from "../../context";
import { parseInput } from "../../errors";
import { toAttendanceRuleDto, type AttendanceRuleDto } from "./rule-dto";
import { ListAttendanceRulesInput } from "./schemas";

/** At most this many rules on the page: a district has a few hundred departments, few of which set their own. */
export const RULE_LIST_LIMIT = 500;

/** The rules whose department or person lies in the caller's area (attendance.configure), newest first. */
export async function listAttendanceRules({
  ctx,
  input = {},
}: {
  ctx: RequestContext;
  input?: ListAttendanceRulesInput;
}): Promise<AttendanceRuleDto[]> {
  const scope = authorize(ctx, "attendance.configure");
  const v = parseInput(ListAttendanceRulesInput, input);
  const rows = await listAttendanceRulesInScope(ctx.db, scope, { ...v, limit: RULE_LIST_LIMIT });
  return rows.map(toAttendanceRuleDto);
}
