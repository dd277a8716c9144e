import type { NextRequest } from "next/server";
import { exportRegionStats } from "@/lib/grid/export-region-stats";
import { csvDownload } from "../_lib/csv-download";

/** GET /api/exports/regions?region=<id> → 区域统计 CSV: the area's children with their counts, no personal data. */
export async function GET(request: NextRequest) {
  const region = request.nextUrl.searchParams.get("region") ?? "";
  return csvDownload(request, (ctx) => exportRegionStats({ ctx, input: { regionId: region as unknown as number } }));
}
