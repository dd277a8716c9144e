import { batchReportCsv } from "@/lib/hotline/get-batch";
import { download } from "../../../_lib/download";

/** GET the whole import report as CSV (every row with its outcome and reason). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return download(request, async (ctx) => {
    const report = await batchReportCsv({ ctx, input: { batchId: id } });
    return {
      body: report.csv,
      contentType: "text/csv; charset=utf-8",
      fileName: report.fileName,
      asciiFileName: `import-report-${id}.csv`,
      rowCount: report.rowCount,
    };
  });
}
