import "server-only";
import { z } from "zod";
import { insertCaseEvent, insertNotices, updateCase } from "../../db/queries/case";
import { findCategory } from "../../db/queries/case-config";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { DomainError, parseInput } from "../errors";
import { caseLoop } from "../i18n/zh-CN/case-loop";
import { enqueue } from "../../workers/enqueue";
import type { CaseDetailDto } from "./case-dto";
import { loadCaseConfig } from "./case-config";
import { maskOptionalText } from "./case-pii";
import { actOnLockedCase, caseActorOf } from "./act-on-locked-case";
import {
  alertOnAssessment,
  assessRisk,
  checkEmergencyPlan,
  EMERGENCY_PLAN_MAX_LENGTH,
  riskAssessmentRefusal,
  riskNoticeMessage,
  type RiskGrade,
} from "./risk";
import { CaseIdSchema, RiskInputSchema } from "./schemas";

const AssessRiskSchema = RiskInputSchema.extend({
  caseId: CaseIdSchema,
  expectedVersion: z.number().int().positive(),
  requestId: z.uuid(),
  emergencyPlan: z
    .string()
    .max(EMERGENCY_PLAN_MAX_LENGTH + 1000)
    .nullish(),
});

/**
 * 风险评估 of a dispute or hazard (LEC, lib/case/risk.ts): sets or revises L, E, C, the value and grade, and the
 * emergency plan (required for 重大). Who: the offices that accept and dispatch cases (an operator or dispatcher
 * grant over the case's place), while the case is open. In one transaction with the case row locked: the
 * new values with version + 1, a timeline row `assess_risk` keeping the previous assessment and plan, the
 * grade's notice when the grade is new or changed (一般 info, 重要 warning, 重大 alert), the audit row.
 * The same requestId again answers with the case as the first request left it.
 */
export async function assessCaseRisk({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: unknown;
}): Promise<CaseDetailDto & { replayed: boolean }> {
  const scope = authorize(ctx, "case.act");
  const parsed = parseInput(AssessRiskSchema, input);
  return actOnLockedCase(ctx, scope, parsed, async (trx, row) => {
    const { actor, unitIds } = await caseActorOf(trx, ctx, row);
    const category = await findCategory(trx, row.category_id);
    const refusal = riskAssessmentRefusal({ actor, riskAssessed: category?.risk_assessed ?? false, state: row.state });
    if (refusal) throw new DomainError(refusal.code, refusal.message);
    if (row.version !== parsed.expectedVersion) throw new DomainError("CONFLICT", caseLoop.errors.versionConflict);

    const config = await loadCaseConfig(trx);
    const { l, e, c } = parsed;
    const risk = assessRisk({ l, e, c, bands: config.riskBands });
    // The page shows the plan masked (case-pii.ts): sent back unchanged, it keeps the stored text in clear.
    const unchanged =
      parsed.emergencyPlan != null && parsed.emergencyPlan.trim() === maskOptionalText(row.emergency_plan)?.trim();
    const plan = checkEmergencyPlan(risk.grade, unchanged ? row.emergency_plan : parsed.emergencyPlan);
    const previousGrade = (row.risk_grade as RiskGrade | null) ?? null;
    const previous =
      previousGrade === null
        ? null
        : {
            l: Number(row.risk_l),
            e: Number(row.risk_e),
            c: Number(row.risk_c),
            value: Number(row.risk_value),
            grade: previousGrade,
            emergencyPlan: row.emergency_plan,
          };
    const assessed = { l, e, c, value: risk.d, grade: risk.grade, emergencyPlan: plan };

    const patch = { risk_l: l, risk_e: e, risk_c: c, risk_value: risk.d, risk_grade: risk.grade, emergency_plan: plan };
    if ((await updateCase(trx, row.id, row.version, patch)) !== 1)
      throw new DomainError("CONFLICT", caseLoop.errors.versionConflict);
    await insertCaseEvent(trx, {
      case_id: row.id,
      actor_user_id: ctx.actor.userId,
      actor_name: ctx.actor.displayName,
      actor_unit_id: unitIds[0] ?? null,
      action: "assess_risk",
      from_state: row.state,
      to_state: row.state,
      from_level: row.level,
      to_level: row.level,
      note: null,
      details: { risk: assessed, previous },
      photo_ids: [],
      request_id: parsed.requestId,
    });
    const alert = alertOnAssessment(previousGrade, risk.grade);
    if (alert)
      await insertNotices(
        trx,
        alert.levels.map((level) => ({
          caseId: row.id,
          kind: alert.kind,
          level,
          regionPath: row.region_path,
          message: riskNoticeMessage(alert.kind, row.number),
        })),
      );
    await recordAudit(trx, ctx, {
      action: "case.assess_risk",
      entity: "case",
      entityId: row.id,
      before: { version: row.version, risk: previous },
      after: { version: row.version + 1, risk: assessed },
    });
    await enqueue(trx, "case.changed", { caseId: row.id, action: "assess_risk" });
  });
}
