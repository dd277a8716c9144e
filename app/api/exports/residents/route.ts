import type { NextRequest } from "next/server";
import { exportResidents } from "@/lib/resident/export-residents";
import { csvDownload } from "../_lib/csv-download";

/**
 * GET /api/exports/residents?region=<id>[&unmasked=1&reason=…] → 居民名单 CSV (masked unless
 * unmasked=1, which needs its own permission and a reason). Every export is logged.
 */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  return csvDownload(request, (ctx) =>
    exportResidents({
      ctx,
      input: {
        regionId: (params.get("region") ?? "") as unknown as number,
        unmasked: params.get("unmasked") === "1",
        reason: params.get("reason") ?? undefined,
      },
    }),
  );
}
