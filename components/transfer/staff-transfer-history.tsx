import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { t } from "@/lib/i18n";
import type { TransferListItemDto } from "@/lib/transfer/dto";
import { TransferTable } from "./transfer-table";

/**
 * The staff detail's 调动记录 (every transfer of the person, every state) with 发起调动 for those who may ask.
 * Fed by lib/transfer/list-staff-transfers.ts; the staff page places it in its slot.
 */
export function StaffTransferHistory({
  staffId,
  transfers,
  canRequest,
}: {
  staffId: number;
  transfers: TransferListItemDto[];
  canRequest: boolean;
}) {
  return (
    <section className="mt-6" data-testid="staff-transfers">
      <div className="mb-2 flex items-center justify-between">
        <h2 className="text-base font-semibold text-slate-900">{t.transfer.history.title}</h2>
        {canRequest && (
          <Link
            href={`/transfers/new?staffId=${staffId}`}
            className={buttonClass("small", "text-sky-700 ring-sky-300")}
            data-testid="staff-transfer-new"
          >
            {t.transfer.newTransfer}
          </Link>
        )}
      </div>
      {transfers.length === 0 ? (
        <EmptyState testId="staff-transfers-empty" spacing="p-4">
          {t.transfer.history.empty}
        </EmptyState>
      ) : (
        <TransferTable rows={transfers} showStaff={false} testId="staff-transfers-table" />
      )}
    </section>
  );
}
