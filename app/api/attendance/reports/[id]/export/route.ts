import { download } from "@/app/api/hotline/_lib/download";
import { exportMonthReport } from "@/lib/attendance/reports/export-month-report";

type Params = { params: Promise<{ id: string }> };

/** GET /api/attendance/reports/:id/export → the version as xlsx (a sheet per person and per department). */
export async function GET(request: Request, { params }: Params) {
  const { id } = await params;
  return download(request, async (ctx) => {
    const file = await exportMonthReport({ ctx, input: { id } });
    return {
      body: new Uint8Array(file.body),
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      fileName: file.fileName,
      asciiFileName: file.fileName.replace(/[^\x20-\x7e]/g, "_"),
    };
  });
}
