import type { Metadata } from "next";
import { requirePagePermission } from "@/app/_lib/page-context";
import { BatchList } from "@/components/hotline/batch-list";
import { ColumnLayout } from "@/components/hotline/column-layout";
import { UploadPanel } from "@/components/hotline/upload-panel";
import { listBatches } from "@/lib/hotline/get-batch";
import { hotline } from "@/lib/i18n/zh-CN/hotline";
import { PageBody, PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: `${hotline.nav.import} · ${hotline.pageTitle}` };
export const dynamic = "force-dynamic";

/** 工单导入: upload a 12345 file (the layout's help beside it) and the recent imports of the area. */
export default async function HotlineImportPage() {
  const ctx = await requirePagePermission("case.import");
  const batches = await listBatches({ ctx });
  return (
    <PageBody testId="hotline-import-page">
      <PageHeader title={hotline.pageTitle} intro={hotline.intro} introClass="mt-1 max-w-4xl" />
      <div className="mt-4 grid max-w-6xl gap-4">
        <UploadPanel />
        <ColumnLayout />
        <BatchList batches={batches} />
      </div>
    </PageBody>
  );
}
