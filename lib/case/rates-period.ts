import { z } from "zod";
import { DomainError, parseInput } from "../errors";
import { caseDesk } from "../i18n/zh-CN/case-desk";

/**
 * The period of the rates page: a month, a quarter, a year or custom dates — always whole Beijing calendar
 * days, `from` and `to` both inclusive. Pure: "today" is passed in.
 */
export const PERIOD_KINDS = ["month", "quarter", "year", "custom"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export type RatePeriod = {
  kind: PeriodKind;
  from: string;
  to: string;
  /** "2026-11", "2026-Q4", "2026" or "2026-01-05~2026-02-04". */ value: string;
  label: string;
};

const text = caseDesk.rates.errors;
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const opt = <S extends z.ZodType>(s: S) => z.preprocess(blank, s.optional());

const validDay = (v: string) => {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};
const Day = z
  .string()
  .trim()
  .regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/, caseDesk.list.errors.badDate)
  .refine(validDay, caseDesk.list.errors.badDate);

export const RatePeriodInput = z.object({
  period: opt(z.enum(PERIOD_KINDS, { error: text.badPeriod })),
  month: opt(
    z
      .string()
      .trim()
      .regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/, text.badMonth),
  ),
  quarter: opt(
    z
      .string()
      .trim()
      .regex(/^[0-9]{4}-Q[1-4]$/, text.badQuarter),
  ),
  year: opt(
    z
      .string()
      .trim()
      .regex(/^[0-9]{4}$/, text.badYear),
  ),
  from: opt(Day),
  to: opt(Day),
});
export type RatePeriodInput = z.input<typeof RatePeriodInput>;

const pad = (n: number) => String(n).padStart(2, "0");
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The period the input names; without one, the current month. Missing parts default to the one containing `today`. */
export function resolvePeriod(input: RatePeriodInput, today: string): RatePeriod {
  const p = parseInput(RatePeriodInput, input);
  const [ty, tm] = today.split("-").map(Number);
  const kind = p.period ?? "month";
  if (kind === "month") {
    const value = p.month ?? `${ty}-${pad(tm)}`;
    const [y, m] = value.split("-").map(Number);
    return { kind, value, from: `${value}-01`, to: `${value}-${pad(lastDayOfMonth(y, m))}`, label: `${y} 年 ${m} 月` };
  }
  if (kind === "quarter") {
    const value = p.quarter ?? `${ty}-Q${Math.ceil(tm / 3)}`;
    const y = Number(value.slice(0, 4));
    const q = Number(value.slice(-1));
    const last = q * 3;
    return {
      kind,
      value,
      from: `${y}-${pad(last - 2)}-01`,
      to: `${y}-${pad(last)}-${pad(lastDayOfMonth(y, last))}`,
      label: caseDesk.rates.period.quarterName(y, q),
    };
  }
  if (kind === "year") {
    const value = p.year ?? String(ty);
    return { kind, value, from: `${value}-01-01`, to: `${value}-12-31`, label: `${value} 年` };
  }
  if (!p.from || !p.to) throw new DomainError("VALIDATION", text.customNeedsDates, { details: { from: text.customNeedsDates } });
  if (p.from > p.to)
    throw new DomainError("VALIDATION", caseDesk.list.errors.dateOrder, { details: { to: caseDesk.list.errors.dateOrder } });
  const days = (Date.parse(p.to) - Date.parse(p.from)) / 86_400_000;
  if (days > 5 * 366) throw new DomainError("VALIDATION", text.rangeTooLong, { details: { to: text.rangeTooLong } });
  return { kind, value: `${p.from}~${p.to}`, from: p.from, to: p.to, label: caseDesk.rates.period.range(p.from, p.to) };
}

/** The last `n` quarters up to today's, newest first ("2026-Q4", "2026-Q3", …): the quarter picker's choices. */
export function recentQuarters(today: string, n = 12): string[] {
  const [y, m] = today.split("-").map(Number);
  let index = y * 4 + Math.ceil(m / 3) - 1;
  const out: string[] = [];
  for (let i = 0; i < n; i++, index--) out.push(`${Math.floor(index / 4)}-Q${(index % 4) + 1}`);
  return out;
}
