import "server-only";
import { gunzipSync } from "node:zlib";
import type postgres from "postgres";
import { getTile } from "./get-tile";
import { isLayerName, type LayerName } from "./layers";
import type { TileScope } from "./render-tile";
import { parseTileCoord, type TileCoord } from "./tile-math";

/**
 * HTTP shape of the tile routes, kept out of app/ so the route files stay a few lines:
 * parse → tiles/ → bytes.
 *
 * Decisions:
 * - malformed or out-of-pyramid z/x/y → 400 with a JSON message saying which part is wrong;
 * - unknown layer → 404;
 * - a valid tile with nothing in it, or a zoom outside the layer's range → 204 No Content (with ETag).
 *   The request is well-formed, the layer simply has nothing there; MapLibre treats 204 as an empty
 *   tile without logging an error, and TileJSON's minzoom/maxzoom keep well-behaved clients away anyway.
 */

export const MVT_CONTENT_TYPE = "application/vnd.mapbox-vector-tile";

/**
 * Tiles depend on the caller's scope (the access issue adds it), so shared caches must not keep them
 * (`private`); `no-cache` makes the browser revalidate each use, which costs a 304 computed from the
 * layer version alone, so an edit shows up on the next pan instead of after a max-age.
 */
export const TILE_CACHE_CONTROL = "private, no-cache";

export type TileRouteParams = { layer: string; z: string; x: string; y: string };

type ErrorCode = "VALIDATION" | "NOT_FOUND";

function errorResponse(status: 400 | 404, code: ErrorCode, message: string, details?: Record<string, string>) {
  // Same body shape as lib/errors.ts's toHttpResponse, so clients parse every API error alike.
  return Response.json({ error: { code, message, details } }, { status, headers: { "Cache-Control": "no-store" } });
}

export type ParsedTileRequest = { ok: true; layer: LayerName; tile: TileCoord } | { ok: false; response: Response };

/** Validates the route parameters; y may carry a ".mvt" or ".pbf" suffix. */
export function parseTileRequest(params: TileRouteParams): ParsedTileRequest {
  if (!isLayerName(params.layer)) {
    return { ok: false, response: errorResponse(404, "NOT_FOUND", `未知的图层 "${params.layer}"`, { layer: `unknown layer "${params.layer}"` }) };
  }
  const y = params.y.replace(/\.(mvt|pbf)$/, "");
  const parsed = parseTileCoord(params.z, params.x, y);
  if (!parsed.ok) {
    return { ok: false, response: errorResponse(400, "VALIDATION", `瓦片坐标无效：${parsed.message}`, { tile: parsed.message }) };
  }
  return { ok: true, layer: params.layer, tile: parsed.tile };
}

export function acceptsGzip(request: Request): boolean {
  return /\bgzip\b/i.test(request.headers.get("accept-encoding") ?? "");
}

/** Answers a tile request: the one path from the route to `getTile` and back as bytes. */
export async function serveTile(sql: postgres.Sql, request: Request, params: TileRouteParams, scope: TileScope): Promise<Response> {
  const parsed = parseTileRequest(params);
  if (!parsed.ok) return parsed.response;
  const result = await getTile(sql, {
    layer: parsed.layer,
    ...parsed.tile,
    scope,
    ifNoneMatch: request.headers.get("if-none-match"),
  });
  const headers = new Headers({ ETag: result.etag, "Cache-Control": TILE_CACHE_CONTROL, Vary: "Accept-Encoding" });
  if (result.status === "not-modified") return new Response(null, { status: 304, headers });
  headers.set("X-Tile-Cache", result.cache);
  if (result.status === "empty") return new Response(null, { status: 204, headers });
  headers.set("Content-Type", MVT_CONTENT_TYPE);
  if (acceptsGzip(request)) {
    headers.set("Content-Encoding", "gzip");
    return new Response(result.gzip as Uint8Array<ArrayBuffer>, { status: 200, headers });
  }
  // Rare (curl without --compressed): the cache keeps only the gzip form.
  return new Response(gunzipSync(result.gzip) as Uint8Array<ArrayBuffer>, { status: 200, headers });
}

/**
 * The public origin of a request, for absolute URLs in TileJSON and styles: the proxy's
 * X-Forwarded-Proto/Host when present, else the Host header, else the URL the server saw.
 */
export function requestOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host")?.split(",")[0].trim() || request.headers.get("host") || url.host;
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0].trim() || url.protocol.replace(/:$/, "");
  return `${proto}://${host}`;
}
