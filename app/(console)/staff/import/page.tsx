import type { Metadata } from "next";
import { requirePagePermission } from "@/app/_lib/page-context";
import { StaffImportForm } from "@/components/staff/staff-import-form";
import { ConsoleFrame } from "@/components/ui/console-frame";
import { PageBody, PageHeader } from "@/components/ui/page-header";
import { t } from "@/lib/i18n";

export const metadata: Metadata = { title: t.org.import.pageTitle };

const text = t.org.import;

/** 批量导入人员: upload, all or nothing, with per-row errors in Chinese. */
export default async function StaffImportPage() {
  await requirePagePermission("staff.manage");
  return (
    <ConsoleFrame back={{ href: "/staff", label: t.org.staff.backToList, testId: "back-to-staff" }}>
      <PageBody testId="staff-import-page">
        <PageHeader title={text.heading} intro={text.intro} />
        <p
          className="mt-2 rounded-lg bg-amber-50 px-4 py-2 text-sm text-amber-900 ring-1 ring-amber-200"
          data-testid="staff-import-policy"
        >
          {text.policy}
        </p>
        <div className="mt-4 max-w-4xl">
          <StaffImportForm />
        </div>
      </PageBody>
    </ConsoleFrame>
  );
}
