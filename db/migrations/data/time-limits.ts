/**
 * The default time limits (urgency × stage) that migration 20261125T0900-cases loads into time_limit_rule,
 * in the order it inserts them. Frozen with the migration: a copy of DEFAULT_TIME_LIMITS of lib/case/time-limits.ts
 * as it was then, so changing the live defaults never rewrites what this migration did (the table is edited as data).
 */
export type TimeLimitRow = {
  urgency: "emergency" | "urgent" | "general" | "complex";
  stage: "accept" | "dispatch" | "handle" | "verify";
  amount: number;
  unit: "natural_minutes" | "natural_hours" | "working_minutes" | "working_hours" | "working_days";
};

export const TIME_LIMIT_ROWS: readonly TimeLimitRow[] = [
  { urgency: "emergency", stage: "accept", amount: 10, unit: "natural_minutes" },
  { urgency: "emergency", stage: "dispatch", amount: 30, unit: "natural_minutes" },
  { urgency: "emergency", stage: "handle", amount: 2, unit: "natural_hours" },
  { urgency: "emergency", stage: "verify", amount: 2, unit: "natural_hours" },
  { urgency: "urgent", stage: "accept", amount: 30, unit: "natural_minutes" },
  { urgency: "urgent", stage: "dispatch", amount: 2, unit: "natural_hours" },
  { urgency: "urgent", stage: "handle", amount: 24, unit: "natural_hours" },
  { urgency: "urgent", stage: "verify", amount: 1, unit: "working_days" },
  { urgency: "general", stage: "accept", amount: 30, unit: "working_minutes" },
  { urgency: "general", stage: "dispatch", amount: 2, unit: "working_hours" },
  { urgency: "general", stage: "handle", amount: 7, unit: "working_days" },
  { urgency: "general", stage: "verify", amount: 1, unit: "working_days" },
  { urgency: "complex", stage: "accept", amount: 30, unit: "working_minutes" },
  { urgency: "complex", stage: "dispatch", amount: 2, unit: "working_hours" },
  { urgency: "complex", stage: "handle", amount: 15, unit: "working_days" },
  { urgency: "complex", stage: "verify", amount: 1, unit: "working_days" },
];
