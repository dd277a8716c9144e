import type { Metadata } from "next";
import { requireMobilePermission } from "@/app/m/_lib/mobile-context";
import { MobileHeader } from "@/components/mobile/mobile-header";
import { ReportForm } from "@/components/mobile/report-form";
import { reportDraftKey } from "@/components/mobile/storage-key";
import { listCategories } from "@/lib/case/list-categories";
import { getDistrictBounds } from "@/lib/grid/get-district-bounds";
import { caseIntake } from "@/lib/i18n/zh-CN/case-intake";

export const metadata: Metadata = { title: caseIntake.shell.reportTitle };
export const dynamic = "force-dynamic";

/**
 * 上报事件 on the phone. The category tree and the caller's area (where the map opens) come with the page;
 * the form lives in the browser as a draft until it is sent. The 12345 hotline kinds are left out of the
 * picker: those orders arrive by import, not from the street.
 */
export default async function MobileReportPage() {
  const ctx = await requireMobilePermission("case.report", "map.view");
  const header = <MobileHeader title={caseIntake.shell.reportTitle} back={{ href: "/m" }} />;
  const [categories, area] = await Promise.all([listCategories({ ctx }), getDistrictBounds({ ctx })]);
  return (
    <>
      {header}
      <main className="p-4">
        <ReportForm
          storageKey={reportDraftKey(ctx.actor.userId)}
          areaBounds={area.bounds}
          categories={categories.filter((c) => c.group !== "hotline")}
        />
      </main>
    </>
  );
}
