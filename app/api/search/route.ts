import type { NextRequest } from "next/server";
import { searchPlaces } from "@/lib/search/search-places";
import { respond } from "../_lib/respond";

/**
 * GET /api/search?q=…&limit=…&kinds=all|places → areas and buildings inside the caller's scope, and a
 * resident found by a full identity number (kinds=all). Not cached: a hit may carry personal data.
 */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const q = params.get("q") ?? "";
  const limit = params.get("limit") ?? undefined;
  const kinds = params.get("kinds") ?? undefined;
  return respond(
    request,
    async (ctx) => ({
      hits: await searchPlaces({
        ctx,
        input: { q, limit: limit as unknown as number | undefined, kinds: kinds as "all" | "places" | undefined },
      }),
    }),
    { personal: true },
  );
}
