import { addLimit, type TimeLimit, type WorkingCalendar } from "./working-calendar";

/** The timed stages of a case: 受理/立案, 派遣, 处置 (to the report back), 核查. */
export const CASE_STAGES = ["accept", "dispatch", "handle", "verify"] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

/** Urgency as the 12345 hotline grades it: 特急, 紧急, 一般, 疑难 (complex). */
export const CASE_URGENCIES = ["emergency", "urgent", "general", "complex"] as const;
export type CaseUrgency = (typeof CASE_URGENCIES)[number];

export type TimeLimitTable = { readonly [U in CaseUrgency]: { readonly [S in CaseStage]: TimeLimit } };
/** Limits that replace defaults, e.g. the row of the (category × urgency × level) table that applies. */
export type TimeLimitOverrides = { readonly [U in CaseUrgency]?: { readonly [S in CaseStage]?: TimeLimit } };

/**
 * Default limits, following common 12345 practice for the handling stage: emergency 2 hours and urgent
 * 24 hours in natural time (the clock does not stop at night or on holidays), general 7 and complex 15
 * working days. The earlier stages are short, so the handling unit gets most of the time: accept 30
 * working minutes, dispatch 2 working hours; verification 1 working day.
 * Emergency cases run on natural time at every stage (accept 10 min, dispatch 30 min, verify 2 h), and so
 * do the accept and dispatch stages of urgent cases (30 min, 2 h): an urgent case received on a Friday
 * evening must not wait for Monday to be accepted while its 24-hour handling clock already runs.
 * These are defaults only; the product keeps the real limits in its time-limit table and passes them in.
 */
export const DEFAULT_TIME_LIMITS: TimeLimitTable = {
  emergency: {
    accept: { amount: 10, unit: "natural_minutes" },
    dispatch: { amount: 30, unit: "natural_minutes" },
    handle: { amount: 2, unit: "natural_hours" },
    verify: { amount: 2, unit: "natural_hours" },
  },
  urgent: {
    accept: { amount: 30, unit: "natural_minutes" },
    dispatch: { amount: 2, unit: "natural_hours" },
    handle: { amount: 24, unit: "natural_hours" },
    verify: { amount: 1, unit: "working_days" },
  },
  general: {
    accept: { amount: 30, unit: "working_minutes" },
    dispatch: { amount: 2, unit: "working_hours" },
    handle: { amount: 7, unit: "working_days" },
    verify: { amount: 1, unit: "working_days" },
  },
  complex: {
    accept: { amount: 30, unit: "working_minutes" },
    dispatch: { amount: 2, unit: "working_hours" },
    handle: { amount: 15, unit: "working_days" },
    verify: { amount: 1, unit: "working_days" },
  },
};

/**
 * The acknowledgement (签收) limit of a dispatched order, by urgency, counted from the dispatch: 12345 practice
 * asks a unit to sign for an order within minutes when it is an emergency and within a couple of working
 * hours otherwise. Kept on the case at the dispatch (acknowledge_deadline_at), it decides 响应率
 * (lib/case/rates.ts). It runs inside the handling stage's clock (the handling limit starts at the dispatch
 * too), so it has no stage and no traffic light of its own.
 */
export const DEFAULT_ACKNOWLEDGE_LIMITS: { readonly [U in CaseUrgency]: TimeLimit } = {
  emergency: { amount: 10, unit: "natural_minutes" },
  urgent: { amount: 30, unit: "natural_minutes" },
  general: { amount: 2, unit: "working_hours" },
  complex: { amount: 2, unit: "working_hours" },
};

export function acknowledgeLimitFor(urgency: CaseUrgency): TimeLimit {
  return DEFAULT_ACKNOWLEDGE_LIMITS[urgency];
}

/** The limit that applies to a stage: the override if there is one, else the default. */
export function limitFor(stage: CaseStage, urgency: CaseUrgency, overrides?: TimeLimitOverrides): TimeLimit {
  return overrides?.[urgency]?.[stage] ?? DEFAULT_TIME_LIMITS[urgency][stage];
}

/** The deadline of a stage that starts at `start` (the moment the case entered the stage). */
export function deadlineFor(
  stage: CaseStage,
  urgency: CaseUrgency,
  start: Date,
  cal: WorkingCalendar,
  overrides?: TimeLimitOverrides,
): Date {
  return addLimit(start, limitFor(stage, urgency, overrides), cal);
}
