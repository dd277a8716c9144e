import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/app/_lib/page-context";
import { AreaSelect } from "@/components/case-list/area-select";
import { DownloadButtons } from "@/components/case-list/download-buttons";
import { DropEmptyFields } from "@/components/case-list/drop-empty-fields";
import { RATE_KINDS, rateDefinition, RatesSummary, RatesTable } from "@/components/case-list/rates-table";
import { ConsoleFrame } from "@/components/ui/console-frame";
import { can } from "@/lib/auth/authorize";
import { filterQuery } from "@/lib/case/list-cases-filter";
import { caseListOptions } from "@/lib/case/list-cases-options";
import { describeFormula } from "@/lib/case/rates";
import { beijingDay } from "@/lib/format/time";
import { PERIOD_KINDS, recentQuarters, type PeriodKind, type RatePeriod } from "@/lib/case/rates-period";
import { getCaseRates, type CaseRatesReport } from "@/lib/case/rates-report";
import { isDomainError } from "@/lib/errors";
import { t } from "@/lib/i18n";
import { caseDesk } from "@/lib/i18n/zh-CN/case-desk";
import { PageBody, PageHeader } from "@/components/ui/page-header";
import { Button } from "@/components/ui/button";
import { CompactField, compactControlClass } from "@/components/ui/field";

export const metadata: Metadata = { title: caseDesk.rates.pageTitle };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const text = caseDesk.rates;

/** The URL parameters that name a period (what a drill-down or an export link carries along). */
function periodParams(p: RatePeriod): Record<string, string> {
  if (p.kind === "custom") return { period: p.kind, from: p.from, to: p.to };
  return { period: p.kind, [p.kind]: p.value };
}

/** 三率统计: response, resolution and satisfaction rates per child region and lead unit, for a period. */
export default async function CaseRatesPage({ searchParams }: Props) {
  const ctx = await requirePagePermission("case.read");
  const sp = await searchParams;
  const one = (key: string) => (typeof sp[key] === "string" && sp[key] !== "" ? (sp[key] as string) : undefined);
  const input = {
    area: one("area"),
    period: one("period") as PeriodKind | undefined,
    month: one("month"),
    quarter: one("quarter"),
    year: one("year"),
    from: one("from"),
    to: one("to"),
  };
  const areaId = input.area && /^[0-9]{1,9}$/.test(input.area) ? Number(input.area) : undefined;
  const options = await caseListOptions({ ctx, areaId });
  const today = beijingDay(new Date());

  let report: CaseRatesReport | null = null;
  let problem: string | null = null;
  try {
    report = await getCaseRates({ ctx, input });
  } catch (error) {
    if (isDomainError(error) && (error.code === "VALIDATION" || error.code === "NOT_FOUND"))
      problem = Object.values(error.details ?? {}).join("；") || error.message;
    else throw error;
  }
  const kind: PeriodKind =
    report?.period.kind ?? (PERIOD_KINDS.includes(input.period as PeriodKind) ? (input.period as PeriodKind) : "month");
  const areaParam = areaId !== undefined ? { area: String(areaId) } : {};

  return (
    <ConsoleFrame back={{ href: "/cases", label: caseDesk.list.pageTitle }}>
      <PageBody testId="rates-page">
        <PageHeader title={text.pageTitle} intro={text.intro} />

        <nav className="mt-4 flex gap-1 border-b border-slate-200" aria-label={text.period.label}>
          {PERIOD_KINDS.map((k) => (
            <Link
              key={k}
              href={`/cases/rates?${filterQuery({ ...areaParam, period: k })}`}
              aria-current={kind === k ? "page" : undefined}
              className={`-mb-px rounded-t-md border-b-2 px-4 py-2 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 ${kind === k ? "border-sky-600 font-semibold text-sky-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
              data-testid={`period-${k}`}
            >
              {text.period[k]}
            </Link>
          ))}
        </nav>

        <form
          method="get"
          action="/cases/rates"
          className="mt-4 flex flex-wrap items-end gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
          data-testid="rates-filters"
        >
          <input type="hidden" name="period" value={kind} />
          <DropEmptyFields />
          <CompactField label={text.area} htmlFor="rates-area">
            <AreaSelect id="rates-area" area={options.area} className={`${compactControlClass} max-w-64`} />
          </CompactField>
          <PeriodInput kind={kind} period={report?.period ?? null} raw={input} today={today} />
          <Button type="submit" kind="filter" testId="rates-apply">
            {text.period.apply}
          </Button>
          {report && (
            <span className="self-center text-sm text-slate-500">{`${report.area.name} · ${report.period.label}（${text.period.range(report.period.from, report.period.to)}）`}</span>
          )}
        </form>

        {problem && (
          <p
            className="mt-4 rounded-lg bg-red-50 px-4 py-3 text-sm text-red-700 ring-1 ring-red-200"
            role="alert"
            data-testid="rates-problem"
          >
            {caseDesk.list.badFilter}
            {problem}
          </p>
        )}

        {report && (
          <div className="mt-4 space-y-4">
            {can(ctx, "case.export") && (
              <DownloadButtons
                kind="rates"
                items={[
                  {
                    label: text.exportXlsx,
                    href: `/api/cases/export/rates?${filterQuery({ format: "xlsx", area: report.area.id, ...periodParams(report.period) })}`,
                    testId: "rates-export-xlsx",
                  },
                  {
                    label: text.exportCsv,
                    href: `/api/cases/export/rates?${filterQuery({ format: "csv", area: report.area.id, ...periodParams(report.period) })}`,
                    testId: "rates-export-csv",
                  },
                ]}
              />
            )}
            <RatesSummary total={report.total} formula={report.formula} />
            {report.total.counts.reported === 0 && (
              <p
                className="rounded-xl bg-white px-4 py-6 text-center text-sm text-slate-500 shadow-sm ring-1 ring-slate-200"
                data-testid="rates-empty"
              >
                {text.empty}
              </p>
            )}
            {report.regions.length > 0 ? (
              <RatesTable
                title={`${text.byRegion}（${report.area.name}）`}
                rows={report.regions}
                total={report.total}
                testId="rates-by-region"
                formula={report.formula}
                nameLink={(r) =>
                  r.regionId === null ? null : `/cases/rates?${filterQuery({ area: r.regionId, ...periodParams(report.period) })}`
                }
              />
            ) : (
              <p className="text-sm text-slate-500">{text.noChildren}</p>
            )}
            {report.units.length > 0 && (
              <RatesTable
                title={text.byUnit}
                rows={report.units}
                total={report.total}
                testId="rates-by-unit"
                formula={report.formula}
              />
            )}
            <Formula report={report} />
          </div>
        )}
      </PageBody>
    </ConsoleFrame>
  );
}

/** The input of the chosen period kind: a month, a quarter, a year, or two dates. */
function PeriodInput({
  kind,
  period,
  raw,
  today,
}: {
  kind: PeriodKind;
  period: RatePeriod | null;
  raw: Record<string, string | undefined>;
  today: string;
}) {
  const p = text.period;
  if (kind === "month") {
    return (
      <CompactField label={p.monthValue} htmlFor="rates-month">
        <input
          id="rates-month"
          type="month"
          name="month"
          defaultValue={period?.kind === "month" ? period.value : raw.month}
          max={today.slice(0, 7)}
          className={compactControlClass}
          data-testid="rates-month"
        />
      </CompactField>
    );
  }
  if (kind === "quarter") {
    const quarters = recentQuarters(today, 12);
    return (
      <CompactField label={p.quarterValue} htmlFor="rates-quarter">
        <select
          id="rates-quarter"
          name="quarter"
          defaultValue={period?.kind === "quarter" ? period.value : quarters[0]}
          className={compactControlClass}
          data-testid="rates-quarter"
        >
          {quarters.map((q) => (
            <option key={q} value={q}>
              {p.quarterName(Number(q.slice(0, 4)), Number(q.slice(-1)))}
            </option>
          ))}
        </select>
      </CompactField>
    );
  }
  if (kind === "year") {
    const thisYear = Number(today.slice(0, 4));
    return (
      <CompactField label={p.yearValue} htmlFor="rates-year">
        <select
          id="rates-year"
          name="year"
          defaultValue={period?.kind === "year" ? period.value : String(thisYear)}
          className={compactControlClass}
          data-testid="rates-year"
        >
          {Array.from({ length: 6 }, (_, i) => String(thisYear - i)).map((y) => (
            <option key={y} value={y}>
              {t.common.year(y)}
            </option>
          ))}
        </select>
      </CompactField>
    );
  }
  return (
    <>
      <CompactField label={p.from} htmlFor="rates-from">
        <input
          id="rates-from"
          type="date"
          name="from"
          defaultValue={period?.from ?? raw.from}
          className={compactControlClass}
          data-testid="rates-from"
        />
      </CompactField>
      <CompactField label={p.to} htmlFor="rates-to">
        <input
          id="rates-to"
          type="date"
          name="to"
          defaultValue={period?.to ?? raw.to}
          className={compactControlClass}
          data-testid="rates-to"
        />
      </CompactField>
    </>
  );
}

/** The formulas in words (the documented defaults) and the lists configured now. */
function Formula({ report }: { report: CaseRatesReport }) {
  const f = text.formulas;
  const d = describeFormula(report.formula);
  return (
    <section
      className="rounded-xl bg-white p-4 text-sm text-slate-600 shadow-sm ring-1 ring-slate-200"
      data-testid="rates-formula"
    >
      <h2 className="font-semibold text-slate-800">{f.title}</h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {RATE_KINDS.map((kind) => (
          <li key={kind}>{rateDefinition(kind, report.formula)}</li>
        ))}
      </ul>
      <p className="mt-2 text-xs text-slate-500">{f.zero}</p>
      <p className="mt-3 text-xs text-slate-500">{f.configured}</p>
      <ul className="mt-1 space-y-0.5 text-xs text-slate-500">
        <li>{f.closed(d.closed)}</li>
        <li>{f.excluded(d.excluded)}</li>
        <li>{f.satisfied(d.satisfied)}</li>
        <li>{f.rated(d.rated)}</li>
        <li>{f.fairlyWeight(d.fairlyWeight)}</li>
      </ul>
    </section>
  );
}
