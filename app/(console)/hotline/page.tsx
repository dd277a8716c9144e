import type { Metadata } from "next";
import { requirePagePermission } from "@/app/_lib/page-context";
import { BatchList } from "@/components/hotline/batch-list";
import { ColumnLayout } from "@/components/hotline/column-layout";
import { UploadPanel } from "@/components/hotline/upload-panel";
import { listBatches } from "@/lib/hotline/get-batch";
import { hotline } from "@/lib/i18n/zh-CN/hotline";

export const metadata: Metadata = { title: `${hotline.nav.import} · ${hotline.pageTitle}` };
export const dynamic = "force-dynamic";

/** 工单导入: upload a 12345 file (the layout's help beside it) and the recent imports of the area. */
export default async function HotlineImportPage() {
  const ctx = await requirePagePermission("case.import");
  const batches = await listBatches({ ctx });
  return (
    <main className="flex-1 overflow-auto bg-slate-50 p-6" data-testid="hotline-import-page">
      <h1 className="text-xl font-semibold text-slate-900">{hotline.pageTitle}</h1>
      <p className="mt-1 max-w-4xl text-sm text-slate-600">{hotline.intro}</p>
      <div className="mt-4 grid max-w-6xl gap-4">
        <UploadPanel />
        <ColumnLayout />
        <BatchList batches={batches} />
      </div>
    </main>
  );
}
