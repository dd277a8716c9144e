/**
 * Replays a generated case's timeline through lib/case alone, from the row a report creates, and lists
 * where the generator and the rules part ways (empty: none). Every step by a person must be allowed by
 * checkTransition and give the timeline row the generator wrote (state, level, note, details); the routing's
 * steps must be routingStepOf's; the clock's escalations must be escalates the rules allow the system. At the
 * end the replayed row must be the outcome: state, level, version, stage clock, units, ratings, counters; an
 * open case's light must be lightAt(its clock, now). Used by the generator's tests.
 */
import { CASE_ACTIONS, levelAbove, type CaseAction, type CaseLevel, type CaseState } from "../../lib/case/case-states";
import { caseFactsOf, decideCaseStep, routingStepOf, type CaseStep } from "../../lib/case/case-step";
import { checkTransition } from "../../lib/case/case-transitions";
import { lightAt, stageOfState } from "../../lib/case/stage-clock";
import { reportedRow, type CaseOutcome, type LifecycleInput, type LifecycleRules, type SimEvent } from "./cases-lifecycle";

const ms = (d: Date | null) => d?.getTime() ?? null;

export function replayCase(rules: LifecycleRules, input: LifecycleInput, o: CaseOutcome): string[] {
  const problems: string[] = [];
  const same = (what: string, got: unknown, want: unknown) => {
    const a = JSON.stringify(got);
    const b = JSON.stringify(want);
    if (a !== b) problems.push(`${what}: generated ${a}, rules give ${b}`);
  };
  const [first, ...steps] = o.events;
  same("first row", [first.action, first.toState, first.at], ["report", "reported", input.reportedAt.getTime()]);
  const { row } = reportedRow(rules, input, first.actor);
  for (const [i, e] of steps.entries()) {
    const where = `step ${i + 1} (${e.action})`;
    same(`${where} starts where the case is`, [e.fromState, e.fromLevel], [row.state, row.level]);
    const step = stepOf(rules, input, row, e, o.events[i], (message) => problems.push(`${where}: ${message}`));
    if (!step) break;
    same(
      `${where} row`,
      [e.action, e.toState, e.toLevel, e.note, e.details ?? {}],
      [step.event.action, step.event.toState, step.event.toLevel, step.event.note, step.event.details],
    );
    Object.assign(row, step.patch);
    row.version++;
  }
  same(
    "outcome",
    [
      o.state,
      o.level,
      o.version,
      o.stage,
      o.stageStartedAt,
      o.yellowAt,
      o.deadlineAt,
      o.handleStartedAt,
      o.handleDeadlineAt,
      o.leadUnitId,
      o.coUnitIds,
      o.handledByUnitId,
      o.timeliness,
      o.satisfaction,
      o.resolution,
      o.acknowledgeDeadlineAt,
      o.acknowledgedAt,
      o.disposalStars,
      o.discoveryStars,
      o.reopenCount,
      o.extensionCount,
      o.supervisionCount,
      o.filedAt,
      o.dispatchedAt,
      o.handledAt,
      o.closedAt,
      o.evaluatedAt,
    ],
    [
      row.state,
      row.level,
      row.version,
      row.stage,
      ms(row.stage_started_at),
      ms(row.yellow_at),
      ms(row.deadline_at),
      ms(row.handle_started_at),
      ms(row.handle_deadline_at),
      row.lead_unit_id,
      row.co_unit_ids,
      row.handled_by_unit_id,
      row.timeliness,
      row.satisfaction,
      row.resolution,
      ms(row.acknowledge_deadline_at),
      ms(row.acknowledged_at),
      row.disposal_stars,
      row.discovery_stars,
      row.reopen_count,
      row.extension_count,
      row.supervision_count,
      ms(row.filed_at),
      ms(row.dispatched_at),
      ms(row.handled_at),
      ms(row.closed_at),
      ms(row.evaluated_at),
    ],
  );
  const open = stageOfState(row.state as CaseState) !== null && row.stage_started_at && row.yellow_at && row.deadline_at;
  same("light at now", o.light, open ? lightAt({ yellowAt: row.yellow_at!, deadlineAt: row.deadline_at! }, rules.now) : null);
  return problems;
}

/** The rules' own step for a timeline row, or null (with a problem) when they refuse it. */
function stepOf(
  rules: LifecycleRules,
  input: LifecycleInput,
  row: ReturnType<typeof reportedRow>["row"],
  e: SimEvent,
  before: SimEvent,
  problem: (message: string) => void,
): CaseStep | null {
  const now = new Date(e.at);
  if (e.action === "auto_escalate") {
    // The clock (db/queries/case-clock.ts) escalates as the system, with its own note and details.
    const verdict = checkTransition({
      caseFacts: caseFactsOf(row, now),
      actor: e.actor,
      action: "escalate",
      input: { expectedVersion: row.version, note: e.note },
    });
    const above = levelAbove(row.level as CaseLevel);
    if (!verdict.ok || e.actor.userId !== null || verdict.level !== above) {
      problem(`the clock may not escalate: ${verdict.ok ? "not the system" : verdict.message}`);
      return null;
    }
    const state = row.state as CaseState;
    return {
      patch: { level: above },
      event: {
        actorUserId: null,
        actorName: e.actor.name,
        actorUnitId: null,
        action: "auto_escalate",
        fromState: state,
        toState: state,
        fromLevel: row.level as CaseLevel,
        toLevel: above!,
        note: e.note,
        details: e.details ?? {},
      },
      notices: [],
    };
  }
  if (e.actor.userId === null) {
    // The routing, right after filing (and the discovery rating the office gives as it files).
    if (before.action !== "file" && before.action !== "rate_discovery") problem(`a routing step after ${before.action}`);
    const routing = input.routing?.auto
      ? {
          autoDispatch: true as const,
          leadUnit: { id: input.routing.leadUnitId, name: input.unitName(input.routing.leadUnitId) },
          coUnits: input.routing.coUnitIds.map((id) => ({ id, name: input.unitName(id) })),
        }
      : input.routing
        ? { autoDispatch: false as const }
        : null;
    const step = routingStepOf({ row, parentCategoryId: input.parentCategoryId, routing, config: rules, now });
    if (!step) problem("the routing takes no step here");
    return step;
  }
  if (!(CASE_ACTIONS as readonly string[]).includes(e.action) || !e.input) {
    problem("not an action of the loop");
    return null;
  }
  const decision = decideCaseStep({
    row,
    parentCategoryId: input.parentCategoryId,
    actor: e.actor,
    action: e.action as CaseAction,
    input: e.input,
    config: rules,
    now,
  });
  if (!decision.ok) {
    problem(`refused (${decision.code}): ${decision.message}`);
    return null;
  }
  return decision.step;
}
