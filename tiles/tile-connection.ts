import "server-only";
import { connect, type Connection } from "../db/client";
import { appDatabaseUrl } from "../db/url";

/**
 * Session settings for tile queries:
 * - no parallel query: a tile query is small; on the target 2-core machine starting two parallel
 *   workers cost more than the work (the densest z14 building tile of the full district: 17–22 ms with a
 *   Gather, 8 ms without);
 * - no JIT: compiling a tile query's expressions takes longer than running them.
 * The benchmark's floor runs with the same settings.
 */
export const TILE_SESSION_SETTINGS: Record<string, string> = { max_parallel_workers_per_gather: "0", jit: "off" };

/** Connections a web process keeps for tiles: a map view asks for ~6 tiles at once per browser. */
export const TILE_POOL_SIZE = 4;

const state = globalThis as unknown as { gridatlasTileDb?: Connection };

/**
 * The tile routes' own small pool on the product database, so a burst of tiles (a map pan fetches
 * dozens) cannot take every connection the rest of the product needs, and so the settings above stay
 * off other queries.
 */
export function tileConnection(): Connection {
  state.gridatlasTileDb ??= connect(appDatabaseUrl(), { max: TILE_POOL_SIZE, settings: TILE_SESSION_SETTINGS });
  return state.gridatlasTileDb;
}

/** Closes the tile pool (tests, graceful shutdown). */
export async function closeTileConnection(): Promise<void> {
  const conn = state.gridatlasTileDb;
  state.gridatlasTileDb = undefined;
  await conn?.db.destroy();
}
