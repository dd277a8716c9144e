import "server-only";
import type { Database } from "../../../db/client";
import {
  departmentInScope,
  findAttendanceRuleInScope,
  insertAttendanceRule,
  staffInScope,
  updateAttendanceRule,
  type AttendanceRuleRow,
  type AttendanceRuleValues,
} from "../../../db/queries/attendance-rule";
import { recordAudit } from "../../audit/record-audit";
import { authorize } from "../../auth/authorize";
import type { Scope } from "../../auth/scope";
import type { RequestContext } from "../../context";
import { DomainError, parseInput, wrapDatabaseError } from "../../errors";
import { attendancePoints } from "../../i18n/zh-CN/attendance-points";
import { SaveAttendanceRuleInput } from "./schemas";
import { shiftProblems } from "./shift-time";

const e = attendancePoints.rules.errors;

/** What the audit row keeps of a rule. */
export const ruleSnapshot = (r: AttendanceRuleRow) => {
  const { id: _id, ...rest } = r;
  return rest;
};

/**
 * Adds an attendance rule (no id) or changes one (id + expectedVersion): a shift with its grace, minimum hours,
 * required patrols and fence policy, for one department or one person, in force over [validFrom, validTo)
 * (attendance.configure). The holder must lie inside the caller's area; a shift that makes no sense is refused
 * field by field; a period overlapping another rule of the same holder is refused by the database's exclusion
 * constraint and answered 409 「该部门在此期间已有考勤规则」.
 */
export async function saveAttendanceRule({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: SaveAttendanceRuleInput;
}): Promise<{ id: number; version: number }> {
  const scope = authorize(ctx, "attendance.configure");
  const v = parseInput(SaveAttendanceRuleInput, input);
  if ((v.departmentId === undefined) === (v.staffId === undefined))
    throw new DomainError("VALIDATION", e.holderRequired, { details: { departmentId: e.holderRequired } });
  const values: AttendanceRuleValues = {
    name: v.name,
    departmentId: v.departmentId ?? null,
    staffId: v.staffId ?? null,
    startMinute: v.start,
    endMinute: v.end,
    lateGraceMinutes: v.lateGraceMinutes,
    earlyGraceMinutes: v.earlyGraceMinutes,
    minWorkMinutes: v.minWorkMinutes,
    requiredPatrols: v.requiredPatrols,
    allowOutsideWithReason: v.allowOutsideWithReason,
    maxAccuracyM: v.maxAccuracyM,
    validFrom: v.validFrom,
    validTo: v.validTo,
  };
  const problems = shiftProblems(values);
  if (values.validTo !== null && values.validTo <= values.validFrom) problems.validTo = e.validToBeforeFrom;
  const first = Object.values(problems)[0];
  if (first) throw new DomainError("VALIDATION", first, { details: problems });

  return ruleChange(ctx, values.staffId !== null ? e.overlapStaff : e.overlapDepartment, async (trx) => {
    await checkHolder(trx, scope, values);
    if (v.id === undefined) {
      const created = await insertAttendanceRule(trx, values, ctx.actor.userId);
      await recordAudit(trx, ctx, {
        action: "attendance_rule.create",
        entity: "attendance_rule",
        entityId: created.id,
        after: ruleSnapshot(created),
      });
      return { id: created.id, version: created.version };
    }
    const before = await findAttendanceRuleInScope(trx, v.id, scope);
    if (!before) throw new DomainError("NOT_FOUND", e.notFound);
    if (v.expectedVersion === undefined || before.version !== v.expectedVersion)
      throw new DomainError("CONFLICT", e.conflict(before.version), { details: { version: String(before.version) } });
    const updated = await updateAttendanceRule(trx, v.id, v.expectedVersion, values);
    if (!updated) throw new DomainError("CONFLICT", e.conflict(before.version), { details: { version: String(before.version) } });
    await recordAudit(trx, ctx, {
      action: "attendance_rule.update",
      entity: "attendance_rule",
      entityId: v.id,
      before: ruleSnapshot(before),
      after: ruleSnapshot(updated),
    });
    return { id: updated.id, version: updated.version };
  });
}

async function checkHolder(trx: Database, scope: Scope, v: AttendanceRuleValues) {
  if (v.departmentId !== null && !(await departmentInScope(trx, v.departmentId, scope)))
    throw new DomainError("VALIDATION", e.departmentOutside, { details: { departmentId: e.departmentOutside } });
  if (v.staffId !== null && !(await staffInScope(trx, v.staffId, scope)))
    throw new DomainError("VALIDATION", e.staffOutside, { details: { staffId: e.staffOutside } });
}

/**
 * One rule change in a transaction with its audit row. An exclusion violation (23P01: another rule of the same
 * holder overlaps the period) becomes CONFLICT with `overlapMessage`.
 */
export async function ruleChange<T>(
  ctx: RequestContext,
  overlapMessage: string,
  work: (trx: Database) => Promise<T>,
): Promise<T> {
  try {
    return await ctx.db.transaction().execute((trx) => work(trx));
  } catch (error) {
    if ((error as { code?: string } | null)?.code === "23P01")
      throw new DomainError("CONFLICT", overlapMessage, { cause: error, details: { validFrom: overlapMessage } });
    throw wrapDatabaseError(error);
  }
}
