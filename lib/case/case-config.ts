import "server-only";
import { findCaseConfigRows } from "../../db/queries/case-config";
import type { Database } from "../../db/client";
import type { CaseLevel } from "./case-states";
import { DEFAULT_RISK_BANDS, type RiskBands } from "./risk";
import { DEFAULT_EARLY_SHARE } from "./ratings";
import { DEFAULT_YELLOW_SHARE } from "./traffic-light";
import type { TimeLimitRuleRow } from "./stage-clock";
import { calendarFromDays, DEFAULT_WORKING_HOURS, type MinuteRange, type WorkingCalendar } from "./working-calendar";

/** Everything configurable the case verbs read, in one value. */
export type CaseConfig = {
  calendar: WorkingCalendar;
  yellowShare: number;
  earlyShare: number;
  riskBands: RiskBands;
  duplicateWindow: { meters: number; hours: number };
  timeLimits: readonly TimeLimitRuleRow[];
  escalation: ReadonlyMap<CaseLevel, { autoOnRed: boolean; notifyLevel: CaseLevel }>;
};

/**
 * How long a loaded configuration is reused by this process. Reports arrive by the hundred per second and
 * the tables change a few times a year; an edit made through the admin pages is seen at once in the process
 * that made it (forgetCaseConfig) and within this many milliseconds in the others.
 */
const REUSE_MS = 10_000;

type Cached = { at: number; config: Promise<CaseConfig> };
const cacheKey = Symbol.for("gridatlas.caseConfig");
const holder = globalThis as unknown as { [cacheKey]?: Cached };

export function loadCaseConfig(db: Database): Promise<CaseConfig> {
  const cached = holder[cacheKey];
  if (cached && Date.now() - cached.at < REUSE_MS) return cached.config;
  const config = readCaseConfig(db);
  holder[cacheKey] = { at: Date.now(), config };
  config.catch(() => {
    if (holder[cacheKey]?.config === config) holder[cacheKey] = undefined;
  });
  return config;
}

/** Drops the reused configuration (call after an admin edit commits). */
export function forgetCaseConfig(): void {
  holder[cacheKey] = undefined;
}

async function readCaseConfig(db: Database): Promise<CaseConfig> {
  const rows = await findCaseConfigRows(db);
  const setting = <T>(key: string, fallback: T): T =>
    (rows.settings.find((s) => s.key === key)?.value as T | undefined) ?? fallback;
  const workingHours = setting<MinuteRange[]>("working_hours", [...DEFAULT_WORKING_HOURS]);
  return {
    calendar: calendarFromDays(
      rows.days.map((d) => ({
        date: dateKeyOf(d.day),
        kind: d.kind as "holiday" | "workday",
        name: d.name,
        statutory: d.statutory,
      })),
      { workingHours },
    ),
    yellowShare: setting("yellow_share", DEFAULT_YELLOW_SHARE),
    earlyShare: setting("early_share", DEFAULT_EARLY_SHARE),
    riskBands: setting("risk_bands", DEFAULT_RISK_BANDS),
    duplicateWindow: setting("duplicate_window", { meters: 150, hours: 72 }),
    timeLimits: rows.limits.map((r) => ({
      categoryId: r.category_id,
      urgency: r.urgency,
      level: r.level,
      stage: r.stage,
      amount: r.amount,
      unit: r.unit,
    })) as TimeLimitRuleRow[],
    escalation: new Map(
      rows.escalation.map((r) => [r.level as CaseLevel, { autoOnRed: r.auto_on_red, notifyLevel: r.notify_level as CaseLevel }]),
    ),
  };
}

/** A `date` column as "YYYY-MM-DD" (postgres.js may hand it over as a Date at UTC midnight or as text). */
function dateKeyOf(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
}
