import { scopeLiteral } from "../db/queries/scope";
import "server-only";
import type postgres from "postgres";
import { LAYERS, type FieldType, type LayerName } from "./layers";
import { tiles } from "../lib/i18n/zh-CN/tiles";
import type { TileScope } from "./tile-scope";

/** [west, south, east, north] in degrees. */
export type LonLatBounds = [number, number, number, number];

export type TileJson = {
  tilejson: "3.0.0";
  name: string;
  description: string;
  version: string;
  scheme: "xyz";
  tiles: string[];
  minzoom: number;
  maxzoom: number;
  bounds: LonLatBounds;
  center: [number, number, number];
  vector_layers: { id: string; description: string; minzoom: number; maxzoom: number; fields: Record<string, FieldType> }[];
};

/** The whole world, for a database that holds no district yet. */
const WORLD: LonLatBounds = [-180, -85.0511, 180, 85.0511];

/** Bounds of the scope's regions (the district when scope is null), from the stored 4326 geometry. */
export async function readTileBounds(sql: postgres.Sql, scope: TileScope): Promise<LonLatBounds> {
  const rows =
    scope === null
      ? await sql<{ w: number; s: number; e: number; n: number }[]>`
        select st_xmin(b) as w, st_ymin(b) as s, st_xmax(b) as e, st_ymax(b) as n
          from (select st_extent(geom) as b from region where level = 0) x where b is not null`
      : await sql<{ w: number; s: number; e: number; n: number }[]>`
        select st_xmin(b) as w, st_ymin(b) as s, st_xmax(b) as e, st_ymax(b) as n
          from (select st_extent(geom) as b from region where path = any(${scopeLiteral(scope)}::ltree[])) x where b is not null`;
  const row = rows[0];
  if (!row) return WORLD;
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return [round(row.w), round(row.s), round(row.e), round(row.n)];
}

/** TileJSON 3.0.0 for one layer, with absolute tile URLs on the caller's origin. */
export function buildTileJson({
  origin,
  layer,
  bounds,
  version,
}: {
  origin: string;
  layer: LayerName;
  bounds: LonLatBounds;
  version: number;
}): TileJson {
  const meta = LAYERS[layer];
  const centerZoom = Math.max(meta.minzoom, Math.min(meta.maxzoom, 12));
  const vectorLayers: TileJson["vector_layers"] = [
    { id: meta.name, description: meta.description, minzoom: meta.minzoom, maxzoom: meta.maxzoom, fields: meta.fields },
  ];
  if (meta.labelLayer && meta.labelFields) {
    vectorLayers.push({
      id: meta.labelLayer,
      description: tiles.labelDescription(meta.title),
      minzoom: meta.minzoom,
      maxzoom: meta.maxzoom,
      fields: meta.labelFields,
    });
  }
  return {
    tilejson: "3.0.0",
    name: meta.title,
    description: meta.description,
    version: `1.0.${version}`,
    scheme: "xyz",
    tiles: [`${origin}/tiles/${layer}/{z}/{x}/{y}`],
    minzoom: meta.minzoom,
    maxzoom: meta.maxzoom,
    bounds,
    center: [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, centerZoom],
    vector_layers: vectorLayers,
  };
}
