import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/app/_lib/page-context";
import { TransferActions } from "@/components/transfer/transfer-actions";
import { TransferStateBadge } from "@/components/transfer/transfer-table";
import { ConsoleFrame } from "@/components/ui/console-frame";
import { PageBody, PageHeader } from "@/components/ui/page-header";
import { textLinkClass } from "@/components/ui/text-link";
import { isDomainError } from "@/lib/errors";
import { t } from "@/lib/i18n";
import { parseId } from "@/lib/id";
import { getTransfer } from "@/lib/transfer/get-transfer";
import type { TransferDetailDto } from "@/lib/transfer/dto";

export const metadata: Metadata = { title: t.transfer.title };
export const dynamic = "force-dynamic";

const text = t.transfer;

type Props = { params: Promise<{ id: string }> };

function Place({ title, place }: { title: string; place: TransferDetailDto["from"] }) {
  return (
    <div className="rounded-lg bg-slate-50 p-3">
      <div className="text-xs text-slate-500">{title}</div>
      <div className="font-medium text-slate-900">{place.department}</div>
      <div className="text-slate-600">
        {place.position} · {place.post}
      </div>
    </div>
  );
}

/** One transfer: both places, reason and day, each side's decision, the timeline, and what the caller may do. */
export default async function TransferPage({ params }: Props) {
  const ctx = await requirePagePermission(["transfer.approve", "transfer.request"]);
  const id = parseId((await params).id, "bigint");
  if (id === null) notFound();
  let transfer: TransferDetailDto;
  try {
    transfer = await getTransfer({ ctx, transferId: id });
  } catch (error) {
    if (isDomainError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  return (
    <ConsoleFrame back={{ href: "/transfers", label: text.title }}>
      <PageBody testId="transfer-page">
        <PageHeader title={text.detail.title(transfer.staffName)} intro={transfer.staffNo} />
        <div
          className="mt-4 max-w-3xl space-y-4 rounded-xl bg-white p-5 text-sm shadow-sm ring-1 ring-slate-200"
          data-testid="transfer-facts"
        >
          <div className="flex items-center gap-3">
            <TransferStateBadge state={transfer.state} label={transfer.stateLabel} />
            <span className="text-slate-600">
              {text.detail.effectiveDate}：<span className="tabular-nums">{transfer.effectiveDate}</span>
            </span>
          </div>
          <div className="grid grid-cols-2 gap-3">
            <Place title={text.detail.from} place={transfer.from} />
            <Place title={text.detail.to} place={transfer.to} />
          </div>
          <p>
            <span className="text-slate-500">{text.detail.reason}：</span>
            {transfer.reason}
          </p>
          {transfer.applyError && (
            <p
              className="rounded-lg bg-red-50 px-3 py-2 text-red-700 ring-1 ring-red-200"
              role="alert"
              data-testid="transfer-apply-error"
            >
              {text.detail.applyError}：{transfer.applyError}
            </p>
          )}
          {transfer.gridGaps.map((g) => (
            <p
              key={g}
              className="rounded-lg bg-amber-50 px-3 py-2 text-amber-800 ring-1 ring-amber-200"
              data-testid="transfer-grid-gap"
            >
              {text.detail.gap(g)}
            </p>
          ))}
        </div>
        <section className="mt-6 max-w-3xl" data-testid="transfer-decisions">
          <h2 className="text-base font-semibold text-slate-900">{text.detail.decisions}</h2>
          <div className="mt-2 grid grid-cols-2 gap-3">
            {transfer.sides.map((s) => (
              <div
                key={s.side}
                className="rounded-xl bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200"
                data-testid={`transfer-side-${s.side}`}
              >
                <div className="text-xs text-slate-500">{s.label}</div>
                <div
                  className={`font-semibold ${s.decision === "rejected" ? "text-red-700" : s.decision ? "text-emerald-700" : "text-amber-700"}`}
                >
                  {s.decisionLabel}
                </div>
                {s.by && (
                  <div className="text-slate-600">
                    {s.by} · <span className="tabular-nums">{s.at}</span>
                  </div>
                )}
                {s.note && <div className="mt-1 text-slate-700">{s.note}</div>}
              </div>
            ))}
          </div>
        </section>
        <TransferActions transfer={transfer} />
        <section className="mt-6 max-w-3xl" data-testid="transfer-timeline">
          <h2 className="text-base font-semibold text-slate-900">{text.detail.timeline}</h2>
          <ol className="mt-2 space-y-1 border-l-2 border-slate-200 pl-4 text-sm">
            {transfer.timeline.map((e, i) => (
              <li key={i} data-kind={e.kind}>
                <span className="tabular-nums text-slate-400">{e.at}</span> <span className="text-slate-800">{e.text}</span>
              </li>
            ))}
          </ol>
        </section>
        <p className="mt-6 text-sm">
          <Link href="/transfers" className={textLinkClass}>
            ← {text.title}
          </Link>
        </p>
      </PageBody>
    </ConsoleFrame>
  );
}
