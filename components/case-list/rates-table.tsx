import type { RateCounts, RateFormula, Rates } from "@/lib/case/rates";
import type { RateRow } from "@/lib/case/rates-report";
import { caseDesk } from "@/lib/i18n/zh-CN/case-desk";
import { formatCount, formatRate } from "./format";

const text = caseDesk.rates;
const head = "border-b border-slate-200 bg-slate-50 px-3 py-2 text-xs font-medium whitespace-nowrap text-slate-500";
const cell = "border-b border-slate-100 px-3 py-2 tabular-nums";

const BAR: Record<keyof Rates, string> = {
  response: "bg-sky-500",
  resolution: "bg-emerald-500",
  satisfaction: "bg-amber-400",
  completion: "bg-slate-400",
};

/** The rates in the order they are shown: the three rates, then 办结率. */
export const RATE_KINDS: readonly (keyof Rates)[] = ["response", "resolution", "satisfaction", "completion"];

/** Each rate's numerator and denominator. */
export function rateParts(kind: keyof Rates, c: RateCounts): { num: number; den: number } {
  switch (kind) {
    case "response":
      return { num: c.acknowledgedInTime, den: c.due };
    case "resolution":
      return { num: c.resolved, den: c.answered };
    case "satisfaction":
      return { num: c.satisfied, den: c.rated };
    case "completion":
      return { num: c.closed, den: c.counted };
  }
}

/** The definition of a rate in words (the tooltip of its heading and the page's 口径 note). */
export function rateDefinition(kind: keyof Rates, formula: RateFormula): string {
  const d = text.definitions;
  return kind === "satisfaction" ? d.satisfaction(String(formula.fairlyWeight)) : d[kind];
}

/** One rate: the percentage and a bar of the same length (the table doubles as a bar chart). */
function RateCell({ rate, kind, num, den }: { rate: number | null; kind: keyof Rates; num: number; den: number }) {
  return (
    <td className={cell}>
      <div className="flex items-baseline justify-between gap-2">
        <span className={rate === null ? "text-slate-400" : "font-medium text-slate-800"}>{formatRate(rate, text.none)}</span>
        <span className="text-[11px] text-slate-400">
          {formatCount(num)}/{den}
        </span>
      </div>
      <div className="mt-1 h-1.5 rounded-full bg-slate-100" aria-hidden="true">
        {rate !== null && (
          <div className={`h-1.5 rounded-full ${BAR[kind]}`} style={{ width: `${Math.min(100, rate * 100)}%` }} />
        )}
      </div>
    </td>
  );
}

/** A table of rate rows (child regions or lead units) with the total as its last, bold line. */
export function RatesTable({
  title,
  rows,
  total,
  testId,
  nameLink,
  formula,
}: {
  title: string;
  rows: RateRow[];
  total: RateRow;
  testId: string;
  nameLink?: (row: RateRow) => string | null;
  formula: RateFormula;
}) {
  const c = text.columns;
  return (
    <section className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200" aria-label={title}>
      <h2 className="px-4 pt-3 pb-2 text-sm font-semibold text-slate-800">{title}</h2>
      {/* Fixed columns: the region and the unit tables line up one under the other. */}
      <table className="w-full table-fixed border-collapse text-sm" data-testid={testId}>
        <colgroup>
          <col className="w-[22%]" />
          <col className="w-[8%]" />
          <col />
          <col />
          <col />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className={`${head} text-left`}>
              {c.name}
            </th>
            <th scope="col" className={`${head} text-right`}>
              {c.reported}
            </th>
            {RATE_KINDS.map((kind) => (
              <th key={kind} scope="col" className={`${head} text-left`} title={rateDefinition(kind, formula)}>
                <span className="cursor-help underline decoration-slate-300 decoration-dotted underline-offset-2">{c[kind]}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...rows, total].map((r) => {
            const isTotal = r === total;
            const href = !isTotal && nameLink ? nameLink(r) : null;
            return (
              <tr
                key={r.key}
                className={isTotal ? "bg-slate-50 font-semibold" : "hover:bg-slate-50"}
                data-testid={isTotal ? `${testId}-total` : `${testId}-row`}
              >
                <th scope="row" className={`${cell} text-left font-normal ${isTotal ? "font-semibold" : ""}`}>
                  {href ? (
                    <a
                      href={href}
                      className="rounded text-sky-700 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
                    >
                      {r.name}
                    </a>
                  ) : (
                    r.name
                  )}
                </th>
                <td className={`${cell} text-right`}>{r.counts.reported}</td>
                {RATE_KINDS.map((kind) => (
                  <RateCell key={kind} rate={r.rates[kind]} kind={kind} {...rateParts(kind, r.counts)} />
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** The three rates and 办结率 of the whole area as large figures, each with its definition as a tooltip. */
export function RatesSummary({ total, formula }: { total: RateRow; formula: RateFormula }) {
  const items = RATE_KINDS.map((kind) => ({ kind, ...rateParts(kind, total.counts) }));
  return (
    <div className="grid grid-cols-2 gap-4 lg:grid-cols-4" data-testid="rates-summary">
      {items.map((i) => (
        <div
          key={i.kind}
          className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
          title={rateDefinition(i.kind, formula)}
        >
          <div className="text-xs text-slate-500">{text.names[i.kind]}</div>
          <div className="mt-1 text-3xl font-semibold tabular-nums text-slate-900" data-testid={`rate-${i.kind}`}>
            {formatRate(total.rates[i.kind], text.none)}
          </div>
          <div className="mt-1 text-xs text-slate-400 tabular-nums">
            {formatCount(i.num)} / {i.den}
          </div>
          <div className="mt-2 h-2 rounded-full bg-slate-100" aria-hidden="true">
            {total.rates[i.kind] !== null && (
              <div
                className={`h-2 rounded-full ${BAR[i.kind]}`}
                style={{ width: `${Math.min(100, (total.rates[i.kind] ?? 0) * 100)}%` }}
              />
            )}
          </div>
        </div>
      ))}
    </div>
  );
}
