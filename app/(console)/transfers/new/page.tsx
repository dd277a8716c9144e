import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/app/_lib/page-context";
import { TransferForm } from "@/components/transfer/transfer-form";
import { buttonClass } from "@/components/ui/button";
import { ConsoleFrame } from "@/components/ui/console-frame";
import { EmptyState } from "@/components/ui/empty-state";
import { filterControlClass } from "@/components/ui/field";
import { PageBody, PageHeader } from "@/components/ui/page-header";
import { textLinkClass } from "@/components/ui/text-link";
import { isDomainError } from "@/lib/errors";
import { t } from "@/lib/i18n";
import { parseId } from "@/lib/id";
import { getTransferForm, type TransferFormDto } from "@/lib/transfer/get-transfer-form";

export const metadata: Metadata = { title: t.transfer.newTransfer };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const text = t.transfer;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

/** 发起调动: from the staff detail (?staffId=) straight to the form, from the list first a person picker (?q=). */
export default async function NewTransferPage({ searchParams }: Props) {
  const ctx = await requirePagePermission("transfer.request");
  const sp = await searchParams;
  const rawStaff = first(sp.staffId);
  const staffId = rawStaff !== undefined ? parseId(rawStaff, "bigint") : undefined;
  if (staffId === null) notFound();
  const q = first(sp.q);
  let form: TransferFormDto;
  try {
    form = await getTransferForm({ ctx, staffId, q });
  } catch (error) {
    if (isDomainError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  return (
    <ConsoleFrame back={{ href: "/transfers", label: text.title }}>
      <PageBody testId="transfer-new-page">
        <PageHeader title={text.newTransfer} />
        {form.staff ? (
          <TransferForm form={{ ...form, staff: form.staff }} />
        ) : (
          <div className="mt-4 max-w-2xl space-y-4">
            <form method="get" action="/transfers/new" className="flex items-end gap-2" data-testid="transfer-staff-search">
              <label className="text-xs text-slate-500">
                {text.fields.staff}（{text.filterName}）
                <input name="q" defaultValue={q ?? ""} maxLength={50} className={`${filterControlClass} mt-1 block w-64`} />
              </label>
              <button type="submit" className={buttonClass("filter")}>
                {text.filterSubmit}
              </button>
            </form>
            {q &&
              (form.matches.length === 0 ? (
                <EmptyState testId="transfer-staff-none">{t.transfer.errors.staffNotFound}</EmptyState>
              ) : (
                <ul
                  className="divide-y divide-slate-100 rounded-xl bg-white shadow-sm ring-1 ring-slate-200"
                  data-testid="transfer-staff-matches"
                >
                  {form.matches.map((m) => (
                    <li key={m.id} className="flex items-center justify-between px-4 py-2 text-sm">
                      <span>
                        {m.name} <span className="text-slate-400">{m.staffNo}</span> · {m.department}
                      </span>
                      <Link href={`/transfers/new?staffId=${m.id}`} className={textLinkClass}>
                        {text.newTransfer}
                      </Link>
                    </li>
                  ))}
                </ul>
              ))}
          </div>
        )}
      </PageBody>
    </ConsoleFrame>
  );
}
