import "server-only";
import { gunzipSync, gzipSync } from "node:zlib";
import type postgres from "postgres";
import { tiles } from "../lib/i18n/zh-CN/tiles";
import type { CaseTileFilter } from "./case-filter";
import { parseCaseTileQuery } from "./case-tiles";
import { getTile } from "./get-tile";
import { isCaseLayer, isLayerName, type LayerName } from "./layers";
import type { TileScope } from "./tile-scope";
import { parseTileCoord, type TileCoord } from "./tile-math";
import { requestHost, VIA_TRUSTED_PROXY_HEADER } from "../lib/client-address";

/**
 * HTTP shape of the tile routes, kept out of app/ so the route files stay a few lines:
 * parse → tiles/ → bytes.
 *
 * Decisions:
 * - malformed or out-of-pyramid z/x/y → 400 with a JSON message saying which part is wrong;
 * - unknown layer → 404;
 * - the case layers read filters from the query string (tiles/case-filter.ts): an unknown parameter or a
 *   bad value → 400 in the same format, naming the parameter; other layers ignore the query string;
 * - a valid tile with nothing in it, or a zoom outside the layer's range → 204 No Content (with ETag).
 *   The request is well-formed, the layer simply has nothing there; MapLibre treats 204 as an empty
 *   tile without logging an error, and TileJSON's minzoom/maxzoom keep well-behaved clients away anyway.
 * - gzip: Next.js removes Content-Encoding from route-handler responses, so next.config.js adds it for
 *   /tiles/<layer>/<z>/<x>/<y> when Accept-Encoding contains "gzip" — the same test as `acceptsGzip`.
 *   Every body this route sends to such a client is therefore gzip-compressed, error JSON included.
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

export type TileRequestError = { status: 400 | 404; code: ErrorCode; message: string; details: Record<string, string> };

/** A finished answer, independent of the HTTP stack (Next's Web Response, or node:http in the benchmark). */
export type TileHttpAnswer = { status: number; headers: Record<string, string>; body: Uint8Array | null };

function errorAnswer(error: TileRequestError, gzip: boolean): TileHttpAnswer {
  // Same body shape as lib/errors.ts's toHttpResponse, so clients parse every API error alike.
  const json = JSON.stringify({ error: { code: error.code, message: error.message, details: error.details } });
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    "Cache-Control": "no-store",
    Vary: "Accept-Encoding",
  };
  if (!gzip) return { status: error.status, headers, body: Buffer.from(json) };
  headers["Content-Encoding"] = "gzip";
  return { status: error.status, headers, body: gzipSync(json) };
}

export type ParsedTileRequest =
  { ok: true; layer: LayerName; tile: TileCoord; filter?: CaseTileFilter } | { ok: false; error: TileRequestError };

/** Validates the route parameters (y may carry a ".mvt" or ".pbf" suffix) and a case layer's query string. */
export function parseTileRequest(params: TileRouteParams, search = ""): ParsedTileRequest {
  if (!isLayerName(params.layer)) {
    const reason = `unknown layer "${params.layer}"`;
    return {
      ok: false,
      error: { status: 404, code: "NOT_FOUND", message: tiles.errors.unknownLayer(params.layer), details: { layer: reason } },
    };
  }
  const y = params.y.replace(/\.(mvt|pbf)$/, "");
  const parsed = parseTileCoord(params.z, params.x, y);
  if (!parsed.ok) {
    return {
      ok: false,
      error: {
        status: 400,
        code: "VALIDATION",
        message: tiles.errors.badTile(parsed.message),
        details: { tile: parsed.message },
      },
    };
  }
  if (isCaseLayer(params.layer)) {
    const query = parseCaseTileQuery(params.layer, search);
    if (!query.ok) {
      return {
        ok: false,
        error: {
          status: 400,
          code: "VALIDATION",
          message: tiles.errors.badCaseFilter(query.message),
          details: { [query.param]: query.message },
        },
      };
    }
    return { ok: true, layer: params.layer, tile: parsed.tile, filter: query.filter };
  }
  return { ok: true, layer: params.layer, tile: parsed.tile };
}

/** Must match the `has` condition of the Content-Encoding header in next.config.js (regex `.*gzip.*`). */
export function acceptsGzip(acceptEncoding: string | null | undefined): boolean {
  return (acceptEncoding ?? "").includes("gzip");
}

/**
 * Answers a tile request: the one path from the URL parameters to `getTile` and back as bytes.
 * `request` holds the Accept-Encoding and If-None-Match headers and the URL's query string.
 */
export async function answerTile(
  sql: postgres.Sql,
  params: TileRouteParams,
  request: { acceptEncoding: string | null | undefined; ifNoneMatch: string | null | undefined; search?: string },
  scope: TileScope,
): Promise<TileHttpAnswer> {
  const gzip = acceptsGzip(request.acceptEncoding);
  const parsed = parseTileRequest(params, request.search);
  if (!parsed.ok) return errorAnswer(parsed.error, gzip);
  const result = await getTile(sql, {
    layer: parsed.layer,
    ...parsed.tile,
    scope,
    filter: parsed.filter,
    ifNoneMatch: request.ifNoneMatch,
  });
  const headers: Record<string, string> = { ETag: result.etag, "Cache-Control": TILE_CACHE_CONTROL, Vary: "Accept-Encoding" };
  if (result.status === "not-modified") return { status: 304, headers, body: null };
  headers["X-Tile-Cache"] = result.cache;
  if (result.status === "empty") return { status: 204, headers, body: null };
  headers["Content-Type"] = MVT_CONTENT_TYPE;
  if (gzip) {
    headers["Content-Encoding"] = "gzip";
    return { status: 200, headers, body: result.gzip };
  }
  // Rare (curl without --compressed): the cache keeps only the gzip form.
  return { status: 200, headers, body: gunzipSync(result.gzip) };
}

/** The tile route's adapter: a Web Request in, a Web Response out. */
export async function serveTile(
  sql: postgres.Sql,
  request: Request,
  params: TileRouteParams,
  scope: TileScope,
): Promise<Response> {
  const answer = await answerTile(
    sql,
    params,
    {
      acceptEncoding: request.headers.get("accept-encoding"),
      ifNoneMatch: request.headers.get("if-none-match"),
      search: new URL(request.url).search,
    },
    scope,
  );
  return new Response(answer.body as Uint8Array<ArrayBuffer> | null, { status: answer.status, headers: answer.headers });
}

/**
 * The public origin of a request, for absolute URLs in TileJSON and styles: a trusted proxy's
 * X-Forwarded-Proto/Host (lib/client-address.ts), else the Host header, else the URL the server saw.
 */
export function requestOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = requestHost(request.headers, request.url);
  const viaProxy = request.headers.get(VIA_TRUSTED_PROXY_HEADER) === "1";
  const proto = (viaProxy && request.headers.get("x-forwarded-proto")?.split(",")[0].trim()) || url.protocol.replace(/:$/, "");
  return `${proto}://${host}`;
}
