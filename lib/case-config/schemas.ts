import { z } from "zod";
import { idSchema } from "../id";
import { CASE_LEVELS } from "../case/case-states";
import { RateFormulaSchema } from "../case/rates";
import { CASE_STAGES, CASE_URGENCIES } from "../case/time-limits";
import { caseDesk } from "../i18n/zh-CN/case-desk";
import { validWorkingHours } from "./working-hours";

/** zod schemas of the configuration verbs, each message in Chinese (shown next to the field). */

const e = caseDesk.config.errors;

const Id = idSchema(e.badId, "int4");
const Version = idSchema(e.staleVersion, "int4");
const Level = z.enum(CASE_LEVELS, { error: e.badLevel });
const Urgency = z.enum(CASE_URGENCIES, { error: e.badUrgency });
const Name = (max: number) => z.string({ error: e.nameRequired }).trim().min(1, e.nameRequired).max(max, e.nameTooLong(max));
const nullable = <S extends z.ZodType>(s: S) => z.preprocess((v) => (v === "" || v === undefined ? null : v), s.nullable());

export const UpdateCategoryInput = z.object({
  id: Id,
  expectedVersion: Version,
  name: Name(40),
  defaultLevel: Level,
  defaultUrgency: Urgency,
  active: z.boolean({ error: e.badFlag }),
});
export type UpdateCategoryInput = z.input<typeof UpdateCategoryInput>;

export const SaveRoutingRuleInput = z
  .object({
    /** Absent for a new rule. */
    id: Id.optional(),
    expectedVersion: Version.optional(),
    categoryId: idSchema(e.categoryRequired, "int4"),
    regionId: idSchema(e.regionRequired, "int4"),
    leadUnitId: idSchema(e.leadRequired, "int4"),
    coUnitIds: z.array(idSchema(e.coUnits, "int4"), { error: e.coUnits }).max(10, e.coUnits).default([]),
    autoDispatch: z.boolean().default(true),
  })
  .refine((v) => new Set(v.coUnitIds).size === v.coUnitIds.length && !v.coUnitIds.includes(v.leadUnitId), {
    message: e.coUnits,
    path: ["coUnitIds"],
  })
  .refine((v) => v.id === undefined || v.expectedVersion !== undefined, { message: e.staleVersion, path: ["expectedVersion"] });
export type SaveRoutingRuleInput = z.input<typeof SaveRoutingRuleInput>;

export const DeleteVersionedInput = z.object({ id: Id, expectedVersion: Version });
export type DeleteVersionedInput = z.input<typeof DeleteVersionedInput>;

const LIMIT_UNITS = ["natural_minutes", "natural_hours", "working_minutes", "working_hours", "working_days"] as const;

/**
 * The longest limit each unit may express: 90 natural days, 250 working days (a working year of 8-hour
 * days) — beyond that a "time limit" no longer limits anything and is almost certainly a typo.
 */
export const LIMIT_MAX: Record<(typeof LIMIT_UNITS)[number], number> = {
  natural_minutes: 90 * 24 * 60,
  natural_hours: 90 * 24,
  working_minutes: 100_000,
  working_hours: 250 * 8,
  working_days: 250,
};

export const SaveTimeLimitInput = z
  .object({
    id: Id.optional(),
    expectedVersion: Version.optional(),
    categoryId: nullable(idSchema(e.categoryNotFound, "int4")),
    urgency: Urgency,
    level: nullable(Level),
    stage: z.enum(CASE_STAGES, { error: e.badStage }),
    amount: z.coerce.number({ error: e.badAmount }).int(e.badAmount).min(1, e.badAmount).max(100_000, e.badAmount),
    unit: z.enum(LIMIT_UNITS, { error: e.badUnit }),
  })
  .refine((v) => v.amount <= LIMIT_MAX[v.unit], { message: e.amountTooLong, path: ["amount"] })
  .refine((v) => v.id === undefined || v.expectedVersion !== undefined, { message: e.staleVersion, path: ["expectedVersion"] });
export type SaveTimeLimitInput = z.input<typeof SaveTimeLimitInput>;

const Day = z
  .string({ error: e.badDay })
  .trim()
  .regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/, e.badDay)
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, e.badDay)
  .refine((v) => v >= "2000-01-01" && v <= "2100-12-31", e.dayOutOfRange);

/** The weekday of a "YYYY-MM-DD" (0 = Sunday). */
export function weekdayOf(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

export const SaveCalendarDayInput = z
  .object({
    day: Day,
    /** Absent when the day is added; the version seen when it is edited. */
    expectedVersion: Version.optional(),
    kind: z.enum(["holiday", "workday"], { error: e.badKind }),
    /** A holiday that is statutory (法定, overtime 300 %) rather than a rest day moved next to one (200 %). */
    statutory: z.boolean({ error: e.badKind }).optional().default(false),
    name: Name(20),
  })
  .refine((v) => !v.statutory || v.kind === "holiday", { message: e.badKind, path: ["statutory"] })
  .refine((v) => v.kind !== "workday" || [0, 6].includes(weekdayOf(v.day)), { message: e.workdayOnWeekend, path: ["kind"] });
export type SaveCalendarDayInput = z.input<typeof SaveCalendarDayInput>;

export const DeleteCalendarDayInput = z.object({ day: Day, expectedVersion: Version });
export type DeleteCalendarDayInput = z.input<typeof DeleteCalendarDayInput>;

export const UpdateEscalationRuleInput = z
  .object({ level: Level, expectedVersion: Version, autoOnRed: z.boolean(), notifyLevel: Level })
  .refine((v) => CASE_LEVELS.indexOf(v.notifyLevel) >= CASE_LEVELS.indexOf(v.level), {
    message: e.notifyBelow,
    path: ["notifyLevel"],
  })
  .refine((v) => !(v.level === "district" && v.autoOnRed), { message: e.districtNoAuto, path: ["autoOnRed"] });
export type UpdateEscalationRuleInput = z.input<typeof UpdateEscalationRuleInput>;

const Share = z.number({ error: e.share }).min(0.01, e.share).max(0.99, e.share);

/** The value of each setting key (case_setting), checked before it is stored. */
export const SETTING_SCHEMAS = {
  working_hours: z
    .array(z.array(z.number({ error: e.workingHours }).int(e.workingHours), { error: e.workingHours }), { error: e.workingHours })
    .refine((v) => validWorkingHours(v), e.workingHours),
  yellow_share: Share,
  early_share: Share,
  reminder_share: Share,
  risk_bands: z
    .object(
      {
        importantFrom: z.number({ error: e.riskBands }).positive(e.riskBands).max(100_000, e.riskBands),
        majorFrom: z.number({ error: e.riskBands }).positive(e.riskBands).max(100_000, e.riskBands),
      },
      { error: e.riskBands },
    )
    .refine((v) => v.majorFrom > v.importantFrom, { message: e.riskBands, path: ["majorFrom"] }),
  duplicate_window: z.object(
    {
      meters: z
        .number({ error: e.duplicateWindow })
        .int(e.duplicateWindow)
        .min(10, e.duplicateWindow)
        .max(5000, e.duplicateWindow),
      hours: z.number({ error: e.duplicateWindow }).int(e.duplicateWindow).min(1, e.duplicateWindow).max(720, e.duplicateWindow),
    },
    { error: e.duplicateWindow },
  ),
  rates: RateFormulaSchema,
} as const;

export type SettingKey = keyof typeof SETTING_SCHEMAS;
export const SETTING_KEYS = Object.keys(SETTING_SCHEMAS) as SettingKey[];

export const UpdateCaseSettingInput = z.object({
  key: z.enum(SETTING_KEYS as [SettingKey, ...SettingKey[]], { error: e.unknownSetting }),
  expectedVersion: Version,
  value: z.unknown(),
});
export type UpdateCaseSettingInput = z.input<typeof UpdateCaseSettingInput>;
