import { tileConnection } from "@/tiles/tile-connection";
import { tileJsonResponse } from "@/tiles/http-tilejson";
import { tileActionOf } from "@/tiles/layers";
import { resolveTileScope } from "@/tiles/resolve-tile-scope";
import { toHttpResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** GET /tiles/<layer> → TileJSON 3.0.0 for the layer, tile URLs on the request's origin, bounded by the caller's area. */
export async function GET(request: Request, { params }: { params: Promise<{ layer: string }> }) {
  try {
    const { layer } = await params;
    const scope = await resolveTileScope(request.headers, tileActionOf(layer));
    return await tileJsonResponse(tileConnection().sql, request, layer, scope);
  } catch (error) {
    return toHttpResponse(error);
  }
}
