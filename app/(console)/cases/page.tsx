import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { requirePagePermission } from "@/app/_lib/page-context";
import { CaseFilters } from "@/components/case-list/case-filters";
import { CaseTable, CaseTableSkeleton } from "@/components/case-list/case-table";
import { DownloadButtons } from "@/components/case-list/download-buttons";
import { ConsoleFrame } from "@/components/ui/console-frame";
import { PageBody, PageHeader } from "@/components/ui/page-header";
import { textLinkClass } from "@/components/ui/text-link";
import { can } from "@/lib/auth/authorize";
import { filterParams, filterQuery, type FilterKey } from "@/lib/case/list-cases-filter";
import { listCases, type CasePage } from "@/lib/case/list-cases";
import { caseListOptions } from "@/lib/case/list-cases-options";
import type { RequestContext } from "@/lib/context";
import { isDomainError } from "@/lib/errors";
import { t } from "@/lib/i18n";
import { caseDesk } from "@/lib/i18n/zh-CN/case-desk";

export const metadata: Metadata = { title: caseDesk.list.pageTitle };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const text = caseDesk.list;

/** 案件列表: the cases of the caller's area with URL filters, keyset pages and exports of the filtered list. */
export default async function CasesPage({ searchParams }: Props) {
  const ctx = await requirePagePermission("case.read");
  const sp = await searchParams;
  const filters = filterParams(sp);
  const after = typeof sp.after === "string" ? sp.after : undefined;
  const areaId = filters.area && /^[0-9]{1,9}$/.test(filters.area) ? Number(filters.area) : undefined;
  const options = await caseListOptions({ ctx, areaId });
  const query = filterQuery(filters);

  return (
    <ConsoleFrame>
      <PageBody testId="cases-page">
        <PageHeader
          title={text.pageTitle}
          intro={text.intro}
          aside={
            <Link
              href={`/cases/rates${options.area.current ? `?area=${options.area.current.id}` : ""}`}
              className={`${textLinkClass} text-sm`}
              data-testid="cases-rates-link"
            >
              {text.rates} →
            </Link>
          }
        />
        <div className="mt-4 space-y-4">
          <CaseFilters values={filters} categories={options.categories} area={options.area} />
          {can(ctx, "case.export") && (
            <DownloadButtons
              hint={caseDesk.export.hint}
              items={[
                {
                  label: caseDesk.export.xlsx,
                  href: `/api/cases/export?${filterQuery({ format: "xlsx", ...filters })}`,
                  testId: "export-xlsx",
                },
                {
                  label: caseDesk.export.csv,
                  href: `/api/cases/export?${filterQuery({ format: "csv", ...filters })}`,
                  testId: "export-csv",
                },
                {
                  label: caseDesk.export.geojson,
                  href: `/api/cases/export?${filterQuery({ format: "geojson", ...filters })}`,
                  testId: "export-geojson",
                },
              ]}
            />
          )}
          {/* The key restarts the fallback on every new filter or page, so a slow page shows the skeleton, not stale rows. */}
          <Suspense key={`${query}|${after ?? ""}`} fallback={<CaseTableSkeleton />}>
            <CaseResults ctx={ctx} filters={filters} after={after} query={query} />
          </Suspense>
        </div>
      </PageBody>
    </ConsoleFrame>
  );
}

/** The table and pager of one page (streams in after the filters are on screen). */
async function CaseResults({
  ctx,
  filters,
  after,
  query,
}: {
  ctx: RequestContext;
  filters: Partial<Record<FilterKey, string>>;
  after?: string;
  query: string;
}) {
  let page: CasePage;
  try {
    page = await listCases({ ctx, input: { ...filters, after } });
  } catch (error) {
    if (isDomainError(error) && (error.code === "VALIDATION" || error.code === "NOT_FOUND")) {
      const detail = Object.values(error.details ?? {}).join("；") || error.message;
      return (
        <p
          className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-700 ring-1 ring-red-200"
          role="alert"
          data-testid="cases-bad-filter"
        >
          {text.badFilter}
          {detail}
        </p>
      );
    }
    throw error;
  }
  if (page.cases.length === 0) {
    return (
      <div className="rounded-xl bg-white px-4 py-10 text-center shadow-sm ring-1 ring-slate-200" data-testid="cases-empty">
        <p className="text-sm text-slate-600">{text.empty}</p>
        <p className="mt-1 text-xs text-slate-400">{text.emptyHint}</p>
        {after && (
          <Link href={`/cases${query ? `?${query}` : ""}`} className={`${textLinkClass} mt-3 inline-block text-sm`}>
            {text.first}
          </Link>
        )}
      </div>
    );
  }
  return (
    <>
      <CaseTable rows={page.cases} now={new Date()} />
      <nav className="flex items-center gap-4 text-sm" aria-label={text.next} data-testid="cases-pager">
        <span className="text-xs text-slate-400">{text.pageNote(page.cases.length)}</span>
        <span className="text-xs text-slate-400">{text.keyboardHint}</span>
        {after && (
          <Link href={`/cases${query ? `?${query}` : ""}`} className={textLinkClass} data-testid="cases-first">
            {text.first}
          </Link>
        )}
        {page.nextCursor && (
          <Link
            href={`/cases?${filterQuery({ ...filters, after: page.nextCursor })}`}
            className={textLinkClass}
            data-testid="cases-next"
          >
            {text.next} →
          </Link>
        )}
      </nav>
    </>
  );
}
