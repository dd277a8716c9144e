import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { requirePagePermission } from "@/app/_lib/page-context";
import { StaffFilters } from "@/components/staff/staff-filters";
import { StaffTable, StaffTableSkeleton } from "@/components/staff/staff-table";
import { ConsoleFrame } from "@/components/ui/console-frame";
import { PageBody, PageHeader } from "@/components/ui/page-header";
import { textLinkClass } from "@/components/ui/text-link";
import { can } from "@/lib/auth/authorize";
import type { RequestContext } from "@/lib/context";
import { isDomainError } from "@/lib/errors";
import { t } from "@/lib/i18n";
import type { StaffPageDto } from "@/lib/org/dto";
import { listStaff } from "@/lib/org/list-staff";
import { listStaffOptions } from "@/lib/org/list-staff-options";
import { staffFilterParams, staffFilterQuery, type StaffFilterParams } from "@/lib/org/staff-filter-params";

export const metadata: Metadata = { title: t.org.staff.pageTitle };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const text = t.org.staff;

/** 人员名单: the people of the caller's area with URL filters, keyset pages and an xlsx export of the filtered list. */
export default async function StaffListPage({ searchParams }: Props) {
  const ctx = await requirePagePermission("staff.read");
  const sp = await searchParams;
  const filters = staffFilterParams(sp);
  const after = typeof sp.after === "string" ? sp.after : undefined;
  const options = await listStaffOptions({ ctx });
  const query = staffFilterQuery(filters);
  const manage = can(ctx, "staff.manage");

  return (
    <ConsoleFrame>
      <PageBody testId="staff-page">
        <PageHeader
          title={text.heading}
          intro={text.maskNote}
          aside={
            <span className="flex gap-4 text-sm">
              <Link href="/org" className={textLinkClass}>
                {t.org.chart.heading}
              </Link>
              {manage && (
                <Link href="/staff/import" className={textLinkClass} data-testid="staff-import-link">
                  {text.importLink}
                </Link>
              )}
            </span>
          }
        />
        <div className="mt-4 space-y-4">
          <StaffFilters values={filters} options={options} />
          <Suspense key={`${query}|${after ?? ""}`} fallback={<StaffTableSkeleton />}>
            <StaffResults ctx={ctx} filters={filters} after={after} query={query} exportable={manage} />
          </Suspense>
        </div>
      </PageBody>
    </ConsoleFrame>
  );
}

async function StaffResults({
  ctx,
  filters,
  after,
  query,
  exportable,
}: {
  ctx: RequestContext;
  filters: StaffFilterParams;
  after: string | undefined;
  query: string;
  exportable: boolean;
}) {
  let page: StaffPageDto;
  try {
    page = await listStaff({ ctx, input: { ...filters, after } as never });
  } catch (error) {
    // A malformed or foreign filter in the URL is the user's to fix, shown in place (never a 500 page).
    const message =
      isDomainError(error) && error.code !== "UNAVAILABLE"
        ? (Object.values(error.details ?? {})[0] ?? error.message)
        : text.loadError;
    return (
      <div
        className="rounded-xl bg-red-50 px-5 py-4 text-sm text-red-800 ring-1 ring-red-200"
        role="alert"
        data-testid="staff-error"
      >
        {message}{" "}
        <Link href="/staff" className="underline">
          {text.filters.reset}
        </Link>
      </div>
    );
  }
  return (
    <>
      <div className="flex items-center justify-between text-sm text-slate-600">
        <span data-testid="staff-count">{text.count(page.total)}</span>
        {exportable && page.total > 0 && (
          <span className="flex items-center gap-3">
            <span className="text-xs text-slate-400">{text.exportNote}</span>
            <a
              href={`/api/staff/export?${query}`}
              className="rounded-md bg-white px-3 py-1.5 text-sm text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"
              data-testid="staff-export"
            >
              {text.exportXlsx}
            </a>
          </span>
        )}
      </div>
      {page.staff.length === 0 ? (
        <div className="rounded-xl bg-white px-5 py-10 text-center shadow-sm ring-1 ring-slate-200" data-testid="staff-empty">
          <p className="text-sm font-medium text-slate-700">{text.empty}</p>
          <p className="mt-1 text-xs text-slate-500">{text.emptyHint}</p>
        </div>
      ) : (
        <StaffTable staff={page.staff} />
      )}
      <nav className="flex gap-3 text-sm" aria-label="pagination">
        {after && (
          <Link href={`/staff${query ? `?${query}` : ""}`} className={textLinkClass} data-testid="staff-first-page">
            {text.firstPage}
          </Link>
        )}
        {page.nextCursor && (
          <Link
            href={`/staff?${staffFilterQuery({ ...filters, after: page.nextCursor })}`}
            className={textLinkClass}
            data-testid="staff-next-page"
          >
            {text.nextPage} →
          </Link>
        )}
      </nav>
    </>
  );
}
