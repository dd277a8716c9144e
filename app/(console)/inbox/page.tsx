import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/app/_lib/page-context";
import { InboxFilters } from "@/components/case-inbox/inbox-filters";
import { InboxTabs } from "@/components/case-inbox/inbox-tabs";
import { CaseTable } from "@/components/case-list/case-table";
import { ConsoleFrame } from "@/components/ui/console-frame";
import { EmptyState } from "@/components/ui/empty-state";
import { PageBody, PageHeader } from "@/components/ui/page-header";
import { textLinkClass } from "@/components/ui/text-link";
import { filterQuery } from "@/lib/case/list-cases-filter";
import { caseListOptions } from "@/lib/case/list-cases-options";
import { INBOX_TABS, listInbox, type InboxDto, type InboxTab } from "@/lib/case/list-inbox";
import { isDomainError } from "@/lib/errors";
import { caseInbox } from "@/lib/i18n/zh-CN/case-inbox";

export const metadata: Metadata = { title: caseInbox.pageTitle };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const text = caseInbox;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

/**
 * 部门待办: the department handler's landing page. Five tabs with counts (lib/case/list-inbox.ts says what
 * each holds), the current tab's cases soonest deadline first in keyset pages; tab, filters and page live
 * in the URL. Each row links to the case, where the unit signs, handles and reports back.
 */
export default async function InboxPage({ searchParams }: Props) {
  const ctx = await requirePagePermission("case.read");
  const sp = await searchParams;
  const values = { tab: first(sp.tab), category: first(sp.category), light: first(sp.light), after: first(sp.after) };
  let inbox: InboxDto;
  try {
    inbox = await listInbox({ ctx, input: values });
  } catch (error) {
    if (!isDomainError(error) || error.code !== "VALIDATION") throw error;
    const detail = Object.values(error.details ?? {}).join("；") || error.message;
    return (
      <ConsoleFrame>
        <PageBody testId="inbox-page">
          <PageHeader title={text.pageTitle} />
          <p
            className="mt-4 rounded-lg bg-red-50 px-4 py-3 text-sm text-red-700 ring-1 ring-red-200"
            role="alert"
            data-testid="inbox-bad-filter"
          >
            {detail}{" "}
            <Link href="/inbox" className={textLinkClass}>
              {text.first}
            </Link>
          </p>
        </PageBody>
      </ConsoleFrame>
    );
  }
  const { categories } = await caseListOptions({ ctx });
  const filters = { category: values.category, light: values.light };
  const hrefOf = (tab: InboxTab, after?: string) => `/inbox?${filterQuery({ tab, ...filters, after })}`;
  const filtered = Boolean(filters.category || filters.light);

  return (
    <ConsoleFrame>
      <PageBody testId="inbox-page">
        <PageHeader
          title={text.pageTitle}
          intro={inbox.units.length > 0 ? text.intro(inbox.units.map((u) => u.name).join("、")) : undefined}
        />
        {inbox.units.length === 0 ? (
          <EmptyState testId="inbox-no-unit">{text.noUnit}</EmptyState>
        ) : (
          <div className="mt-4 space-y-4" data-tab={inbox.tab}>
            <InboxTabs tabs={INBOX_TABS} current={inbox.tab} counts={inbox.counts} hrefOf={(tab) => hrefOf(tab)} />
            <p className="text-xs text-slate-500" data-testid="inbox-tab-hint">
              {text.tabHints[inbox.tab]}
            </p>
            <InboxFilters tab={inbox.tab} values={filters} categories={categories} />
            {inbox.cases.length === 0 ? (
              <EmptyState testId="inbox-empty" spacing="px-4 py-8 text-center">
                {filtered ? text.emptyFiltered : text.empty[inbox.tab]}
                {values.after && (
                  <Link href={hrefOf(inbox.tab)} className={`${textLinkClass} ml-2`}>
                    {text.first}
                  </Link>
                )}
              </EmptyState>
            ) : (
              <>
                <CaseTable rows={inbox.cases} now={new Date()} />
                <nav className="flex items-center gap-4 text-sm" aria-label={text.next} data-testid="inbox-pager">
                  <span className="text-xs text-slate-400">{text.pageNote(inbox.cases.length)}</span>
                  {values.after && (
                    <Link href={hrefOf(inbox.tab)} className={textLinkClass} data-testid="inbox-first">
                      {text.first}
                    </Link>
                  )}
                  {inbox.nextCursor && (
                    <Link href={hrefOf(inbox.tab, inbox.nextCursor)} className={textLinkClass} data-testid="inbox-next">
                      {text.next} →
                    </Link>
                  )}
                </nav>
              </>
            )}
          </div>
        )}
      </PageBody>
    </ConsoleFrame>
  );
}
