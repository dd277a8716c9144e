import type { NextRequest } from "next/server";
import { exportCases, type ExportCasesInput } from "@/lib/case/export-cases";
import { filterParams } from "@/lib/case/list-cases-filter";
import { fileResponse } from "./_lib/file-response";

/**
 * GET /api/cases/export?format=xlsx|csv|geojson&<the list's filters> → the filtered case list as a file
 * (at most 200,000 cases; beyond that a 400 with a Chinese message). Every export is audited.
 */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const input = { ...filterParams(params), format: params.get("format") ?? "" } as ExportCasesInput;
  return fileResponse(request, (ctx) => exportCases({ ctx, input }));
}
