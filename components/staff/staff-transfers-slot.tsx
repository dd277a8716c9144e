import type { ReactNode } from "react";
import { t } from "@/lib/i18n";

/**
 * The place on the staff record where the transfer helper adds the person's transfers (调动记录). Render the
 * transfers as `children`; without them the section is not shown. Kept as its own component so the record
 * page and the transfers feature meet in one named spot.
 */
export function StaffTransfersSlot({ staffId, children }: { staffId: number; children?: ReactNode }) {
  if (!children) return null;
  return (
    <section
      className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200"
      data-testid="staff-transfers"
      data-staff-id={staffId}
    >
      <h2 className="border-b border-slate-100 px-5 py-3 text-sm font-semibold text-slate-800">
        {t.org.staff.sections.transfers}
      </h2>
      <div className="px-5 py-4">{children}</div>
    </section>
  );
}
