import { caseLoop } from "../i18n/zh-CN/case-loop";
import { levelAbove, type CaseAction, type CaseLevel, type CaseState } from "./case-states";
import { lightAt, resolveLimit, startStageClock, type StageClock } from "./stage-clock";
import type { CaseUrgency } from "./time-limits";
import { isSatisfaction } from "./ratings";
import type { Light } from "./traffic-light";
import { checkTransition, type CaseActorFacts, type CaseFacts, type TransitionInput } from "./case-transitions";
import {
  effectOf,
  type CaseClockRow,
  type CasePatch,
  type EffectConfig,
  type EffectInput,
  type NoticeSpec,
} from "./transition-effects";

/**
 * One step of the case loop as a pure function of the case row, the actor, the action and its input at an
 * instant: the new values of the row, the timeline row and the notices. The live verb (transition-case.ts)
 * loads what a step needs inside its transaction and writes what comes back; the demo-case generator
 * (db/seed/cases-lifecycle.ts) runs the same steps in memory on a simulated clock. So the demo data and the
 * users' cases follow one set of rules: checkTransition (who may do what, from which state), effectOf (the
 * stage clock, units, timestamps, ratings and counters) and the routing after filing (routingStepOf).
 */

/** The case row as the steps read it: the effects' fields plus what checkTransition needs. */
export type CaseStepRow = CaseClockRow & {
  reporter_user_id: number | null;
  extension_pending: boolean;
  satisfaction: string | null;
  version: number;
};

/** Who is written on the timeline row (null user: the system — the routing, the clock). */
export type StepActor = { userId: number | null; name: string; unitId: number | null };

/** The timeline row of a step (the verb adds the photos and the request id). */
export type CaseStepEvent = {
  actorUserId: number | null;
  actorName: string;
  actorUnitId: number | null;
  action: string;
  fromState: CaseState;
  toState: CaseState;
  fromLevel: CaseLevel;
  toLevel: CaseLevel;
  note: string | null;
  details: Record<string, unknown>;
};

/** What a step changes: the row's new values (state and level included; version and updated_at are the writer's), the timeline row and the notices. */
export type CaseStep = { patch: CasePatch; event: CaseStepEvent; notices: NoticeSpec[] };

/** The configuration a step reads (lib/case/case-config.ts loads it with the rest). */
export type StepConfig = EffectConfig;

type Unit = { id: number; name: string };

/**
 * The clock a new case starts with (信息采集, report-case.ts): the accept stage from the moment it was
 * reported, on the limit of its category, urgency and level; the light as it is at `now` (an order imported
 * late may already be yellow or red).
 */
export function reportClockOf(args: {
  categoryId: number;
  parentCategoryId: number | null;
  urgency: CaseUrgency;
  level: CaseLevel;
  reportedAt: Date;
  config: StepConfig;
  now: Date;
}): { clock: StageClock; light: Light } {
  const { config } = args;
  const { categoryId, parentCategoryId, urgency, level } = args;
  const limit = resolveLimit(config.timeLimits, { categoryId, parentCategoryId, urgency, level, stage: "accept" });
  const clock = startStageClock({
    stage: "accept",
    limit,
    start: args.reportedAt,
    cal: config.calendar,
    yellowShare: config.yellowShare,
  });
  return { clock, light: lightAt(clock, args.now) };
}

/** The facts the loop's rules read, from a case row, at the instant `now` (whether the handling limit has run out). */
export function caseFactsOf(
  row: {
    state: string;
    level: string;
    reporter_user_id: number | null;
    lead_unit_id: number | null;
    co_unit_ids: number[];
    handled_by_unit_id: number | null;
    extension_pending: boolean;
    handle_deadline_at: Date | null;
    satisfaction: string | null;
    version: number;
  },
  now: Date,
): CaseFacts {
  return {
    state: row.state as CaseState,
    level: row.level as CaseLevel,
    reporterUserId: row.reporter_user_id,
    leadUnitId: row.lead_unit_id,
    coUnitIds: row.co_unit_ids,
    handledByUnitId: row.handled_by_unit_id,
    extensionPending: row.extension_pending,
    // Strictly after: at the deadline itself the limit has not run out (as timelinessOf counts it).
    handleDeadlinePassed: row.handle_deadline_at !== null && now.getTime() > row.handle_deadline_at.getTime(),
    satisfaction: isSatisfaction(row.satisfaction) ? row.satisfaction : null,
    version: row.version,
  };
}

/**
 * The step of an action checkTransition has allowed (`input.to` and `input.level` are its verdict), with its
 * units already checked. `eventAction` names the timeline row when it is not the action itself (the routing's
 * dispatch is written as auto_dispatch).
 */
export function caseStepOf(args: {
  row: CaseClockRow;
  parentCategoryId: number | null;
  input: EffectInput;
  actor: StepActor;
  config: StepConfig;
  now: Date;
  eventAction?: string;
}): CaseStep {
  const { row, input, actor } = args;
  const effect = effectOf({ row, parentCategoryId: args.parentCategoryId, input, config: args.config, now: args.now });
  return {
    patch: effect.patch,
    event: {
      actorUserId: actor.userId,
      actorName: actor.name,
      actorUnitId: actor.unitId,
      action: args.eventAction ?? input.action,
      fromState: row.state as CaseState,
      toState: input.to,
      fromLevel: row.level as CaseLevel,
      toLevel: input.level,
      note: input.note,
      details: effect.details,
    },
    notices: effect.notices,
  };
}

export type StepInput = Omit<TransitionInput, "expectedVersion" | "leadUnitId" | "coUnitIds"> & {
  leadUnit?: Unit | null;
  coUnits?: readonly Unit[];
  mergeInto?: { id: number; number: string } | null;
};

export type StepDecision =
  { ok: true; step: CaseStep } | { ok: false; code: "FORBIDDEN" | "CONFLICT" | "VALIDATION"; message: string };

/**
 * checkTransition, then the step: the whole rule of one action for a caller that has every input at hand
 * (the units as they are, the configuration). The version checked is the row's own.
 */
export function decideCaseStep(args: {
  row: CaseStepRow;
  parentCategoryId: number | null;
  actor: CaseActorFacts & StepActor;
  action: CaseAction;
  input: StepInput;
  config: StepConfig;
  now: Date;
}): StepDecision {
  const { row, actor, action, input } = args;
  const verdict = checkTransition({
    caseFacts: caseFactsOf(row, args.now),
    actor,
    action,
    input: {
      ...input,
      expectedVersion: row.version,
      leadUnitId: input.leadUnit?.id ?? null,
      coUnitIds: (input.coUnits ?? []).map((u) => u.id),
    },
  });
  if (!verdict.ok) return verdict;
  const step = caseStepOf({
    row,
    parentCategoryId: args.parentCategoryId,
    input: {
      action,
      to: verdict.to,
      level: verdict.level,
      note: input.note?.trim() || null,
      returnReason: input.returnReason,
      leadUnit: input.leadUnit,
      coUnits: input.coUnits,
      satisfaction: input.satisfaction,
      resolution: input.resolution,
      discoveryStars: input.discoveryStars,
      mergeInto: input.mergeInto,
    },
    actor,
    config: args.config,
    now: args.now,
  });
  return { ok: true, step };
}

/** The routing rule that matches a filed case: units to dispatch to at once, or only a proposal. */
export type FiledRouting = { autoDispatch: true; leadUnit: Unit; coUnits: readonly Unit[] } | { autoDispatch: false };

/**
 * After filing: a routing rule with auto-dispatch sends the case to its units at once (系统（派遣规则）); a
 * rule without it only proposes them (no step); no rule at all sends the case one level up for a manual
 * dispatch (none above the district: it waits there, no step). `row` is the case as filing left it.
 */
export function routingStepOf(args: {
  row: CaseClockRow;
  parentCategoryId: number | null;
  routing: FiledRouting | null;
  config: StepConfig;
  now: Date;
}): CaseStep | null {
  const { row, routing } = args;
  const system: StepActor = { userId: null, name: caseLoop.system.routingActor, unitId: null };
  const level = row.level as CaseLevel;
  if (routing?.autoDispatch) {
    return caseStepOf({
      ...args,
      input: {
        action: "dispatch",
        to: "dispatched",
        level,
        note: caseLoop.system.autoDispatchNote(routing.leadUnit.name),
        leadUnit: routing.leadUnit,
        coUnits: routing.coUnits,
      },
      actor: system,
      eventAction: "auto_dispatch",
    });
  }
  const above = levelAbove(level);
  if (routing || !above) return null;
  return caseStepOf({
    ...args,
    input: { action: "escalate", to: row.state as CaseState, level: above, note: caseLoop.system.noRuleEscalateNote },
    actor: system,
  });
}
