import type { NextRequest } from "next/server";
import { listRegionOptions } from "@/lib/account/list-region-options";
import type { RegionOptionsInput } from "@/lib/account/schemas";
import { respond } from "../../_lib/respond";

/** GET /api/accounts/region-options?q=…&role=… → up to 20 regions of the administrator's area for the region picker. */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const input = { q: params.get("q") ?? "", role: params.get("role") ?? undefined } as RegionOptionsInput;
  return respond(request, async (ctx) => ({ regions: await listRegionOptions({ ctx, input }) }));
}
