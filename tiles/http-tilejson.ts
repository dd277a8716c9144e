import "server-only";
import type postgres from "postgres";
import { tiles } from "../lib/i18n/zh-CN/tiles";
import { TILE_CACHE_CONTROL, requestOrigin } from "./http";
import { currentLayerVersions } from "./layer-version";
import { isLayerName } from "./layers";
import type { TileScope } from "./tile-scope";
import { buildTileJson, readTileBounds } from "./tilejson";

/** Answers a TileJSON request: 404 for an unknown layer, else the layer's TileJSON bounded by the scope. */
export async function tileJsonResponse(sql: postgres.Sql, request: Request, layer: string, scope: TileScope): Promise<Response> {
  if (!isLayerName(layer)) {
    return Response.json(
      { error: { code: "NOT_FOUND", message: tiles.errors.unknownLayer(layer), details: { layer: `unknown layer "${layer}"` } } },
      { status: 404 },
    );
  }
  const [bounds, versions] = await Promise.all([readTileBounds(sql, scope), currentLayerVersions(sql)]);
  const body = buildTileJson({ origin: requestOrigin(request), layer, bounds, version: versions[layer] });
  return Response.json(body, { headers: { "Cache-Control": TILE_CACHE_CONTROL } });
}
