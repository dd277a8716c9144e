import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/app/_lib/page-context";
import { rethrowForPage } from "@/app/_lib/page-errors";
import { BatchReport } from "@/components/hotline/batch-report";
import type { BatchReportDto } from "@/lib/hotline/dto";
import { getBatchReport } from "@/lib/hotline/get-batch";
import { hotline } from "@/lib/i18n/zh-CN/hotline";
import { PageBody } from "@/components/ui/page-header";

export const metadata: Metadata = { title: `${hotline.report.pageTitle} · ${hotline.pageTitle}` };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The report of one import: progress while the worker runs, then the counts and every row's outcome. */
export default async function ImportReportPage({ params, searchParams }: Props) {
  const ctx = await requirePagePermission("case.import");
  const { id } = await params;
  const sp = await searchParams;
  const outcome = typeof sp.outcome === "string" && sp.outcome ? sp.outcome : null;
  let report: BatchReportDto;
  try {
    report = await getBatchReport({ ctx, input: { batchId: id, outcome } });
  } catch (error) {
    rethrowForPage(error);
  }
  return (
    <PageBody testId="hotline-report-page">
      <Link href="/hotline" className="text-sm text-sky-700 hover:underline">
        {hotline.report.back}
      </Link>
      <h1 className="mt-2 text-xl font-semibold text-slate-900">{hotline.report.title(report.batch.fileName)}</h1>
      <div className="mt-4 max-w-6xl">
        <BatchReport key={outcome ?? "all"} initial={report} />
      </div>
    </PageBody>
  );
}
