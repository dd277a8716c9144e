/**
 * What each tile layer is, without its SQL: name, zoom range, fields. Pure data, so the map style
 * builder (which may run in the browser) and the TileJSON route share it with the server-side
 * registry (tiles/registry.ts) without pulling SQL or database code into a client bundle.
 */

import { attendancePoints } from "../lib/i18n/zh-CN/attendance-points";
import { tiles as text } from "../lib/i18n/zh-CN/tiles";

export const LAYER_NAMES = [
  "district",
  "street",
  "community",
  "xiaoqu",
  "grid",
  "building",
  "organization",
  "component",
  "fence",
  "basemap",
  "case",
  "case_heat",
] as const;

export type LayerName = (typeof LAYER_NAMES)[number];

/**
 * The case layers: their SQL lives in tiles/case-tile-sql.ts (not in tiles/registry.ts), they read
 * filters from the query string, they need `case.read` instead of `map.view`, and their rows change all
 * the time (see tiles/case-tiles.ts).
 */
export const CASE_LAYER_NAMES = ["case", "case_heat"] as const;
export type CaseLayerName = (typeof CASE_LAYER_NAMES)[number];
/** The layers of the registry: one fixed statement per layer, no filters. */
export type PlainLayerName = Exclude<LayerName, CaseLayerName>;

export function isCaseLayer(layer: string): layer is CaseLayerName {
  return (CASE_LAYER_NAMES as readonly string[]).includes(layer);
}

/** The permission a layer's tiles need: cases are their own right (hr clerks see the map, not cases). */
export function tileActionOf(layer: string): "map.view" | "case.read" {
  return isCaseLayer(layer) ? "case.read" : "map.view";
}

/**
 * From this zoom the case layer sends one point per case (id = case id); below it, one point per cell of a
 * 16 × 16 grid over the tile with counts by light (see tiles/case-tile-sql.ts).
 */
export const CASE_POINTS_MINZOOM = 15;
/** The case layer's aggregate cells per tile side (a 512-px tile: cells of 32 px, room for a count label). */
export const CASE_CELLS_PER_TILE = 16;
/** Heat tiles are made up to this zoom (250 m bins are the finest there are) and overzoomed above. */
export const CASE_HEAT_MAXZOOM = 14;
/** The size of a heat bin in EPSG:3857 metres (workers/jobs/bin-case-heat.ts fills case_heat_bin). */
export const HEAT_CELL_M = 250;

/** The coarsest heat cell level kept in case_heat_total (1/32 of a tile at the layer's minzoom, z8). */
export const HEAT_MAX_LEVEL = 4;

/**
 * Heat tiles sum the bins into cells of HEAT_CELL_M × 2^level, about 1/32 of the tile (16 px on a 512-px
 * tile; the heatmap's radius is larger): 250 m from z12, 500 m at z11, 1 km at z10 … 4 km at z8. A tile then
 * carries at most about a thousand points. Every feature carries its level (`k`), so the client never mixes
 * cells of two sizes.
 */
export function heatLevelAt(z: number): number {
  // a tile is 40 075 016.69 m / 2^z wide
  const ratio = 40075016.685578488 / 2 ** z / 32 / HEAT_CELL_M;
  return Math.max(0, Math.min(HEAT_MAX_LEVEL, Math.round(Math.log2(ratio))));
}

/** TileJSON 3.0.0 `vector_layers[].fields` values: the attribute's type, as tippecanoe writes them. */
export type FieldType = "Number" | "String" | "Boolean";

export type LayerMeta = {
  name: LayerName;
  /** Chinese title for TileJSON and legends. */
  title: string;
  description: string;
  minzoom: number;
  maxzoom: number;
  /** Attributes carried by each feature (the feature id is the row id, not an attribute). */
  fields: Record<string, FieldType>;
  /**
   * Region layers also carry one label point per region in a second source-layer `<name>_label`
   * (same id, name, code, level): a polygon cut into tiles would otherwise get one label per tile piece.
   */
  labelLayer?: `${LayerName}_label`;
  labelFields?: Record<string, FieldType>;
  /** region.level of a region layer. */
  regionLevel?: 0 | 1 | 2 | 3 | 4;
};

const REGION_FIELDS: Record<string, FieldType> = {
  code: "String",
  name: "String",
  level: "Number",
  kind: "String",
  households: "Number",
  residents: "Number",
  floating: "Number",
  rented: "Number",
  special: "Number",
  buildings: "Number",
};

const LABEL_FIELDS: Record<string, FieldType> = { code: "String", name: "String", level: "Number" };

function region(name: LayerName, level: 0 | 1 | 2 | 3 | 4, title: string, minzoom: number): LayerMeta {
  return {
    name,
    title,
    description: text.regionDescription(title),
    minzoom,
    maxzoom: 22,
    fields: REGION_FIELDS,
    labelLayer: `${name}_label`,
    labelFields: LABEL_FIELDS,
    regionLevel: level,
  };
}

/** Attendance fences are drawn from this zoom (a 10 m circle is a dot below it; a 5 km one fills the screen). */
export const FENCE_MINZOOM = 11;

/** The layers, in drawing order from the bottom. Zoom ranges: each level from the zoom where it reads. */
export const LAYERS: Record<LayerName, LayerMeta> = {
  basemap: {
    name: "basemap",
    ...text.layers.basemap,
    minzoom: 8,
    maxzoom: 22,
    fields: { kind: "String", name: "String" },
  },
  district: region("district", 0, text.layers.district.title, 0),
  street: region("street", 1, text.layers.street.title, 8),
  community: region("community", 2, text.layers.community.title, 11),
  xiaoqu: region("xiaoqu", 3, text.layers.xiaoqu.title, 13),
  grid: region("grid", 4, text.layers.grid.title, 13),
  building: {
    name: "building",
    ...text.layers.building,
    minzoom: 14,
    maxzoom: 22,
    fields: { name: "String", address: "String", type: "String", floors: "Number", grid_id: "Number" },
  },
  organization: {
    name: "organization",
    ...text.layers.organization,
    minzoom: 16,
    maxzoom: 22,
    fields: { name: "String", kind: "String" },
  },
  component: {
    name: "component",
    ...text.layers.component,
    minzoom: 17,
    maxzoom: 22,
    fields: { code: "String", kind: "String" },
  },
  fence: {
    name: "fence",
    title: attendancePoints.layer.title,
    description: attendancePoints.layer.description,
    minzoom: FENCE_MINZOOM,
    maxzoom: 22,
    fields: { name: "String", shape: "String", active: "Boolean", region_id: "Number" },
    labelLayer: "fence_label",
    labelFields: { name: "String", active: "Boolean" },
  },
  case: {
    name: "case",
    title: text.layers.case.title,
    description: text.layers.case.description(CASE_POINTS_MINZOOM),
    minzoom: 8,
    maxzoom: 22,
    fields: {
      light: "String",
      state: "String",
      category_id: "Number",
      category_group: "String",
      urgency: "String",
      source: "String",
      level: "String",
      count: "Number",
      red: "Number",
      yellow: "Number",
      green: "Number",
      top_group: "String",
    },
  },
  case_heat: {
    name: "case_heat",
    ...text.layers.case_heat,
    minzoom: 8,
    maxzoom: 22,
    fields: { weight: "Number", k: "Number" },
  },
};

/** Minor roads appear from this zoom (they clutter the map and the tiles below it). */
export const BASEMAP_MINOR_ROADS_MINZOOM = 12;

export function isLayerName(value: string): value is LayerName {
  return (LAYER_NAMES as readonly string[]).includes(value);
}

/** The source-layer names a layer's tiles contain (the layer itself, plus its label layer). */
export function sourceLayersOf(layer: LayerName): string[] {
  const meta = LAYERS[layer];
  return meta.labelLayer ? [meta.name, meta.labelLayer] : [meta.name];
}
