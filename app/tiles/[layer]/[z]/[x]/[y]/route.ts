import { tileConnection } from "@/tiles/tile-connection";
import { serveTile, type TileRouteParams } from "@/tiles/http";
import { resolveTileScope } from "@/tiles/resolve-tile-scope";

// Tiles read the database on every request (the tile cache lives in this process, not in Next's).
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** GET /tiles/<layer>/<z>/<x>/<y>[.mvt|.pbf] → MVT (gzip, ETag, 304, 204 for an empty tile). */
export async function GET(request: Request, { params }: { params: Promise<TileRouteParams> }) {
  const scope = await resolveTileScope(request);
  return serveTile(tileConnection().sql, request, await params, scope);
}
