import "server-only";
import {
  attachPhotos,
  findActiveUnits,
  findCaseForUpdate,
  findRoutingRule,
  insertCaseEvent,
  insertNotices,
  updateCase,
} from "../../db/queries/case";
import { findCaseSummaries } from "../../db/queries/case-read";
import { findCategory } from "../../db/queries/case-config";
import type { Database } from "../../db/client";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { DomainError, parseInput } from "../errors";
import { caseLoop } from "../i18n/zh-CN/case-loop";
import { enqueue } from "../../workers/enqueue";
import type { CaseDetailDto } from "./case-dto";
import { loadCaseConfig, type CaseConfig } from "./case-config";
import { clearCaseNoticesOnAction } from "./case-notices";
import { checkTransition } from "./case-transitions";
import { caseFactsOf, caseStepOf, routingStepOf, type CaseStep, type FiledRouting } from "./case-step";
import { actOnLockedCase, caseActorOf, type CaseRow } from "./act-on-locked-case";
import { riskFilingProblem } from "./risk";
import { TransitionCaseSchema, type TransitionCaseInput } from "./schemas";
import type { EffectInput } from "./transition-effects";

/**
 * One step of the loop on one case (立案, 派遣, 签收, 退回, 处置, 反馈, 核查, 结案, 返工, 回访, 延期, 督办, 挂账 …).
 * In one transaction: lock the case row, check the step with the loop's rules (state, 采办分离, who may,
 * input), write the new state with version + 1, the timeline row, notices, the audit row and the follow-up
 * job. Two people at once: the second waits for the lock, then finds a new version → CONFLICT. The same
 * request again (requestId): answered with the case as the first one left it, applied once.
 * Filing also routes the case: a matching rule dispatches it (or proposes units), no rule sends it to the
 * level above for a manual dispatch.
 */
export async function transitionCase({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: unknown;
}): Promise<CaseDetailDto & { replayed: boolean }> {
  const scope = authorize(ctx, "case.act");
  const parsed = parseInput(TransitionCaseSchema, input);
  return actOnLockedCase(ctx, scope, parsed, (trx, row) => applyTransition(trx, ctx, row, parsed));
}

async function applyTransition(trx: Database, ctx: RequestContext, row: CaseRow, input: TransitionCaseInput) {
  // One instant for the rules (has the handling limit run out?) and the effects (timeliness, clocks).
  const now = new Date();
  const { actor, unitIds } = await caseActorOf(trx, ctx, row);
  const verdict = checkTransition({
    caseFacts: caseFactsOf(row, now),
    actor,
    action: input.action,
    input: { ...input, expectedVersion: input.expectedVersion, coUnitIds: input.coUnitIds ?? [] },
  });
  if (!verdict.ok) throw new DomainError(verdict.code, verdict.message);
  if (input.action === "file") {
    // A dispute or hazard is filed only with its LEC assessment (and a 重大 one with its emergency plan).
    const problem = riskFilingProblem({
      riskAssessed: (await findCategory(trx, row.category_id))?.risk_assessed ?? false,
      grade: row.risk_grade,
      emergencyPlan: row.emergency_plan,
    });
    if (problem) throw new DomainError("VALIDATION", problem, { details: { risk: problem } });
  }

  const effectInput: EffectInput = {
    action: input.action,
    to: verdict.to,
    level: verdict.level,
    note: input.note?.trim() || null,
  };
  if (input.action === "dispatch") {
    const wanted = [input.leadUnitId!, ...(input.coUnitIds ?? [])];
    const units = await findActiveUnits(trx, wanted);
    if (units.length !== wanted.length) throw new DomainError("VALIDATION", caseLoop.errors.unitInvalid);
    const byId = new Map(units.map((u) => [u.id, u]));
    effectInput.leadUnit = byId.get(input.leadUnitId!)!;
    effectInput.coUnits = (input.coUnitIds ?? []).map((id) => byId.get(id)!);
  }
  if (input.action === "cancel" && input.mergeIntoId) effectInput.mergeInto = await mergeTarget(trx, row, input.mergeIntoId);
  effectInput.returnReason = input.returnReason;
  effectInput.satisfaction = input.satisfaction;
  effectInput.resolution = input.resolution;
  effectInput.discoveryStars = input.discoveryStars;

  // on the transaction's connection, never a second one from the pool (see report-case.ts)
  const config = await loadCaseConfig(trx);
  const category = await findCategory(trx, row.category_id);
  const step = caseStepOf({
    row,
    parentCategoryId: category?.parent_id ?? null,
    input: effectInput,
    actor: { userId: ctx.actor.userId, name: ctx.actor.displayName, unitId: unitIds[0] ?? null },
    config,
    now,
  });
  const photoIds = input.photoIds;
  if (photoIds.length > 0 && (await attachPhotos(trx, row.id, photoIds, ctx.actor.userId)) !== new Set(photoIds).size) {
    throw new DomainError("VALIDATION", caseLoop.errors.photosInvalid);
  }
  await clearCaseNoticesOnAction(trx, ctx, row.id);
  await writeStep(trx, row, step, { photoIds, requestId: input.requestId });
  await recordAudit(trx, ctx, {
    action: `case.${input.action}`,
    entity: "case",
    entityId: row.id,
    before: { state: row.state, level: row.level, version: row.version },
    after: { state: verdict.to, level: verdict.level, version: row.version + 1, ...step.event.details },
  });
  if (input.action === "file") await routeFiledCase(trx, row.id, config, category?.parent_id ?? null);
  await enqueue(trx, "case.changed", { caseId: row.id, action: input.action });
}

/** The row update (guarded by the version), the timeline row and the notices of one step. */
async function writeStep(
  trx: Database,
  row: CaseRow,
  step: CaseStep,
  request: { photoIds: readonly number[]; requestId: string | null },
) {
  const { event } = step;
  if ((await updateCase(trx, row.id, row.version, step.patch)) !== 1)
    throw new DomainError("CONFLICT", caseLoop.errors.versionConflict);
  await insertCaseEvent(trx, {
    case_id: row.id,
    actor_user_id: event.actorUserId,
    actor_name: event.actorName,
    actor_unit_id: event.actorUnitId,
    action: event.action,
    from_state: event.fromState,
    to_state: event.toState,
    from_level: event.fromLevel,
    to_level: event.toLevel,
    note: event.note,
    details: event.details,
    photo_ids: [...request.photoIds],
    request_id: request.requestId,
  });
  await insertNotices(
    trx,
    step.notices.map((n) => ({ ...n, caseId: row.id, regionPath: row.region_path })),
  );
}

/** After filing, the routing's step (routingStepOf): dispatched by a rule, sent one level up, or left waiting. */
async function routeFiledCase(trx: Database, caseId: number, config: CaseConfig, parentCategoryId: number | null) {
  const row = (await findCaseForUpdate(trx, caseId))!;
  const rule = await findRoutingRule(trx, row.category_id, parentCategoryId, row.region_path);
  let routing: FiledRouting | null = null;
  if (rule?.auto_dispatch) {
    const units = await findActiveUnits(trx, [rule.lead_unit_id, ...rule.co_unit_ids]);
    const lead = units.find((u) => u.id === rule.lead_unit_id)!;
    routing = { autoDispatch: true, leadUnit: lead, coUnits: units.filter((u) => u.id !== rule.lead_unit_id) };
  } else if (rule) routing = { autoDispatch: false };
  const step = routingStepOf({ row, parentCategoryId, routing, config, now: new Date() });
  if (step) await writeStep(trx, row, step, { photoIds: [], requestId: null });
}

/** The case a duplicate is merged into: another open case of the same category inside the scope. */
async function mergeTarget(trx: Database, row: CaseRow, targetId: number) {
  const [target] = await findCaseSummaries(trx, [targetId]);
  const closedStates: readonly string[] = ["cancelled", "closed", "evaluated"];
  if (!target || target.id === row.id || target.category_id !== row.category_id || closedStates.includes(target.state)) {
    throw new DomainError("VALIDATION", caseLoop.errors.mergeTargetInvalid);
  }
  return { id: target.id, number: target.number };
}
