import "server-only";
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { gzip as gzipCallback, gzipSync } from "node:zlib";
import type postgres from "postgres";
import { env } from "../lib/env";
import { TileCache, tileCacheKey, type CachedTile } from "./cache";
import { EMPTY_CASE_FILTER, type CaseTileFilter } from "./case-filter";
import { caseTileVariant } from "./case-tiles";
import { currentLayerVersions } from "./layer-version";
import { isCaseLayer, type LayerName } from "./layers";
import { TILE_SCHEMA_VERSION } from "./registry";
import { renderTile } from "./render-tile";
import { scopeKey, type TileScope } from "./tile-scope";
import type { TileCoord } from "./tile-math";

const gzipAsync = promisify(gzipCallback);

/**
 * gzip level 4: within 1–3 % of level 6's size on our tiles and ~25 % faster. Tiles under 64 KB are
 * compressed on the request's own thread (≤ 1 ms; the thread-pool hop alone costs 0.2–0.3 ms), bigger
 * ones in the thread pool so one heavy tile does not stall other requests.
 */
const GZIP_LEVEL = 4;
const SYNC_GZIP_MAX_BYTES = 64 * 1024;

export async function compressTile(raw: Uint8Array): Promise<Uint8Array> {
  return raw.byteLength <= SYNC_GZIP_MAX_BYTES ? gzipSync(raw, { level: GZIP_LEVEL }) : gzipAsync(raw, { level: GZIP_LEVEL });
}

/** `filter`: the validated filter of a case layer (tiles/case-tiles.ts parseCaseTileQuery); ignored elsewhere. */
export type GetTileInput = TileCoord & {
  layer: LayerName;
  scope: TileScope;
  filter?: CaseTileFilter;
  ifNoneMatch?: string | null;
};

export type GetTileResult =
  | { status: "not-modified"; etag: string }
  | { status: "ok"; etag: string; gzip: Uint8Array; cache: "hit" | "miss" }
  | { status: "empty"; etag: string; cache: "hit" | "miss" };

const state = globalThis as unknown as {
  gridatlasTileCache?: TileCache;
  gridatlasTileInflight?: Map<string, Promise<CachedTile>>;
};

/** The process's tile cache (one per process, kept across Next.js hot reloads). */
export function tileCache(): TileCache {
  state.gridatlasTileCache ??= new TileCache(env().TILE_CACHE_MB * 1024 * 1024);
  return state.gridatlasTileCache;
}

function inflight() {
  state.gridatlasTileInflight ??= new Map();
  return state.gridatlasTileInflight;
}

/**
 * A weak ETag naming the tile's content: layer, layer version, tile schema, scope (hashed: it can be
 * long and says who is asking), the case layers' variant (filter + time bucket, hashed) and z/x/y.
 * Weak, because the same tile goes out gzip-encoded or not.
 */
export function tileEtag(layer: LayerName, version: number, scope: TileScope, { z, x, y }: TileCoord, variant = ""): string {
  const scopeTag = scope === null ? "all" : createHash("sha1").update(scopeKey(scope)).digest("hex").slice(0, 10);
  const variantTag = variant ? `-f${createHash("sha1").update(variant).digest("hex").slice(0, 10)}` : "";
  return `W/"${layer}-v${version}-s${TILE_SCHEMA_VERSION}-${scopeTag}${variantTag}-${z}-${x}-${y}"`;
}

/** True when an If-None-Match header names this ETag (or is "*"); compared weakly, as RFC 9110 says for GET. */
export function etagMatches(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((candidate) => {
    const c = candidate.trim();
    return c === "*" || c.replace(/^W\//, "") === bare;
  });
}

/**
 * A tile, ready to send: answers If-None-Match from the layer version alone (no rendering), then the
 * cache, then renders once however many requests ask for the same missing tile at the same time.
 */
export async function getTile(sql: postgres.Sql, input: GetTileInput): Promise<GetTileResult> {
  const { layer, scope, z, x, y, filter } = input;
  const versions = await currentLayerVersions(sql);
  const version = versions[layer];
  const variant = isCaseLayer(layer) ? caseTileVariant(filter ?? EMPTY_CASE_FILTER) : "";
  const etag = tileEtag(layer, version, scope, input, variant);
  if (etagMatches(input.ifNoneMatch, etag)) return { status: "not-modified", etag };

  const cache = tileCache();
  const key = tileCacheKey(layer, version, scopeKey(scope), z, x, y, variant);
  const cached = cache.get(key);
  if (cached) return toResult(cached, "hit");

  let pending = inflight().get(key);
  if (!pending) {
    pending = (async () => {
      const raw = await renderTile(sql, { layer, scope, z, x, y, filter });
      const tile: CachedTile = { etag, gzip: raw.byteLength === 0 ? null : await compressTile(raw) };
      cache.set(key, tile);
      return tile;
    })().finally(() => inflight().delete(key));
    inflight().set(key, pending);
  }
  return toResult(await pending, "miss");
}

function toResult(tile: CachedTile, cache: "hit" | "miss"): GetTileResult {
  return tile.gzip ? { status: "ok", etag: tile.etag, gzip: tile.gzip, cache } : { status: "empty", etag: tile.etag, cache };
}
