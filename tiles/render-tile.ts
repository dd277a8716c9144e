import "server-only";
import type postgres from "postgres";
import { EMPTY_CASE_FILTER, type CaseTileFilter } from "./case-filter";
import { renderCaseTile } from "./case-tiles";
import { LAYERS, isCaseLayer, type LayerName } from "./layers";
import { layerIsScoped, layerParams, layerStatement } from "./registry";
import type { TileCoord } from "./tile-math";
import { isValidScope, type TileScope } from "./tile-scope";

/** `filter` applies to the case layers only (tiles/case-filter.ts); the other layers have none. */
export type RenderTileInput = TileCoord & { layer: LayerName; scope: TileScope; filter?: CaseTileFilter };

/**
 * Renders one tile of one layer as raw (uncompressed) MVT bytes; empty when nothing is there or the
 * zoom is outside the layer's range. This is the one place every tile query goes through, so the
 * caller's scope is applied to every layer the same way. z/x/y must already be validated.
 */
export async function renderTile(sql: postgres.Sql, { layer, z, x, y, scope, filter }: RenderTileInput): Promise<Uint8Array> {
  if (!isValidScope(scope)) throw new Error(`invalid tile scope ${JSON.stringify(scope)}`);
  const meta = LAYERS[layer];
  if (z < meta.minzoom || z > meta.maxzoom) return new Uint8Array(0);
  if (isCaseLayer(layer)) return renderCaseTile(sql, { layer, z, x, y, scope, filter: filter ?? EMPTY_CASE_FILTER });
  const scoped = scope !== null && layerIsScoped(layer);
  const rows = await sql.unsafe<{ mvt: Uint8Array }[]>(layerStatement(layer, scoped), layerParams(layer, { z, x, y }, scope), {
    prepare: true,
  });
  return rows[0]?.mvt ?? new Uint8Array(0);
}
