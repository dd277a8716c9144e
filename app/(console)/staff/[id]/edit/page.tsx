import type { Metadata } from "next";
import { requirePagePermission } from "@/app/_lib/page-context";
import { rethrowForPage } from "@/app/_lib/page-errors";
import { StaffEditForm } from "@/components/staff/staff-edit-form";
import { ConsoleFrame } from "@/components/ui/console-frame";
import { PageBody, PageHeader } from "@/components/ui/page-header";
import { t } from "@/lib/i18n";
import { getStaffDetail } from "@/lib/org/get-staff-detail";
import { listStaffOptions } from "@/lib/org/list-staff-options";

export const metadata: Metadata = { title: t.org.form.editTitle };
export const dynamic = "force-dynamic";

/** 编辑人员档案 (staff.manage): the form opens at the record's version; the save is refused if it moved. */
export default async function StaffEditPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requirePagePermission("staff.manage");
  const staff = await getStaffDetail({ ctx, input: { id: id as unknown as number } }).catch(rethrowForPage);
  const options = await listStaffOptions({ ctx });
  return (
    <ConsoleFrame back={{ href: `/staff/${staff.id}`, label: staff.name, testId: "back-to-staff-detail" }}>
      <PageBody testId="staff-edit-page">
        <PageHeader title={`${t.org.form.editTitle} · ${staff.name}`} intro={staff.staffNo} />
        <div className="mt-4">
          <StaffEditForm staff={staff} options={options} />
        </div>
      </PageBody>
    </ConsoleFrame>
  );
}
