import "server-only";
import type postgres from "postgres";
import type { LayerName } from "./layers";
import { REGISTRY, layerIsScoped, layerParams, layerStatement } from "./registry";
import type { TileCoord } from "./tile-math";

/**
 * The caller's area scope: an ltree region path (e.g. "110112.110112001") whose subtree the caller may
 * see, or null for the whole district. The access issue derives it from the session; tiles only apply it.
 */
export type TileScope = string | null;

export type RenderTileInput = TileCoord & { layer: LayerName; scope: TileScope };

const LTREE_PATH = /^[0-9]{1,18}(\.[0-9]{1,18}){0,5}$/;

/** True when a scope is null or a well-formed region path. */
export function isValidScope(scope: TileScope): boolean {
  return scope === null || LTREE_PATH.test(scope);
}

/**
 * Renders one tile of one layer as raw (uncompressed) MVT bytes; empty when nothing is there or the
 * zoom is outside the layer's range. This is the one place every tile query goes through, so the
 * caller's scope is applied to every layer the same way. z/x/y must already be validated.
 */
export async function renderTile(sql: postgres.Sql, { layer, z, x, y, scope }: RenderTileInput): Promise<Uint8Array> {
  const def = REGISTRY[layer];
  if (!isValidScope(scope)) throw new Error(`invalid tile scope ${JSON.stringify(scope)}`);
  if (z < def.minzoom || z > def.maxzoom) return new Uint8Array(0);
  const scoped = scope !== null && layerIsScoped(layer);
  const rows = await sql.unsafe<{ mvt: Uint8Array }[]>(
    layerStatement(layer, scoped),
    layerParams(layer, { z, x, y }, scope),
    { prepare: true },
  );
  return rows[0]?.mvt ?? new Uint8Array(0);
}
