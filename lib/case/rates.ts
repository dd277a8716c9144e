import { z } from "zod";
import { caseLoop } from "../i18n/zh-CN/case-loop";
import { CASE_STATES, type CaseState } from "./case-states";
import { SATISFACTION_LEVELS, type Satisfaction } from "./ratings";

/**
 * The three rates (三率) leaders read, and 办结率 beside them, per area, unit and period, over the cases
 * REPORTED in the period (a rate whose denominator is zero is null, shown "—", never 0% or 100%):
 *
 *   响应率 response rate     = acknowledged in time / due
 *       An order is the latest dispatch of a case to its lead unit; the dispatch fixes its acknowledgement
 *       (签收) limit (acknowledge_deadline_at, lib/case/time-limits.ts DEFAULT_ACKNOWLEDGE_LIMITS).
 *       due: the limit has passed, or the unit acknowledged; acknowledged in time: acknowledged_at ≤ the limit.
 *       An order sent back (退回) within its limit is not due. Merged duplicates and cancelled reports are
 *       left out, whatever the formula says.
 *   解决率 resolution rate   = resolved / answered
 *       The return visit (回访) asks "问题是否解决": answered = 已解决 + 未解决 (未表态 is left out);
 *       resolved = 已解决. A case sent back to work (返工) after a 未解决 visit keeps that answer until the
 *       next visit, as it keeps its satisfaction (transition-effects.ts "reopen").
 *   满意率 satisfaction rate = (非常满意 + 满意 + w · 基本满意) / rated
 *       rated: the return visit recorded a level in `ratedLevels` (default the five levels, without 未表态);
 *       the numerator sums the levels in `satisfiedLevels`, each counting 1 except 基本满意, which counts
 *       `fairlyWeight` (w, 0..1, default 0.8).
 *   办结率 completion rate   = closed / counted
 *       closed: state in `closedStates` (default closed and evaluated); counted: the reported cases minus
 *       those in `excludedStates` (default cancelled — an invalid report is nothing to close).
 *
 * The lists and the weight are configurable (case_setting "rates", edited on the settings page).
 */
export type RateFormula = {
  closedStates: readonly CaseState[];
  excludedStates: readonly CaseState[];
  satisfiedLevels: readonly Satisfaction[];
  ratedLevels: readonly Satisfaction[];
  /** The weight of 基本满意 (fairly_satisfied) in 满意率's numerator, 0..1. */
  fairlyWeight: number;
};

export const DEFAULT_FAIRLY_WEIGHT = 0.8;

export const DEFAULT_RATE_FORMULA: RateFormula = {
  closedStates: ["closed", "evaluated"],
  excludedStates: ["cancelled"],
  satisfiedLevels: ["very_satisfied", "satisfied", "fairly_satisfied"],
  ratedLevels: ["very_satisfied", "satisfied", "fairly_satisfied", "dissatisfied", "very_dissatisfied"],
  fairlyWeight: DEFAULT_FAIRLY_WEIGHT,
};

const errors = {
  states: "请至少选择一个状态，且只能选择已有的案件状态。",
  levels: "请至少选择一个满意度等级，且只能选择已有的等级。",
  satisfiedNotRated: "计为“满意”的等级必须同时计为“已表态”，否则满意率可能超过 100%。",
  closedExcluded: "计为“办结”的状态不能同时被排除在统计之外。",
  fairlyWeight: "“基本满意”的权重必须是 0 到 1 之间的数（如 0.8）。",
};

const States = z
  .array(z.enum(CASE_STATES, { error: errors.states }), { error: errors.states })
  .min(1, errors.states)
  .max(CASE_STATES.length);
const Levels = z
  .array(z.enum(SATISFACTION_LEVELS, { error: errors.levels }), { error: errors.levels })
  .min(1, errors.levels)
  .max(SATISFACTION_LEVELS.length);

/**
 * The stored formula (case_setting "rates"): every list checked, duplicates dropped, `excludedStates` and
 * `fairlyWeight` defaulted. Keys it does not know (the former `responseStates`) are dropped.
 */
export const RateFormulaSchema = z
  .object({
    closedStates: States,
    excludedStates: z
      .array(z.enum(CASE_STATES, { error: errors.states }))
      .max(CASE_STATES.length)
      .default([...DEFAULT_RATE_FORMULA.excludedStates]),
    satisfiedLevels: Levels,
    ratedLevels: Levels,
    fairlyWeight: z
      .number({ error: errors.fairlyWeight })
      .min(0, errors.fairlyWeight)
      .max(1, errors.fairlyWeight)
      .default(DEFAULT_FAIRLY_WEIGHT),
  })
  .refine((f) => f.satisfiedLevels.every((l) => f.ratedLevels.includes(l)), {
    message: errors.satisfiedNotRated,
    path: ["satisfiedLevels"],
  })
  .refine((f) => !f.closedStates.some((s) => f.excludedStates.includes(s)), {
    message: errors.closedExcluded,
    path: ["closedStates"],
  })
  .transform((f): RateFormula => ({
    closedStates: unique(f.closedStates),
    excludedStates: unique(f.excludedStates),
    satisfiedLevels: unique(f.satisfiedLevels),
    ratedLevels: unique(f.ratedLevels),
    fairlyWeight: f.fairlyWeight,
  }));

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** The formula from the stored setting; a missing or broken setting falls back to the documented defaults. */
export function rateFormulaOf(stored: unknown): RateFormula {
  const parsed = RateFormulaSchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_RATE_FORMULA;
}

/** The weight a satisfaction level adds to 满意率's numerator (0 when it is not a satisfied level). */
export function satisfactionWeight(level: Satisfaction, f: RateFormula): number {
  if (!f.satisfiedLevels.includes(level) || !f.ratedLevels.includes(level)) return 0;
  return level === "fairly_satisfied" ? f.fairlyWeight : 1;
}

/** The counts behind the rates of one group (area, unit or total). */
export type RateCounts = {
  /** Every case reported in the period. */
  reported: number;
  /** Orders whose acknowledgement was due (响应率's denominator). */
  due: number;
  /** Orders acknowledged within their limit (响应率's numerator). */
  acknowledgedInTime: number;
  /** Return visits that answered 已解决 or 未解决 (解决率's denominator). */
  answered: number;
  /** Return visits that answered 已解决. */
  resolved: number;
  /** Return visits with a level in `ratedLevels` (满意率's denominator). */
  rated: number;
  /** The weighted sum of the satisfied levels (基本满意 counts `fairlyWeight`): may have a fraction. */
  satisfied: number;
  /** reported minus the excluded states (办结率's denominator). */
  counted: number;
  /** Cases in `closedStates` (办结率's numerator). */
  closed: number;
};

export type Rates = {
  response: number | null;
  resolution: number | null;
  satisfaction: number | null;
  /** 办结率, the fourth figure. */
  completion: number | null;
};

export const EMPTY_RATE_COUNTS: RateCounts = {
  reported: 0,
  due: 0,
  acknowledgedInTime: 0,
  answered: 0,
  resolved: 0,
  rated: 0,
  satisfied: 0,
  counted: 0,
  closed: 0,
};

const ratio = (num: number, den: number) => (den > 0 ? num / den : null);

/** The rates of a group's counts (null where nothing is divided by). */
export function ratesOf(c: RateCounts): Rates {
  return {
    response: ratio(c.acknowledgedInTime, c.due),
    resolution: ratio(c.resolved, c.answered),
    satisfaction: ratio(c.satisfied, c.rated),
    completion: ratio(c.closed, c.counted),
  };
}

/** One case as the rates read it. */
export type RateCase = {
  state: CaseState;
  satisfaction: string | null;
  resolution: string | null;
  mergedIntoId: number | null;
  acknowledgeDeadlineAt: Date | null;
  acknowledgedAt: Date | null;
};

/** Whether a case's order was due for acknowledgement at `now`, and whether it was acknowledged in time. */
export function acknowledgementOf(c: RateCase, now: Date): { due: boolean; inTime: boolean } {
  const deadline = c.acknowledgeDeadlineAt;
  if (c.state === "cancelled" || c.mergedIntoId !== null || deadline === null) return { due: false, inTime: false };
  const ack = c.acknowledgedAt;
  const due = ack !== null || deadline.getTime() < now.getTime();
  return { due, inTime: due && ack !== null && ack.getTime() <= deadline.getTime() };
}

/**
 * The counts of a list of cases under a formula at `now`: the in-memory twin of the SQL aggregation in
 * db/queries/case-rates.ts (the database tests check that both agree).
 */
export function countForRates(cases: readonly RateCase[], f: RateFormula, now: Date): RateCounts {
  const counts: RateCounts = { ...EMPTY_RATE_COUNTS };
  for (const c of cases) {
    const sat = c.satisfaction as Satisfaction | null;
    counts.reported += 1;
    const ack = acknowledgementOf(c, now);
    if (ack.due) counts.due += 1;
    if (ack.inTime) counts.acknowledgedInTime += 1;
    if (c.resolution === "resolved" || c.resolution === "unresolved") counts.answered += 1;
    if (c.resolution === "resolved") counts.resolved += 1;
    if (sat !== null && f.ratedLevels.includes(sat)) {
      counts.rated += 1;
      counts.satisfied += satisfactionWeight(sat, f);
    }
    if (!f.excludedStates.includes(c.state)) counts.counted += 1;
    if (f.closedStates.includes(c.state)) counts.closed += 1;
  }
  return counts;
}

/** The configured lists in words, for the page's "口径" note. */
export function describeFormula(f: RateFormula): {
  closed: string;
  excluded: string;
  satisfied: string;
  rated: string;
  fairlyWeight: string;
} {
  const states = (list: readonly CaseState[]) => list.map((s) => caseLoop.stateLabels[s]).join("、");
  const levels = (list: readonly Satisfaction[]) => list.map((l) => caseLoop.satisfactionLabels[l]).join("、");
  return {
    closed: states(f.closedStates),
    excluded: states(f.excludedStates) || "—",
    satisfied: levels(f.satisfiedLevels),
    rated: levels(f.ratedLevels),
    fairlyWeight: String(f.fairlyWeight),
  };
}
