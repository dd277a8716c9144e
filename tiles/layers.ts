/**
 * What each tile layer is, without its SQL: name, zoom range, fields. Pure data, so the map style
 * builder (which may run in the browser) and the TileJSON route share it with the server-side
 * registry (tiles/registry.ts) without pulling SQL or database code into a client bundle.
 */

export const LAYER_NAMES = [
  "district",
  "street",
  "community",
  "xiaoqu",
  "grid",
  "building",
  "organization",
  "component",
  "basemap",
] as const;

export type LayerName = (typeof LAYER_NAMES)[number];

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
    description: `${title}边界与统计（户数、人口、流动人口、出租屋、特殊群体、楼栋）`,
    minzoom,
    maxzoom: 22,
    fields: REGION_FIELDS,
    labelLayer: `${name}_label`,
    labelFields: LABEL_FIELDS,
    regionLevel: level,
  };
}

/** The layers, in drawing order from the bottom. Zoom ranges: each level from the zoom where it reads. */
export const LAYERS: Record<LayerName, LayerMeta> = {
  basemap: {
    name: "basemap",
    title: "底图",
    description: "道路与水系（次要道路自 12 级起）",
    minzoom: 8,
    maxzoom: 22,
    fields: { kind: "String", name: "String" },
  },
  district: region("district", 0, "区", 0),
  street: region("street", 1, "大片区网格（街乡镇）", 8),
  community: region("community", 2, "社区网格", 11),
  xiaoqu: region("xiaoqu", 3, "小区网格", 13),
  grid: region("grid", 4, "基础网格", 13),
  building: {
    name: "building",
    title: "楼栋",
    description: "楼栋轮廓",
    minzoom: 14,
    maxzoom: 22,
    fields: { name: "String", address: "String", type: "String", floors: "Number", grid_id: "Number" },
  },
  organization: {
    name: "organization",
    title: "单位组织",
    description: "商铺、企业、社会组织",
    minzoom: 16,
    maxzoom: 22,
    fields: { name: "String", kind: "String" },
  },
  component: {
    name: "component",
    title: "城市部件",
    description: "消防栓、摄像头、井盖、路灯",
    minzoom: 17,
    maxzoom: 22,
    fields: { code: "String", kind: "String" },
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
