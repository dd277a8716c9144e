import type { NextRequest } from "next/server";
import { searchPlaces } from "@/lib/search/search-places";
import { respond } from "../_lib/respond";

/** GET /api/search?q=…&limit=… → areas and buildings inside the caller's scope. */
export async function GET(request: NextRequest) {
  const q = request.nextUrl.searchParams.get("q") ?? "";
  const limit = request.nextUrl.searchParams.get("limit") ?? undefined;
  return respond(request, async (ctx) => ({ hits: await searchPlaces({ ctx, input: { q, limit: limit as unknown as number | undefined } }) }));
}
