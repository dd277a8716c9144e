import { tileConnection } from "@/tiles/tile-connection";
import { tileJsonResponse } from "@/tiles/http-tilejson";
import { resolveTileScope } from "@/tiles/resolve-tile-scope";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** GET /tiles/<layer> → TileJSON 3.0.0 for the layer, tile URLs on the request's origin. */
export async function GET(request: Request, { params }: { params: Promise<{ layer: string }> }) {
  const scope = await resolveTileScope(request);
  return tileJsonResponse(tileConnection().sql, request, (await params).layer, scope);
}
