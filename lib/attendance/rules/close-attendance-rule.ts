import "server-only";
import { closeAttendanceRule as closeRuleRow, findAttendanceRuleInScope } from "../../../db/queries/attendance-rule";
import { recordAudit } from "../../audit/record-audit";
import { authorize } from "../../auth/authorize";
import type { RequestContext } from "../../context";
import { DomainError, parseInput } from "../../errors";
import { attendancePoints } from "../../i18n/zh-CN/attendance-points";
import { ruleChange, ruleSnapshot } from "./save-attendance-rule";
import { CloseAttendanceRuleInput } from "./schemas";

const e = attendancePoints.rules.errors;

/**
 * Ends a rule: from `validTo` on it no longer applies (attendance.configure; the days before keep it, so past
 * results stay explainable). A rule is never deleted. The new end must lie after its start and not after an
 * end it already has (closing only shortens; lengthening is an edit, checked for overlaps).
 */
export async function closeAttendanceRule({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: CloseAttendanceRuleInput;
}): Promise<{ id: number; version: number }> {
  const scope = authorize(ctx, "attendance.configure");
  const v = parseInput(CloseAttendanceRuleInput, input);
  return ruleChange(ctx, e.overlapDepartment, async (trx) => {
    const before = await findAttendanceRuleInScope(trx, v.id, scope);
    if (!before) throw new DomainError("NOT_FOUND", e.notFound);
    if (before.version !== v.expectedVersion)
      throw new DomainError("CONFLICT", e.conflict(before.version), { details: { version: String(before.version) } });
    if (v.validTo <= before.validFrom)
      throw new DomainError("VALIDATION", e.closeBeforeFrom, { details: { validTo: e.closeBeforeFrom } });
    if (before.validTo !== null && v.validTo > before.validTo)
      throw new DomainError("VALIDATION", e.alreadyClosed, { details: { validTo: e.alreadyClosed } });
    const updated = await closeRuleRow(trx, v.id, v.expectedVersion, v.validTo);
    if (!updated) throw new DomainError("CONFLICT", e.conflict(before.version));
    await recordAudit(trx, ctx, {
      action: "attendance_rule.close",
      entity: "attendance_rule",
      entityId: v.id,
      before: ruleSnapshot(before),
      after: ruleSnapshot(updated),
    });
    return { id: updated.id, version: updated.version };
  });
}
