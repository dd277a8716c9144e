import { z } from "zod";
import { caseLoop } from "../i18n/zh-CN/case-loop";
import { CASE_STATES, type CaseState } from "./case-states";
import { SATISFACTION_LEVELS, type Satisfaction } from "./ratings";

/**
 * The three rates (三率) leaders read, per area, unit and period, over the cases REPORTED in the period:
 *
 *   响应率 response rate     = responded / reported
 *       responded: the case left 已上报 — it was filed or went further (state in `responseStates`; by
 *       default every state but reported and cancelled: a case refused as invalid was not responded to
 *       as a case). reported: every case reported in the period, cancelled ones included.
 *   办结率 resolution rate   = resolved / counted
 *       resolved: state in `resolvedStates` (default closed and evaluated); counted: the reported cases
 *       minus those in `excludedStates` (default cancelled — an invalid report is nothing to resolve).
 *   满意率 satisfaction rate = satisfied / rated
 *       rated: the return visit recorded a level in `ratedLevels` (default the five levels, without
 *       未表态 no_opinion); satisfied: a level in `satisfiedLevels` (default 非常满意, 满意, 基本满意).
 *
 * The lists are configurable (case_setting "rates", edited on the settings page); a rate whose
 * denominator is zero is null ("—"), never 0% or 100%.
 */
export type RateFormula = {
  responseStates: readonly CaseState[];
  resolvedStates: readonly CaseState[];
  excludedStates: readonly CaseState[];
  satisfiedLevels: readonly Satisfaction[];
  ratedLevels: readonly Satisfaction[];
};

export const DEFAULT_RATE_FORMULA: RateFormula = {
  responseStates: [
    "filed",
    "dispatched",
    "acknowledged",
    "returned",
    "handled",
    "reported_back",
    "verifying",
    "closed",
    "evaluated",
    "suspended",
  ],
  resolvedStates: ["closed", "evaluated"],
  excludedStates: ["cancelled"],
  satisfiedLevels: ["very_satisfied", "satisfied", "fairly_satisfied"],
  ratedLevels: ["very_satisfied", "satisfied", "fairly_satisfied", "dissatisfied", "very_dissatisfied"],
};

const errors = {
  states: "请至少选择一个状态，且只能选择已有的案件状态。",
  levels: "请至少选择一个满意度等级，且只能选择已有的等级。",
  satisfiedNotRated: "计为“满意”的等级必须同时计为“已表态”，否则满意率可能超过 100%。",
  resolvedExcluded: "计为“办结”的状态不能同时被排除在统计之外。",
};

const States = z
  .array(z.enum(CASE_STATES, { error: errors.states }), { error: errors.states })
  .min(1, errors.states)
  .max(CASE_STATES.length);
const Levels = z
  .array(z.enum(SATISFACTION_LEVELS, { error: errors.levels }), { error: errors.levels })
  .min(1, errors.levels)
  .max(SATISFACTION_LEVELS.length);

/** The stored formula (case_setting "rates"): every list checked, duplicates dropped, `excludedStates` defaulted. */
export const RateFormulaSchema = z
  .object({
    responseStates: States,
    resolvedStates: States,
    excludedStates: z
      .array(z.enum(CASE_STATES, { error: errors.states }))
      .max(CASE_STATES.length)
      .default([...DEFAULT_RATE_FORMULA.excludedStates]),
    satisfiedLevels: Levels,
    ratedLevels: Levels,
  })
  .refine((f) => f.satisfiedLevels.every((l) => f.ratedLevels.includes(l)), {
    message: errors.satisfiedNotRated,
    path: ["satisfiedLevels"],
  })
  .refine((f) => !f.resolvedStates.some((s) => f.excludedStates.includes(s)), {
    message: errors.resolvedExcluded,
    path: ["resolvedStates"],
  })
  .transform((f): RateFormula => ({
    responseStates: unique(f.responseStates),
    resolvedStates: unique(f.resolvedStates),
    excludedStates: unique(f.excludedStates),
    satisfiedLevels: unique(f.satisfiedLevels),
    ratedLevels: unique(f.ratedLevels),
  }));

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** The formula from the stored setting; a missing or broken setting falls back to the documented defaults. */
export function rateFormulaOf(stored: unknown): RateFormula {
  const parsed = RateFormulaSchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_RATE_FORMULA;
}

/** The counts behind the rates of one group (area, unit or total). */
export type RateCounts = {
  /** Every case reported in the period. */
  reported: number;
  /** reported minus the excluded states (the resolution rate's denominator). */
  counted: number;
  responded: number;
  resolved: number;
  rated: number;
  satisfied: number;
};

export type Rates = { response: number | null; resolution: number | null; satisfaction: number | null };

const ratio = (num: number, den: number) => (den > 0 ? num / den : null);

/** The three rates of a group's counts (null where nothing is divided by). */
export function ratesOf(c: RateCounts): Rates {
  return {
    response: ratio(c.responded, c.reported),
    resolution: ratio(c.resolved, c.counted),
    satisfaction: ratio(c.satisfied, c.rated),
  };
}

/**
 * The counts of a list of cases under a formula: the in-memory twin of the SQL aggregation in
 * db/queries/case-rates.ts (the database tests check that both agree).
 */
export function countForRates(cases: readonly { state: CaseState; satisfaction: string | null }[], f: RateFormula): RateCounts {
  const has = <T>(list: readonly T[], v: T | null) => v !== null && list.includes(v);
  const counts: RateCounts = { reported: 0, counted: 0, responded: 0, resolved: 0, rated: 0, satisfied: 0 };
  for (const c of cases) {
    const sat = c.satisfaction as Satisfaction | null;
    counts.reported += 1;
    if (!has(f.excludedStates, c.state)) counts.counted += 1;
    if (has(f.responseStates, c.state)) counts.responded += 1;
    if (has(f.resolvedStates, c.state)) counts.resolved += 1;
    if (has(f.ratedLevels, sat)) {
      counts.rated += 1;
      if (has(f.satisfiedLevels, sat)) counts.satisfied += 1;
    }
  }
  return counts;
}

/** The configured lists in words, for the page's "口径" note. */
export function describeFormula(f: RateFormula): {
  response: string;
  resolved: string;
  excluded: string;
  satisfied: string;
  rated: string;
} {
  const states = (list: readonly CaseState[]) => list.map((s) => caseLoop.stateLabels[s]).join("、");
  const levels = (list: readonly Satisfaction[]) => list.map((l) => caseLoop.satisfactionLabels[l]).join("、");
  return {
    response: states(f.responseStates),
    resolved: states(f.resolvedStates),
    excluded: states(f.excludedStates) || "—",
    satisfied: levels(f.satisfiedLevels),
    rated: levels(f.ratedLevels),
  };
}
