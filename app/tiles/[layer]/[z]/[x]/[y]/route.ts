import { tileConnection } from "@/tiles/tile-connection";
import { serveTile, type TileRouteParams } from "@/tiles/http";
import { tileActionOf } from "@/tiles/layers";
import { resolveTileScope } from "@/tiles/resolve-tile-scope";
import { toHttpResponse } from "@/lib/errors";

// Tiles read the database on every request (the tile cache lives in this process, not in Next's).
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** GET /tiles/<layer>/<z>/<x>/<y>[.mvt|.pbf][?case filters] → MVT of the caller's area (gzip, ETag, 304, 204 for an empty tile). */
export async function GET(request: Request, { params }: { params: Promise<TileRouteParams> }) {
  try {
    const tileParams = await params;
    const scope = await resolveTileScope(request.headers, tileActionOf(tileParams.layer));
    return await serveTile(tileConnection().sql, request, tileParams, scope);
  } catch (error) {
    return toHttpResponse(error);
  }
}
