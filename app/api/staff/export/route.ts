import { exportStaff } from "@/lib/org/export-staff";
import { staffFilterParams } from "@/lib/org/staff-filter-params";
import { download } from "../../hotline/_lib/download";

/** GET the filtered staff list as xlsx (same filters as /staff; masked; logged as an export). */
export async function GET(request: Request) {
  const sp = Object.fromEntries(new URL(request.url).searchParams);
  return download(request, async (ctx) => {
    const file = await exportStaff({ ctx, input: staffFilterParams(sp) as never });
    return {
      body: file.bytes,
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      fileName: file.fileName,
      asciiFileName: file.asciiFileName,
      rowCount: file.rowCount,
    };
  });
}
