import "server-only";
import {
  findBreadcrumb,
  findCaseDetailRow,
  findCaseEvents,
  findCasePhotosWithStep,
  findCaseSummaries,
  findUnitsByIds,
} from "../../db/queries/case-read";
import { findRoutingRule, findUnitIdsOfUser } from "../../db/queries/case";
import { inScope } from "../../db/queries/scope";
import type { Database } from "../../db/client";
import { authorize, can } from "../auth/authorize";
import { roleAllows } from "../auth/permissions";
import type { RequestContext } from "../context";
import { DomainError, parseInput } from "../errors";
import { caseLoop } from "../i18n/zh-CN/case-loop";
import type { CaseDetailDto, UnitOption } from "./case-dto";
import { anyTextMasked, maskOptionalText, mayRevealCasePii, shownReporterName } from "./case-pii";
import { caseActorFacts } from "./case-grants";
import { availableActions, blockedActions } from "./case-transitions";
import { caseFactsOf } from "./case-step";
import { photoStageOf } from "./photos/photo-stage";
import { riskAssessmentRefusal } from "./risk";
import { loadCaseConfig } from "./case-config";
import type { CaseState, CaseLevel } from "./case-states";
import { CaseIdSchema } from "./schemas";
import { isSystemEvent } from "./system-event";
import { isoInstant, toCaseSummaryDto } from "./to-case-dto";

/** One case with its timeline and the steps the caller may take now (needs case.read in the case's area). */
export async function getCase({ ctx, caseId }: { ctx: RequestContext; caseId: unknown }): Promise<CaseDetailDto> {
  const scope = authorize(ctx, "case.read");
  const id = parseInput(CaseIdSchema, caseId);
  return inScope(ctx.db, scope, (trx) => readCaseDetail(trx, ctx, id));
}

/** The detail inside a transaction whose scope is already set (the verbs answer with it after a change). */
export async function readCaseDetail(trx: Database, ctx: RequestContext, id: number): Promise<CaseDetailDto> {
  const [summary] = await findCaseSummaries(trx, [id]);
  const row = await findCaseDetailRow(trx, id);
  if (!summary || !row) throw new DomainError("NOT_FOUND", caseLoop.errors.caseNotFound);
  const [events, photos, breadcrumb, units, myUnits] = await Promise.all([
    findCaseEvents(trx, id),
    findCasePhotosWithStep(trx, id),
    findBreadcrumb(trx, row.region_path),
    findUnitsByIds(trx, row.co_unit_ids),
    findUnitIdsOfUser(trx, ctx.actor.userId),
  ]);
  const facts = caseFactsOf(row, new Date());
  const actor = caseActorFacts({
    userId: ctx.actor.userId,
    assignments: actingAssignments(ctx),
    unitIds: myUnits,
    casePath: row.region_path,
  });
  const acts = can(ctx, "case.act") && actor.userId !== null;
  const actions = acts ? availableActions(facts, actor) : [];
  const blocked = acts ? blockedActions(facts, actor) : [];
  const routing = actions.includes("dispatch")
    ? await findRoutingRule(trx, row.category_id, row.parent_category_id, row.region_path)
    : null;
  const risk =
    row.risk_value !== null && row.risk_grade !== null
      ? {
          l: Number(row.risk_l),
          e: Number(row.risk_e),
          c: Number(row.risk_c),
          value: Number(row.risk_value),
          grade: row.risk_grade as "general" | "important" | "major",
        }
      : null;
  const textMasked = anyTextMasked([summary.description, summary.address, row.emergency_plan, ...events.map((e) => e.note)]);
  return {
    ...toCaseSummaryDto(summary),
    version: row.version,
    breadcrumb,
    reporterName: shownReporterName(ctx, {
      reporterName: row.reporter_name,
      reporterUserId: row.reporter_user_id,
      regionPath: row.region_path,
    }),
    reporterPhoneMasked: row.reporter_phone_masked,
    externalId: row.external_id,
    channel: row.channel as CaseDetailDto["channel"],
    leadUnitId: row.lead_unit_id,
    coUnits: units.map((u) => ({ id: u.id, name: u.name, kind: u.kind as UnitOption["kind"] })),
    handledByUnitName: row.handled_by_unit_name,
    stage: row.stage as CaseDetailDto["stage"],
    stageStartedAt: isoInstant(row.stage_started_at),
    yellowAt: isoInstant(row.yellow_at),
    handleDeadlineAt: isoInstant(row.handle_deadline_at),
    extensionPending: row.extension_pending,
    discoveryStars: row.discovery_stars,
    disposalStars: row.disposal_stars,
    satisfaction: row.satisfaction,
    resolution: row.resolution,
    timeliness: row.timeliness as CaseDetailDto["timeliness"],
    risk,
    // free text: identity numbers and phones masked, as in the description and the notes (case-pii.ts)
    emergencyPlan: maskOptionalText(row.emergency_plan),
    riskAssessed: row.risk_assessed ?? false,
    riskBands: row.risk_assessed ? (await loadCaseConfig(trx)).riskBands : null,
    canAssessRisk:
      can(ctx, "case.act") &&
      actor.userId !== null &&
      riskAssessmentRefusal({ actor, riskAssessed: row.risk_assessed ?? false, state: row.state }) === null,
    reopenCount: row.reopen_count,
    supervisionCount: row.supervision_count,
    mergedIntoId: row.merged_into_id,
    photoIds: photos.map((p) => p.id),
    photos: photos.map((p) => ({ id: p.id, stage: photoStageOf(p.action) })),
    events: events.map((e) => ({
      id: e.id,
      at: isoInstant(e.at)!,
      actorName: e.actor_name,
      isSystem: isSystemEvent({ actorUserId: e.actor_user_id, actorName: e.actor_name, action: e.action }),
      action: e.action,
      fromState: e.from_state as CaseState | null,
      toState: e.to_state as CaseState | null,
      fromLevel: e.from_level as CaseLevel | null,
      toLevel: e.to_level as CaseLevel | null,
      note: maskOptionalText(e.note),
      details: maskPlansInDetails((e.details as Record<string, unknown> | null) ?? null),
      photoIds: e.photo_ids,
    })),
    personalText: { textMasked, mayReveal: textMasked && mayRevealCasePii(ctx, row.region_path) },
    availableActions: actions,
    blockedActions: blocked,
    proposedRouting: routing ? { leadUnitId: routing.lead_unit_id, coUnitIds: routing.co_unit_ids } : null,
  };
}

/** The assignments whose role takes part in the loop (an analyst's assignment grants nothing). */
export function actingAssignments(ctx: RequestContext) {
  return ctx.actor.assignments.filter((a) => roleAllows(a.role, "case.act"));
}

/** An assess_risk row's details keep the emergency plans (new and old): free text, masked like the notes. */
function maskPlansInDetails(details: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!details) return details;
  const masked = { ...details };
  for (const key of ["risk", "previous"]) {
    const v = masked[key];
    if (typeof v === "object" && v !== null && typeof (v as { emergencyPlan?: unknown }).emergencyPlan === "string") {
      const plan = (v as { emergencyPlan: string }).emergencyPlan;
      masked[key] = { ...v, emergencyPlan: maskOptionalText(plan) };
    }
  }
  return masked;
}
