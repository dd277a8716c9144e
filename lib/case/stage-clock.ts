import type { CaseLevel, CaseState } from "./case-states";
import { DEFAULT_TIME_LIMITS, type CaseStage, type CaseUrgency } from "./time-limits";
import type { Light } from "./traffic-light";
import { addLimit, addWorkingMinutes, clockOf, minutesBetween, type TimeLimit, type WorkingCalendar } from "./working-calendar";

/**
 * The clock of a case's current stage, as stored on the case: when the stage started, the instant it
 * turns yellow and the deadline. The clock worker compares now() with the two stored instants (a
 * set-based pass); this module computes them once, when a stage starts, from the working calendar.
 * Calendar edits therefore apply to stages that start after the edit (the 12345 practice: a limit is
 * fixed when the order is handed over).
 */

/** Which stage's clock runs in a state; null when nothing is timed (suspended, closed, terminal). */
export function stageOfState(state: CaseState): CaseStage | null {
  switch (state) {
    case "reported":
      return "accept";
    case "filed":
    case "returned":
      return "dispatch";
    case "dispatched":
    case "acknowledged":
    case "handled":
      return "handle";
    case "reported_back":
    case "verifying":
      return "verify";
    default:
      return null;
  }
}

/** One row of the time-limit table; null category or level = any. */
export type TimeLimitRuleRow = {
  categoryId: number | null;
  urgency: CaseUrgency;
  level: CaseLevel | null;
  stage: CaseStage;
  amount: number;
  unit: TimeLimit["unit"];
};

/**
 * The limit of a stage for a case: the most specific row of the table wins — the category with the
 * level, the category, its parent category with the level, the parent, the level alone, the row for
 * every category and level — and the built-in default when the table has none.
 */
export function resolveLimit(
  rows: readonly TimeLimitRuleRow[],
  key: { categoryId: number; parentCategoryId: number | null; urgency: CaseUrgency; level: CaseLevel; stage: CaseStage },
): TimeLimit {
  // One pass, no allocation (the demo generator asks a few million times): each row gets the rank of the
  // order above, the best rank wins, and among rows of one rank the first, as a search in that order finds.
  let best: TimeLimitRuleRow | null = null;
  let bestRank = Number.POSITIVE_INFINITY;
  for (const r of rows) {
    if (r.urgency !== key.urgency || r.stage !== key.stage) continue;
    const rank = limitRank(r, key);
    if (rank < bestRank) {
      best = r;
      bestRank = rank;
    }
  }
  if (best) return { amount: best.amount, unit: best.unit };
  return DEFAULT_TIME_LIMITS[key.urgency][key.stage];
}

/** The place of a row in resolveLimit's order (0 = most specific), or infinity when it does not apply. */
function limitRank(r: TimeLimitRuleRow, key: { categoryId: number; parentCategoryId: number | null; level: CaseLevel }): number {
  const levelMiss = r.level !== null && r.level !== key.level;
  if (levelMiss) return Number.POSITIVE_INFINITY;
  const anyLevel = r.level === null ? 1 : 0;
  if (r.categoryId === key.categoryId) return anyLevel;
  if (key.parentCategoryId !== null && r.categoryId === key.parentCategoryId) return 2 + anyLevel;
  if (r.categoryId === null) return 4 + anyLevel;
  return Number.POSITIVE_INFINITY;
}

export type StageClock = { stage: CaseStage; startedAt: Date; yellowAt: Date; deadlineAt: Date; limit: TimeLimit };

/**
 * The instant a stage turns yellow: when `share` of the limit is used on the limit's own clock (natural
 * or working time), so the stored instant agrees with `lightOf` (lib/case/traffic-light.ts).
 */
export function yellowInstant(start: Date, deadline: Date, limit: TimeLimit, cal: WorkingCalendar, share: number): Date {
  const clock = clockOf(limit.unit);
  const totalMinutes = minutesBetween(start, deadline, clock, cal);
  if (totalMinutes <= 0) return start;
  const thresholdMs = Math.ceil(totalMinutes * 60_000 * share - 1e-6);
  return clock === "natural" ? new Date(start.getTime() + thresholdMs) : addWorkingMinutes(start, thresholdMs / 60_000, cal);
}

/** Starts a stage's clock at `start`. */
export function startStageClock(args: {
  stage: CaseStage;
  limit: TimeLimit;
  start: Date;
  cal: WorkingCalendar;
  yellowShare: number;
}): StageClock {
  const deadlineAt = addLimit(args.start, args.limit, args.cal);
  return {
    stage: args.stage,
    startedAt: args.start,
    deadlineAt,
    yellowAt: yellowInstant(args.start, deadlineAt, args.limit, args.cal, args.yellowShare),
    limit: args.limit,
  };
}

/**
 * An approved extension (延期): the stage gets its limit once more, counted from the current deadline;
 * the yellow instant moves with it (same share of the whole, longer window).
 */
export function extendStageClock(
  clock: { startedAt: Date; deadlineAt: Date },
  limit: TimeLimit,
  cal: WorkingCalendar,
  yellowShare: number,
): { deadlineAt: Date; yellowAt: Date } {
  const deadlineAt = addLimit(clock.deadlineAt, limit, cal);
  return { deadlineAt, yellowAt: yellowInstant(clock.startedAt, deadlineAt, limit, cal, yellowShare) };
}

/** The light of a stored clock at `now` (what the clock worker will write on its next pass). */
export function lightAt(clock: { yellowAt: Date; deadlineAt: Date }, now: Date): Light {
  if (now.getTime() > clock.deadlineAt.getTime()) return "red";
  return now.getTime() >= clock.yellowAt.getTime() ? "yellow" : "green";
}
