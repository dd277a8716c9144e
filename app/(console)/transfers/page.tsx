import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/app/_lib/page-context";
import { TransferTable } from "@/components/transfer/transfer-table";
import { buttonClass } from "@/components/ui/button";
import { ConsoleFrame } from "@/components/ui/console-frame";
import { EmptyState } from "@/components/ui/empty-state";
import { filterControlClass } from "@/components/ui/field";
import { PageBody, PageHeader } from "@/components/ui/page-header";
import { textLinkClass } from "@/components/ui/text-link";
import { can } from "@/lib/auth/authorize";
import { isDomainError } from "@/lib/errors";
import { t } from "@/lib/i18n";
import { listTransfers, type TransferListDto } from "@/lib/transfer/list-transfers";
import { TRANSFER_TABS } from "@/lib/transfer/schemas";

export const metadata: Metadata = { title: t.transfer.title };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const text = t.transfer;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

function query(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  return q.toString();
}

/**
 * 人员调动: the transfers both sides see, in four tabs (待我审批, 调出, 调入, 已完成; lib/transfer/list-transfers.ts
 * says what each holds) with counts; tab, name filter and page live in the URL. HR starts a new one here.
 */
export default async function TransfersPage({ searchParams }: Props) {
  const ctx = await requirePagePermission(["transfer.approve", "transfer.request"]);
  const sp = await searchParams;
  const values = { tab: first(sp.tab), q: first(sp.q), before: first(sp.before) };
  let list: TransferListDto;
  try {
    list = await listTransfers({ ctx, input: values });
  } catch (error) {
    if (!isDomainError(error) || error.code !== "VALIDATION") throw error;
    list = await listTransfers({ ctx, input: {} });
  }
  const hrefOf = (tab: string, before?: number) =>
    `/transfers?${query({ tab, q: list.q ?? undefined, before: before ? String(before) : undefined })}`;
  const counts: Record<string, number | undefined> = list.counts;
  return (
    <ConsoleFrame>
      <PageBody testId="transfers-page">
        <PageHeader
          title={text.title}
          aside={
            can(ctx, "transfer.request") && (
              <Link href="/transfers/new" className={buttonClass("primary")} data-testid="transfers-new">
                {text.newTransfer}
              </Link>
            )
          }
        />
        <div className="mt-4 space-y-4" data-tab={list.tab}>
          <nav aria-label={text.title} className="flex flex-wrap gap-2 border-b border-slate-200" data-testid="transfer-tabs">
            {TRANSFER_TABS.map((tab) => {
              const active = tab === list.tab;
              return (
                <Link
                  key={tab}
                  href={hrefOf(tab)}
                  aria-current={active ? "page" : undefined}
                  data-testid={`transfer-tab-${tab}`}
                  className={`-mb-px flex items-center gap-2 rounded-t-md border-b-2 px-3 py-2 text-sm ${
                    active
                      ? "border-sky-600 font-semibold text-sky-800"
                      : "border-transparent text-slate-600 hover:text-slate-900"
                  }`}
                >
                  {text.tabs[tab]}
                  {counts[tab] !== undefined && (
                    <span className="min-w-6 rounded-full bg-slate-100 px-1.5 py-0.5 text-center text-xs tabular-nums text-slate-600">
                      {counts[tab]}
                    </span>
                  )}
                </Link>
              );
            })}
          </nav>
          <form method="get" action="/transfers" className="flex items-end gap-2" data-testid="transfer-filters">
            <input type="hidden" name="tab" value={list.tab} />
            <label className="text-xs text-slate-500">
              {text.filterName}
              <input name="q" defaultValue={list.q ?? ""} maxLength={50} className={`${filterControlClass} mt-1 block w-56`} />
            </label>
            <button type="submit" className={buttonClass("filter")}>
              {text.filterSubmit}
            </button>
          </form>
          {list.items.length === 0 ? (
            <EmptyState testId="transfers-empty" spacing="px-4 py-8 text-center">
              {text.empty[list.tab]}
            </EmptyState>
          ) : (
            <>
              <TransferTable rows={list.items} testId="transfers-table" />
              {list.nextBefore && (
                <Link href={hrefOf(list.tab, list.nextBefore)} className={textLinkClass} data-testid="transfers-next">
                  {text.more} →
                </Link>
              )}
            </>
          )}
        </div>
      </PageBody>
    </ConsoleFrame>
  );
}
