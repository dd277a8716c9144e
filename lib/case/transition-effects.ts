import { caseLoop } from "../i18n/zh-CN/case-loop";
import type { CaseConfig } from "./case-config";
import type { CaseAction, CaseLevel, CaseState } from "./case-states";
import {
  atBestOnTime,
  disposalStars,
  disposalTimeliness,
  timelinessOf,
  type ResolutionAnswer,
  type Satisfaction,
  type Timeliness,
} from "./ratings";
import { extendStageClock, lightAt, resolveLimit, startStageClock, type StageClock } from "./stage-clock";
import { acknowledgeLimitFor, type CaseStage, type CaseUrgency } from "./time-limits";
import type { Light } from "./traffic-light";
import { addLimit, clockOf, minutesBetween } from "./working-calendar";

/**
 * What an allowed action changes on the case row, besides state, level and version: timestamps, units, the
 * stage clock, ratings and counters; plus the facts for the timeline row and the notices to send. Pure: the
 * verb has already checked the action (checkTransition) and its units, and passes the configuration in.
 */

/** The case row's fields the effects read. */
export type CaseClockRow = {
  id: number;
  number: string;
  state: string;
  level: string;
  urgency: string;
  category_id: number;
  region_path: string;
  lead_unit_id: number | null;
  co_unit_ids: number[];
  handled_by_unit_id: number | null;
  stage: string | null;
  stage_started_at: Date | null;
  yellow_at: Date | null;
  deadline_at: Date | null;
  handle_started_at: Date | null;
  handle_deadline_at: Date | null;
  /** The acknowledgement (签收) limit of the latest dispatch (响应率). */
  acknowledge_deadline_at: Date | null;
  handled_at: Date | null;
  timeliness: string | null;
  extension_count: number;
  reopen_count: number;
  supervision_count: number;
};

export type EffectInput = {
  action: CaseAction;
  to: CaseState;
  level: CaseLevel;
  note: string | null;
  returnReason?: string | null;
  leadUnit?: { id: number; name: string } | null;
  coUnits?: readonly { id: number; name: string }[];
  satisfaction?: Satisfaction | null;
  resolution?: ResolutionAnswer | null;
  discoveryStars?: number | null;
  mergeInto?: { id: number; number: string } | null;
};

export type NoticeSpec = {
  kind: "escalated" | "supervision" | "assigned";
  level: CaseLevel;
  unitId: number | null;
  message: string;
};

export type CasePatch = Record<string, unknown>;

export type Effect = { patch: CasePatch; details: Record<string, unknown>; notices: NoticeSpec[] };

/** The part of the configuration the effects read. */
export type EffectConfig = Pick<CaseConfig, "calendar" | "yellowShare" | "earlyShare" | "timeLimits">;

function clockPatch(clock: StageClock | null, now: Date): CasePatch {
  if (!clock)
    return { stage: null, stage_started_at: null, yellow_at: null, deadline_at: null, light: null, light_changed_at: now };
  const light: Light = lightAt(clock, now);
  return {
    stage: clock.stage,
    stage_started_at: clock.startedAt,
    yellow_at: clock.yellowAt,
    deadline_at: clock.deadlineAt,
    light,
    light_changed_at: now,
  };
}

export function effectOf(args: {
  row: CaseClockRow;
  parentCategoryId: number | null;
  input: EffectInput;
  config: EffectConfig;
  now: Date;
}): Effect {
  const { row, input, config, now } = args;
  const details: Record<string, unknown> = {};
  const notices: NoticeSpec[] = [];
  let patch: CasePatch = {};

  switch (input.action) {
    case "file":
      patch = { filed_at: now, ...clockPatch(stageStart(args, "dispatch"), now) };
      break;
    case "resume":
      patch = clockPatch(stageStart(args, "dispatch"), now);
      break;
    case "cancel":
    case "withdraw":
      patch = { ...clockPatch(null, now), merged_into_id: input.mergeInto?.id ?? null };
      if (input.mergeInto) details.mergedInto = input.mergeInto.number;
      break;
    case "dispatch": {
      const handle = stageStart(args, "handle");
      patch = {
        lead_unit_id: input.leadUnit!.id,
        co_unit_ids: (input.coUnits ?? []).map((u) => u.id),
        handled_by_unit_id: null,
        dispatched_at: now,
        // 响应率: each dispatch gives the unit a fresh acknowledgement limit (lib/case/rates.ts).
        acknowledge_deadline_at: addLimit(now, acknowledgeLimitFor(row.urgency as CaseUrgency), config.calendar),
        acknowledged_at: null,
        handle_started_at: handle.startedAt,
        handle_deadline_at: handle.deadlineAt,
        extension_pending: false,
        ...clockPatch(handle, now),
      };
      details.leadUnit = input.leadUnit!.name;
      details.coUnits = (input.coUnits ?? []).map((u) => u.name);
      for (const unit of [input.leadUnit!, ...(input.coUnits ?? [])]) {
        notices.push({
          kind: "assigned",
          level: input.level,
          unitId: unit.id,
          message: caseLoop.system.assignedNotice(row.number),
        });
      }
      break;
    }
    case "return":
      // The unit that sent it back is no longer responsible; the dispatcher's clock starts again.
      patch = { lead_unit_id: null, co_unit_ids: [], ...clockPatch(stageStart(args, "dispatch"), now) };
      // A wrong dispatch sent back within the acknowledgement limit was answered in time: nothing was due.
      // Sent back after the limit, the order stays due and unacknowledged (响应率).
      if (row.acknowledge_deadline_at && now.getTime() <= row.acknowledge_deadline_at.getTime())
        patch.acknowledge_deadline_at = null;
      details.returnReason = input.returnReason;
      break;
    case "handle":
      // The disposal on the spot; timeliness waits for the report back (反馈), which is what meets the limit.
      patch = { handled_by_unit_id: row.lead_unit_id, handled_at: now };
      break;
    case "report_back": {
      patch = clockPatch(stageStart(args, "verify"), now);
      const measured = timelinessAt(row, now, stageLimit(args, "handle").unit, config);
      const previous = row.timeliness as Timeliness | null;
      if (measured) {
        const timeliness = disposalTimeliness({
          measured,
          previous,
          reopened: row.reopen_count > 0,
          extended: row.extension_count > 0,
        });
        patch.timeliness = timeliness;
        details.timeliness = timeliness;
      }
      break;
    }
    case "close":
      patch = { closed_at: now, ...clockPatch(null, now) };
      break;
    case "reopen": {
      // 返工: the same unit handles again, on a fresh handling limit. The timeliness keeps its history, at best
      // on time from now on (ratings.ts disposalTimeliness); the disposal stars wait for the next return visit.
      // A dissatisfied evaluation's satisfaction stays on the row until that visit: a reopen does not erase it.
      const handle = stageStart(args, "handle");
      const timeliness = row.timeliness as Timeliness | null;
      patch = {
        reopen_count: row.reopen_count + 1,
        closed_at: null,
        handled_at: null,
        timeliness: timeliness === null ? null : atBestOnTime(timeliness),
        disposal_stars: null,
        handle_started_at: handle.startedAt,
        handle_deadline_at: handle.deadlineAt,
        ...clockPatch(handle, now),
      };
      break;
    }
    case "evaluate": {
      const timeliness = (row.timeliness as Timeliness | null) ?? "on_time";
      const stars = disposalStars(timeliness, input.satisfaction!);
      patch = {
        satisfaction: input.satisfaction,
        resolution: input.resolution ?? null,
        disposal_stars: stars,
        evaluated_at: now,
      };
      details.satisfaction = input.satisfaction;
      if (input.resolution) details.resolution = input.resolution;
      details.disposalStars = stars;
      details.timeliness = timeliness;
      break;
    }
    case "suspend":
      patch = clockPatch(null, now);
      break;
    case "escalate":
      details.fromLevel = row.level;
      notices.push({
        kind: "escalated",
        level: input.level,
        unitId: null,
        message: caseLoop.system.escalatedNotice(
          row.number,
          caseLoop.levelLabels[row.level as CaseLevel],
          caseLoop.levelLabels[input.level],
        ),
      });
      break;
    case "extension_request":
      patch = { extension_pending: true };
      break;
    case "extension_approve": {
      patch = { extension_pending: false, extension_count: row.extension_count + 1 };
      if (row.stage === "handle" && row.stage_started_at && row.deadline_at) {
        const extended = extendStageClock(
          { startedAt: row.stage_started_at, deadlineAt: row.deadline_at },
          stageLimit(args, "handle"),
          config.calendar,
          config.yellowShare,
        );
        patch = {
          ...patch,
          deadline_at: extended.deadlineAt,
          yellow_at: extended.yellowAt,
          handle_deadline_at: extended.deadlineAt,
          light: lightAt(extended, now),
          light_changed_at: now,
        };
        details.newDeadline = extended.deadlineAt.toISOString();
      }
      break;
    }
    case "extension_reject":
      patch = { extension_pending: false };
      break;
    case "supervision_order":
      patch = { supervision_count: row.supervision_count + 1 };
      notices.push({
        kind: "supervision",
        level: input.level,
        unitId: row.lead_unit_id,
        message: caseLoop.system.supervisionNotice(row.number),
      });
      break;
    case "rate_discovery":
      patch = { discovery_stars: input.discoveryStars };
      details.discoveryStars = input.discoveryStars;
      break;
    case "acknowledge":
      patch = { acknowledged_at: now };
      break;
    case "start_verification":
    case "co_report_back":
      break;
  }
  return { patch: { ...patch, state: input.to, level: input.level }, details, notices };
}

// The stage limit and a fresh stage clock at the step's level (module functions rather than closures made
// on every call: the demo generator runs a few million steps).
type StageArgs = { row: CaseClockRow; parentCategoryId: number | null; input: EffectInput; config: EffectConfig; now: Date };

function stageLimit(args: StageArgs, stage: CaseStage) {
  return resolveLimit(args.config.timeLimits, {
    categoryId: args.row.category_id,
    parentCategoryId: args.parentCategoryId,
    urgency: args.row.urgency as CaseUrgency,
    level: args.input.level,
    stage,
  });
}

function stageStart(args: StageArgs, stage: CaseStage): StageClock {
  const { config, now } = args;
  return startStageClock({
    stage,
    limit: stageLimit(args, stage),
    start: now,
    cal: config.calendar,
    yellowShare: config.yellowShare,
  });
}

/** Early / on time / overdue of the disposal, on the handling limit's own clock (natural or working). */
function timelinessAt(
  row: CaseClockRow,
  now: Date,
  unit: Parameters<typeof clockOf>[0],
  config: EffectConfig,
): Timeliness | null {
  if (!row.handle_started_at || !row.handle_deadline_at) return null;
  const clock = clockOf(unit);
  const used = Math.max(0, minutesBetween(row.handle_started_at, now, clock, config.calendar));
  const limit = minutesBetween(row.handle_started_at, row.handle_deadline_at, clock, config.calendar);
  if (!(limit > 0)) return null;
  return timelinessOf({ used, limit, earlyShare: config.earlyShare });
}
