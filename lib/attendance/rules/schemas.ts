import { z } from "zod";
import { idSchema } from "../../id";
import { attendancePoints } from "../../i18n/zh-CN/attendance-points";
import { parseClock } from "./shift-time";

/** zod schemas of the attendance rule verbs, each message in Chinese (shown beside its field). */

const e = attendancePoints.rules.errors;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DateKey = z
  .string({ error: e.badDate })
  .regex(DATE, e.badDate)
  .refine(
    (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    e.badDate,
  );
const nullableDate = z.preprocess((v) => (v === "" || v === undefined ? null : v), DateKey.nullable());
const Clock = z.string({ error: e.badTime }).transform((v, ctx) => {
  const minute = parseClock(v);
  if (minute === null) {
    ctx.addIssue({ code: "custom", message: e.badTime });
    return z.NEVER;
  }
  return minute;
});
const Int = (min: number, max: number) =>
  z.coerce
    .number({ error: e.badNumber(min, max) })
    .int(e.badNumber(min, max))
    .min(min, e.badNumber(min, max))
    .max(max, e.badNumber(min, max));
const optionalId = z.preprocess((v) => (v === "" || v === null ? undefined : v), idSchema(e.badId, "bigint").optional());

export const SaveAttendanceRuleInput = z.object({
  /** Absent for a new rule. */
  id: idSchema(e.badId, "bigint").optional(),
  expectedVersion: idSchema(e.badId, "int4").optional(),
  name: z.string({ error: e.nameRequired }).trim().min(1, e.nameRequired).max(60, e.nameTooLong(60)),
  /** Exactly one of the two: the department the rule serves, or one person. */
  departmentId: optionalId,
  staffId: optionalId,
  /** "HH:MM", 00:00–24:00 */
  start: Clock,
  end: Clock,
  lateGraceMinutes: Int(0, 240).default(5),
  earlyGraceMinutes: Int(0, 240).default(5),
  minWorkMinutes: Int(0, 1440).default(480),
  requiredPatrols: Int(0, 10).default(2),
  allowOutsideWithReason: z.boolean({ error: e.badFlag }).default(true),
  maxAccuracyM: Int(5, 5000).default(200),
  validFrom: DateKey,
  validTo: nullableDate.default(null),
});
export type SaveAttendanceRuleInput = z.input<typeof SaveAttendanceRuleInput>;

export const CloseAttendanceRuleInput = z.object({
  id: idSchema(e.badId, "bigint"),
  expectedVersion: idSchema(e.badId, "int4"),
  /** The first day the rule no longer applies. */
  validTo: DateKey,
});
export type CloseAttendanceRuleInput = z.input<typeof CloseAttendanceRuleInput>;

export const ListAttendanceRulesInput = z.object({
  day: DateKey.optional(),
  departmentId: optionalId,
  staffId: optionalId,
});
export type ListAttendanceRulesInput = z.input<typeof ListAttendanceRulesInput>;
