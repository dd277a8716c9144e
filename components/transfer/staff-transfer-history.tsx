import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { t } from "@/lib/i18n";
import type { TransferListItemDto } from "@/lib/transfer/dto";
import { TransferTable } from "./transfer-table";

/**
 * The staff detail's 调动记录 (every transfer of the person, every state) with 发起调动 for those who may ask.
 * Fed by lib/transfer/list-staff-transfers.ts; the staff page renders it inside its StaffTransfersSlot, which
 * gives the section and its title.
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
    <div data-testid="staff-transfer-history">
      <div className="mb-2 flex justify-end">
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
    </div>
  );
}
