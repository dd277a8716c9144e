import { z } from "zod";
import { idSchema } from "../../id";
import { attendanceDays } from "../../i18n/zh-CN/attendance-days";

/** zod schemas of the daily-results, request and report verbs; every message in Chinese. */

const e = attendanceDays.errors;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date "YYYY-MM-DD" (2026-02-30 is refused). */
export const DayKey = z
  .string({ error: e.badDay })
  .regex(DAY, e.badDay)
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d,
    e.badDay,
  );

/** A month "YYYY-MM". */
export const MonthKey = z.string({ error: e.badMonth }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, e.badMonth);

export const LEAVE_TYPES = ["annual", "sick", "personal", "marriage", "maternity", "bereavement", "other"] as const;

const Reason = z.string().trim().min(1).max(500);

export const SubmitRequestInput = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("correction"),
    day: DayKey,
    punchKind: z.enum(["in", "out"]),
    /** Local clock time "HH:MM" of the punch asked for. */
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
    reason: Reason,
  }),
  z.object({
    kind: z.literal("leave"),
    day: DayKey,
    untilDay: DayKey,
    leaveType: z.enum(LEAVE_TYPES),
    reason: Reason,
  }),
]);
export type SubmitRequestInput = z.input<typeof SubmitRequestInput>;

export const DecideRequestInput = z.object({
  id: idSchema(e.requestNotFound, "bigint"),
  decision: z.enum(["approve", "reject"]),
  note: z
    .string()
    .trim()
    .max(500)
    .optional()
    .transform((v) => (v ? v : null)),
});
export type DecideRequestInput = z.input<typeof DecideRequestInput>;

export const WithdrawRequestInput = z.object({ id: idSchema(e.requestNotFound, "bigint") });
export type WithdrawRequestInput = z.input<typeof WithdrawRequestInput>;
