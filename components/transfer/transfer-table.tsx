import Link from "next/link";
import { cellClass, Table, TableFrame } from "@/components/ui/table";
import { textLinkClass } from "@/components/ui/text-link";
import { t } from "@/lib/i18n";
import type { TransferListItemDto } from "@/lib/transfer/dto";

const text = t.transfer;

const STATE_TONE: Record<string, string> = {
  pending: "bg-amber-50 text-amber-800 ring-amber-200",
  approved: "bg-sky-50 text-sky-800 ring-sky-200",
  applied: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  rejected: "bg-red-50 text-red-700 ring-red-200",
  cancelled: "bg-slate-100 text-slate-600 ring-slate-200",
};

/** A transfer's state as a small coloured badge. */
export function TransferStateBadge({ state, label }: { state: string; label: string }) {
  return (
    <span
      className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs ring-1 ${STATE_TONE[state] ?? ""}`}
      data-state={state}
    >
      {label}
    </span>
  );
}

/** Transfers as rows (the /transfers tabs and the staff detail's 调动记录), each linking to its detail. */
export function TransferTable({
  rows,
  showStaff = true,
  testId,
}: {
  rows: TransferListItemDto[];
  showStaff?: boolean;
  testId: string;
}) {
  const c = text.columns;
  const columns = [...(showStaff ? [c.staff] : []), c.from, c.to, c.effectiveDate, c.release, c.receive, c.state];
  return (
    <TableFrame>
      <Table columns={columns} testId={testId}>
        {rows.map((r) => (
          <tr key={r.id} data-testid="transfer-row" data-transfer-id={r.id}>
            {showStaff && (
              <td className={cellClass}>
                <Link href={`/transfers/${r.id}`} className={textLinkClass}>
                  {r.staffName}
                </Link>
                <div className="text-xs text-slate-400">{r.staffNo}</div>
              </td>
            )}
            <td className={cellClass}>{r.from}</td>
            <td className={cellClass}>{r.to}</td>
            <td className={`${cellClass} whitespace-nowrap tabular-nums`}>
              {showStaff ? (
                r.effectiveDate
              ) : (
                <Link href={`/transfers/${r.id}`} className={textLinkClass}>
                  {r.effectiveDate}
                </Link>
              )}
            </td>
            <td className={cellClass}>{r.release}</td>
            <td className={cellClass}>{r.receive}</td>
            <td className={cellClass}>
              <TransferStateBadge state={r.state} label={r.stateLabel} />
              {r.applyError && (
                <div className="mt-1 text-xs text-red-700" data-testid="transfer-row-error">
                  {r.applyError}
                </div>
              )}
            </td>
          </tr>
        ))}
      </Table>
    </TableFrame>
  );
}
