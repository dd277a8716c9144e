import type { NextRequest } from "next/server";
import { listGridBuildings } from "@/lib/building/list-grid-buildings";
import { respond } from "../../../_lib/respond";

/** GET /api/regions/<grid id>/buildings?after=<building id> → the next page of a basic grid's buildings. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const after = request.nextUrl.searchParams.get("after") ?? undefined;
  return respond(request, async (ctx) =>
    listGridBuildings({ ctx, input: { id: id as unknown as number, after: after as unknown as number | undefined } }),
  );
}
