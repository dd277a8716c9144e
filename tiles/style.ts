import type { ExpressionSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from "maplibre-gl";
import { BASEMAP_MINOR_ROADS_MINZOOM, CASE_HEAT_MAXZOOM, CASE_POINTS_MINZOOM, LAYERS, type LayerName } from "./layers";
import { tiles } from "../lib/i18n/zh-CN/tiles";

/**
 * The map style: a light government-dashboard look over the project's own vector tiles, usable with
 * no internet at all — no `glyphs` (MapLibre ≥ 5.11 draws text with local fonts through TinySDF, and
 * `text-font` is then a list of local font names) and no `sprite` (points are circles, not icons).
 *
 * Interaction contract with the map engine (components/map):
 * - every source id is the layer name; every feature id is the row id;
 * - feature-state `hover` and `selected` (booleans) on a region, building, organisation or component
 *   light up its `highlight` layer and deepen its fill;
 * - `MAP_LAYER_IDS[layer].fill` (or `.circle`) are the layers to query for hover and click;
 * - an optional basemap goes under everything: an XYZ raster template, or a `pmtiles://…` raster
 *   archive — for pmtiles the client must first register the protocol, e.g.
 *   `maplibregl.addProtocol("pmtiles", new Protocol().tile)` from the `pmtiles` package.
 */

/** Local font names, first match wins per character; Noto Sans CJK SC is what the Debian set-up installs. */
export const MAP_TEXT_FONT = ["Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "sans-serif"];

type RegionLayer = "district" | "street" | "community" | "xiaoqu" | "grid";
const REGION_LAYERS: RegionLayer[] = ["district", "street", "community", "xiaoqu", "grid"];

const regionIds = <L extends RegionLayer>(l: L) =>
  ({ fill: `${l}-fill`, line: `${l}-line`, highlight: `${l}-highlight`, label: `${l}-label` }) as const;

/** Layer ids, by source-layer: the map engine's only handle on the style. */
export const MAP_LAYER_IDS = {
  background: "background",
  basemapRaster: "basemap-raster",
  basemap: {
    water: "basemap-water",
    river: "basemap-river",
    roadMinorCasing: "basemap-road-minor-casing",
    roadMinor: "basemap-road-minor",
    roadMajorCasing: "basemap-road-major-casing",
    roadMajor: "basemap-road-major",
    roadLabel: "basemap-road-label",
    waterLabel: "basemap-water-label",
  },
  district: regionIds("district"),
  street: regionIds("street"),
  community: regionIds("community"),
  xiaoqu: regionIds("xiaoqu"),
  grid: regionIds("grid"),
  building: { fill: "building-fill", line: "building-line", highlight: "building-highlight", label: "building-label" },
  organization: { circle: "organization-circle", highlight: "organization-highlight", label: "organization-label" },
  component: { circle: "component-circle", highlight: "component-highlight" },
  fence: { fill: "fence-fill", line: "fence-line", highlight: "fence-highlight", label: "fence-label" },
  case: { cluster: "case-cluster", clusterLabel: "case-cluster-label", point: "case-point", highlight: "case-highlight" },
  caseHeat: { source: "case-heat-source" },
} as const;

/**
 * The case layers, all hidden in the style: the map engine shows them for roles with case.read when the
 * 事件 / 热力 toggles are on, and points their sources at the filtered tile URL. (A hidden layer's tiles are
 * never fetched, so a role without case.read never asks for them.)
 */
export const MAP_CASE_LAYER_IDS: string[] = [
  MAP_LAYER_IDS.case.cluster,
  MAP_LAYER_IDS.case.point,
  MAP_LAYER_IDS.case.highlight,
  MAP_LAYER_IDS.case.clusterLabel,
];
/** The case layers a click can hit, topmost first: single cases, then cells (a click on a cell zooms in). */
export const MAP_CASE_CLICK_LAYER_IDS: string[] = [MAP_LAYER_IDS.case.point, MAP_LAYER_IDS.case.cluster];

/**
 * The attendance fence layers, hidden in the style: the console map shows them when the 考勤围栏 toggle is on
 * (active fences only), the attendance points page always (inactive ones grey and dashed).
 */
export const MAP_FENCE_LAYER_IDS: string[] = [
  MAP_LAYER_IDS.fence.fill,
  MAP_LAYER_IDS.fence.line,
  MAP_LAYER_IDS.fence.highlight,
  MAP_LAYER_IDS.fence.label,
];

export const FENCE_COLORS = { line: "#059669", fill: "#10b981", label: "#065f46", inactive: "#94a3b8" } as const;

/** The layers whose features can be selected (buildings and the region levels), topmost first. */
export const MAP_SELECTABLE_LAYER_IDS: string[] = [
  MAP_LAYER_IDS.building.fill,
  MAP_LAYER_IDS.grid.fill,
  MAP_LAYER_IDS.xiaoqu.fill,
  MAP_LAYER_IDS.community.fill,
  MAP_LAYER_IDS.street.fill,
  MAP_LAYER_IDS.district.fill,
];

/** The layers to query for hover and click, topmost first: the points, then the selectable layers. */
export const MAP_INTERACTIVE_LAYER_IDS: string[] = [
  MAP_LAYER_IDS.component.circle,
  MAP_LAYER_IDS.organization.circle,
  ...MAP_SELECTABLE_LAYER_IDS,
];

/**
 * The zooms at which each region level is the "active" one: its fill (the hover/click target) and its
 * label show only there, so at any zoom exactly one level answers a click; boundaries stay on above it.
 */
export const REGION_ACTIVE_ZOOMS: Record<RegionLayer, { from: number; to: number; labelFrom: number; labelTo: number }> = {
  district: { from: 0, to: 8, labelFrom: 6, labelTo: 9 },
  street: { from: 8, to: 11, labelFrom: 9, labelTo: 12 },
  community: { from: 11, to: 13, labelFrom: 12, labelTo: 14 },
  xiaoqu: { from: 13, to: 14.5, labelFrom: 14, labelTo: 15 },
  grid: { from: 14.5, to: 24, labelFrom: 15, labelTo: 24 },
};

/**
 * Tiles are requested up to this zoom and overzoomed above it: at z16 one extent unit is 0.15 m,
 * finer than any screen shows at z22, and the browser fetches far fewer tiles while zooming in.
 */
export const STYLE_SOURCE_MAXZOOM: Partial<Record<LayerName, number>> = { component: 17, case_heat: CASE_HEAT_MAXZOOM };
const DEFAULT_SOURCE_MAXZOOM = 16;

/** A distinct colour and width per grid level, from the district (heaviest) to the basic grid. */
export const REGION_COLORS: Record<RegionLayer, { line: string; fill: string; width: number; label: string; labelSize: number }> =
  {
    district: { line: "#1e3a5f", fill: "#dbe4ee", width: 3, label: "#1e3a5f", labelSize: 18 },
    street: { line: "#c2410c", fill: "#fde7d9", width: 2.2, label: "#9a3412", labelSize: 15 },
    community: { line: "#7c3aed", fill: "#ede5fb", width: 1.6, label: "#5b21b6", labelSize: 13 },
    xiaoqu: { line: "#0f766e", fill: "#d9f0ed", width: 1.2, label: "#115e59", labelSize: 12 },
    grid: { line: "#2563eb", fill: "#dde8fb", width: 0.9, label: "#1e40af", labelSize: 12 },
  };

export const ORGANIZATION_COLORS = { shop: "#f97316", enterprise: "#2563eb", social: "#16a34a" } as const;

/** The traffic light of an open case; a case without a light (closed, or its clock stopped: 挂账) is grey. */
export const CASE_LIGHT_COLORS = { red: "#dc2626", yellow: "#f59e0b", green: "#16a34a" } as const;
export const CASE_CLOSED_COLOR = "#94a3b8";
/** Category groups, kept apart from the light colours so the two colourings cannot be confused. */
export const CASE_GROUP_COLORS = {
  dispute: "#8b5cf6",
  hazard: "#ea580c",
  component: "#0ea5e9",
  event: "#db2777",
  hotline: "#0d9488",
} as const;

export type CaseColorMode = "light" | "category";

/**
 * The circle colour of case points and cells for a colouring mode. Cells by light take the worst light
 * among their cases (red before yellow before green; grey when all are closed); by category, the most
 * frequent group. The map engine swaps these with setPaintProperty when the user switches.
 */
export function caseCircleColors(mode: CaseColorMode): { point: ExpressionSpecification; cluster: ExpressionSpecification } {
  if (mode === "category") {
    const match = (prop: string) =>
      [
        "match",
        ["coalesce", ["get", prop], ""],
        ...Object.entries(CASE_GROUP_COLORS).flat(),
        CASE_CLOSED_COLOR,
      ] as unknown as ExpressionSpecification;
    return { point: match("category_group"), cluster: match("top_group") };
  }
  const c = CASE_LIGHT_COLORS;
  return {
    point: [
      "match",
      ["coalesce", ["get", "light"], "none"],
      "red",
      c.red,
      "yellow",
      c.yellow,
      "green",
      c.green,
      CASE_CLOSED_COLOR,
    ],
    cluster: [
      "case",
      [">", ["get", "red"], 0],
      c.red,
      [">", ["get", "yellow"], 0],
      c.yellow,
      [">", ["get", "green"], 0],
      c.green,
      CASE_CLOSED_COLOR,
    ],
  };
}
export const COMPONENT_COLORS = { hydrant: "#dc2626", camera: "#7c3aed", manhole: "#57534e", lamp: "#ca8a04" } as const;

const PALETTE = {
  background: "#f4f5f2",
  water: "#b9d8ea",
  waterLine: "#8fbfdc",
  waterLabel: "#3b76a0",
  road: "#ffffff",
  roadCasing: "#d3d6db",
  roadMajorCasing: "#c4c8cf",
  roadLabel: "#6b7280",
  building: "#e4e1dc",
  buildingLine: "#9a948c",
  highlight: "#f59e0b",
  selected: "#dc2626",
  halo: "#ffffff",
};

const hover: ExpressionSpecification = ["boolean", ["feature-state", "hover"], false];
const selected: ExpressionSpecification = ["boolean", ["feature-state", "selected"], false];

function kindColor(colors: Record<string, string>, fallback: string): ExpressionSpecification {
  return ["match", ["get", "kind"], ...Object.entries(colors).flat(), fallback] as unknown as ExpressionSpecification;
}

export type BuildMapStyleOptions = {
  /** Origin serving /tiles, e.g. "http://localhost:3000" (no trailing slash). */
  origin: string;
  /** Optional basemap under everything: an XYZ raster URL template ({z}/{x}/{y}) or pmtiles://… */
  basemapUrl?: string | null;
  /** Attribution shown for the optional basemap. */
  basemapAttribution?: string;
};

/** Builds the complete MapLibre style (sources on `origin`), with no glyph, sprite or other internet URL. */
export function buildMapStyle({ origin, basemapUrl, basemapAttribution }: BuildMapStyleOptions): StyleSpecification {
  const base = origin.replace(/\/+$/, "");
  const sources: Record<string, SourceSpecification> = {};
  for (const meta of Object.values(LAYERS)) {
    sources[meta.name] = {
      type: "vector",
      tiles: [`${base}/tiles/${meta.name}/{z}/{x}/{y}`],
      minzoom: meta.minzoom,
      maxzoom: Math.min(meta.maxzoom, STYLE_SOURCE_MAXZOOM[meta.name] ?? DEFAULT_SOURCE_MAXZOOM),
    };
  }

  const layers: LayerSpecification[] = [
    { id: MAP_LAYER_IDS.background, type: "background", paint: { "background-color": PALETTE.background } },
  ];

  if (basemapUrl) {
    sources.basemapRaster = basemapUrl.startsWith("pmtiles://")
      ? { type: "raster", url: basemapUrl, tileSize: 256, attribution: basemapAttribution }
      : { type: "raster", tiles: [basemapUrl], tileSize: 256, maxzoom: 19, attribution: basemapAttribution };
    layers.push({ id: MAP_LAYER_IDS.basemapRaster, type: "raster", source: "basemapRaster", paint: { "raster-opacity": 0.85 } });
  }

  layers.push(
    ...basemapLayers(),
    ...regionFillLayers(),
    ...buildingLayers(),
    ...regionLineLayers(),
    ...pointLayers(),
    ...fenceLayers(),
    ...caseLayers(),
    ...labelLayers(),
    caseClusterLabelLayer(),
  );
  return {
    version: 8,
    name: tiles.styleName,
    metadata: { "gridatlas:style": "light" },
    sources,
    layers,
  };
}

function basemapLayers(): LayerSpecification[] {
  const ids = MAP_LAYER_IDS.basemap;
  const isRoad = (kind: string): ExpressionSpecification => ["==", ["get", "kind"], kind];
  const width = (base: number): ExpressionSpecification => [
    "interpolate",
    ["exponential", 1.6],
    ["zoom"],
    10,
    base * 0.4,
    14,
    base * 1.5,
    18,
    base * 8,
  ];
  return [
    {
      id: ids.water,
      type: "fill",
      source: "basemap",
      "source-layer": "basemap",
      filter: ["all", ["==", ["geometry-type"], "Polygon"], ["in", ["get", "kind"], ["literal", ["lake", "river"]]]],
      paint: { "fill-color": PALETTE.water },
    },
    {
      id: ids.river,
      type: "line",
      source: "basemap",
      "source-layer": "basemap",
      filter: ["all", ["==", ["geometry-type"], "LineString"], ["==", ["get", "kind"], "river"]],
      paint: { "line-color": PALETTE.waterLine, "line-width": width(2.5) },
      layout: { "line-cap": "round", "line-join": "round" },
    },
    {
      id: ids.roadMinorCasing,
      type: "line",
      source: "basemap",
      "source-layer": "basemap",
      minzoom: BASEMAP_MINOR_ROADS_MINZOOM,
      filter: isRoad("road_minor"),
      paint: { "line-color": PALETTE.roadCasing, "line-width": width(1.6) },
      layout: { "line-cap": "round", "line-join": "round" },
    },
    {
      id: ids.roadMinor,
      type: "line",
      source: "basemap",
      "source-layer": "basemap",
      minzoom: BASEMAP_MINOR_ROADS_MINZOOM,
      filter: isRoad("road_minor"),
      paint: { "line-color": PALETTE.road, "line-width": width(1.1) },
      layout: { "line-cap": "round", "line-join": "round" },
    },
    {
      id: ids.roadMajorCasing,
      type: "line",
      source: "basemap",
      "source-layer": "basemap",
      filter: isRoad("road_major"),
      paint: { "line-color": PALETTE.roadMajorCasing, "line-width": width(3) },
      layout: { "line-cap": "round", "line-join": "round" },
    },
    {
      id: ids.roadMajor,
      type: "line",
      source: "basemap",
      "source-layer": "basemap",
      filter: isRoad("road_major"),
      paint: { "line-color": PALETTE.road, "line-width": width(2.2) },
      layout: { "line-cap": "round", "line-join": "round" },
    },
  ];
}

function regionFillLayers(): LayerSpecification[] {
  return REGION_LAYERS.map((l): LayerSpecification => {
    const c = REGION_COLORS[l];
    const z = REGION_ACTIVE_ZOOMS[l];
    return {
      id: MAP_LAYER_IDS[l].fill,
      type: "fill",
      source: l,
      "source-layer": l,
      minzoom: Math.max(z.from, LAYERS[l].minzoom),
      maxzoom: z.to,
      paint: {
        "fill-color": ["case", selected, PALETTE.highlight, c.fill],
        "fill-opacity": ["case", selected, 0.35, hover, 0.45, 0.18],
      },
    };
  });
}

function regionLineLayers(): LayerSpecification[] {
  // Lower levels first so the heavier boundaries of higher levels draw on top of them.
  const order: RegionLayer[] = ["grid", "xiaoqu", "community", "street", "district"];
  const out: LayerSpecification[] = [];
  for (const l of order) {
    const c = REGION_COLORS[l];
    const minzoom = LAYERS[l].minzoom;
    out.push({
      id: MAP_LAYER_IDS[l].line,
      type: "line",
      source: l,
      "source-layer": l,
      minzoom,
      paint: {
        "line-color": c.line,
        "line-width": ["interpolate", ["linear"], ["zoom"], minzoom, c.width * 0.6, minzoom + 4, c.width * 1.4],
        "line-opacity": 0.85,
        ...(l === "xiaoqu" ? { "line-dasharray": [3, 2] } : {}),
      },
      layout: { "line-join": "round" },
    });
  }
  for (const l of REGION_LAYERS) {
    const z = REGION_ACTIVE_ZOOMS[l];
    out.push({
      id: MAP_LAYER_IDS[l].highlight,
      type: "line",
      source: l,
      "source-layer": l,
      minzoom: Math.max(z.from, LAYERS[l].minzoom),
      paint: {
        "line-color": ["case", selected, PALETTE.selected, PALETTE.highlight],
        "line-width": ["case", selected, REGION_COLORS[l].width + 2.5, hover, REGION_COLORS[l].width + 1.5, 0],
        "line-opacity": ["case", ["any", selected, hover], 1, 0],
      },
      layout: { "line-join": "round" },
    });
  }
  return out;
}

function buildingLayers(): LayerSpecification[] {
  const ids = MAP_LAYER_IDS.building;
  return [
    {
      id: ids.fill,
      type: "fill",
      source: "building",
      "source-layer": "building",
      minzoom: LAYERS.building.minzoom,
      paint: {
        "fill-color": ["case", selected, PALETTE.highlight, hover, "#fcd9a0", PALETTE.building],
        "fill-opacity": ["interpolate", ["linear"], ["zoom"], 14, 0.6, 16, 0.95],
      },
    },
    {
      id: ids.line,
      type: "line",
      source: "building",
      "source-layer": "building",
      minzoom: 15,
      paint: { "line-color": PALETTE.buildingLine, "line-width": ["interpolate", ["linear"], ["zoom"], 15, 0.5, 18, 1.2] },
    },
    {
      id: ids.highlight,
      type: "line",
      source: "building",
      "source-layer": "building",
      minzoom: LAYERS.building.minzoom,
      paint: {
        "line-color": ["case", selected, PALETTE.selected, PALETTE.highlight],
        "line-width": ["case", selected, 3, hover, 2, 0],
        "line-opacity": ["case", ["any", selected, hover], 1, 0],
      },
    },
  ];
}

function pointLayers(): LayerSpecification[] {
  const circle = (
    layer: "organization" | "component",
    colors: Record<string, string>,
    radius: [number, number],
  ): LayerSpecification[] => [
    {
      id: MAP_LAYER_IDS[layer].circle,
      type: "circle",
      source: layer,
      "source-layer": layer,
      minzoom: LAYERS[layer].minzoom,
      paint: {
        "circle-color": kindColor(colors, "#6b7280"),
        "circle-radius": ["interpolate", ["linear"], ["zoom"], LAYERS[layer].minzoom, radius[0], 20, radius[1]],
        "circle-stroke-color": "#ffffff",
        "circle-stroke-width": 1.2,
      },
    },
    {
      id: MAP_LAYER_IDS[layer].highlight,
      type: "circle",
      source: layer,
      "source-layer": layer,
      minzoom: LAYERS[layer].minzoom,
      paint: {
        "circle-color": "rgba(0,0,0,0)",
        "circle-radius": ["+", radius[1], 3],
        "circle-stroke-color": ["case", selected, PALETTE.selected, PALETTE.highlight],
        "circle-stroke-width": ["case", ["any", selected, hover], 2.5, 0],
      },
    },
  ];
  return [...circle("organization", ORGANIZATION_COLORS, [3, 7]), ...circle("component", COMPONENT_COLORS, [2.5, 5])];
}

const hidden = { visibility: "none" } as const;

/** Attendance fences: a light fill, a solid outline (dashed grey when inactive), a selection ring and the name. */
function fenceLayers(): LayerSpecification[] {
  const ids = MAP_LAYER_IDS.fence;
  const active: ExpressionSpecification = ["boolean", ["get", "active"], true];
  const minzoom = LAYERS.fence.minzoom;
  return [
    {
      id: ids.fill,
      type: "fill",
      source: "fence",
      "source-layer": "fence",
      minzoom,
      layout: hidden,
      paint: {
        "fill-color": ["case", active, FENCE_COLORS.fill, FENCE_COLORS.inactive],
        "fill-opacity": ["case", selected, 0.38, hover, 0.3, 0.2],
      },
    },
    {
      id: ids.line,
      type: "line",
      source: "fence",
      "source-layer": "fence",
      minzoom,
      layout: { ...hidden, "line-join": "round" },
      paint: {
        "line-color": ["case", active, FENCE_COLORS.line, FENCE_COLORS.inactive],
        "line-width": ["interpolate", ["linear"], ["zoom"], minzoom, 1.2, 17, 2.5],
      },
    },
    {
      id: ids.highlight,
      type: "line",
      source: "fence",
      "source-layer": "fence",
      minzoom,
      layout: { ...hidden, "line-join": "round" },
      paint: {
        "line-color": ["case", selected, PALETTE.selected, PALETTE.highlight],
        "line-width": ["case", selected, 4, hover, 3, 0],
        "line-opacity": ["case", ["any", selected, hover], 1, 0],
      },
    },
    {
      id: ids.label,
      type: "symbol",
      source: "fence",
      "source-layer": "fence_label",
      minzoom: 14,
      layout: { ...hidden, "text-field": ["get", "name"], "text-font": MAP_TEXT_FONT, "text-size": 11, "text-max-width": 8 },
      paint: {
        "text-color": ["case", active, FENCE_COLORS.label, "#64748b"],
        "text-halo-color": PALETTE.halo,
        "text-halo-width": 1.4,
      },
    },
  ];
}
const isCell: ExpressionSpecification = ["has", "count"];

/**
 * Case cells (below CASE_POINTS_MINZOOM: circles sized by count) and single cases (from it: small circles,
 * red drawn over yellow over green), a selection/hover ring on single cases, and an invisible circle layer
 * on the heat source: it only makes MapLibre fetch the heat tiles in view, which the deck.gl HeatmapLayer
 * then reads with querySourceFeatures.
 */
function caseLayers(): LayerSpecification[] {
  const ids = MAP_LAYER_IDS.case;
  const colors = caseCircleColors("light");
  return [
    {
      id: ids.cluster,
      type: "circle",
      source: "case",
      "source-layer": "case",
      maxzoom: CASE_POINTS_MINZOOM,
      filter: isCell,
      layout: hidden,
      paint: {
        "circle-color": colors.cluster,
        "circle-opacity": 0.85,
        "circle-radius": ["interpolate", ["linear"], ["get", "count"], 1, 7, 10, 10, 100, 13, 1000, 17, 10000, 21],
        "circle-stroke-color": "#ffffff",
        "circle-stroke-width": 1.5,
      },
    },
    {
      id: ids.point,
      type: "circle",
      source: "case",
      "source-layer": "case",
      minzoom: CASE_POINTS_MINZOOM,
      filter: ["!", isCell],
      layout: {
        ...hidden,
        "circle-sort-key": ["match", ["coalesce", ["get", "light"], "none"], "red", 3, "yellow", 2, "green", 1, 0],
      },
      paint: {
        "circle-color": colors.point,
        "circle-radius": ["interpolate", ["linear"], ["zoom"], CASE_POINTS_MINZOOM, 5.5, 18, 9],
        "circle-stroke-color": "#ffffff",
        "circle-stroke-width": 1.5,
      },
    },
    {
      id: ids.highlight,
      type: "circle",
      source: "case",
      "source-layer": "case",
      minzoom: CASE_POINTS_MINZOOM,
      filter: ["!", isCell],
      layout: hidden,
      paint: {
        "circle-color": "rgba(0,0,0,0)",
        "circle-radius": ["interpolate", ["linear"], ["zoom"], CASE_POINTS_MINZOOM, 8.5, 18, 12],
        "circle-stroke-color": ["case", selected, PALETTE.selected, "#0f172a"],
        "circle-stroke-width": ["case", selected, 3, hover, 2, 0],
      },
    },
    {
      id: MAP_LAYER_IDS.caseHeat.source,
      type: "circle",
      source: "case_heat",
      "source-layer": "case_heat",
      layout: hidden,
      paint: { "circle-opacity": 0, "circle-stroke-opacity": 0, "circle-radius": 1 },
    },
  ];
}

/** Counts on the case cells, above every other label so they stay readable. */
function caseClusterLabelLayer(): LayerSpecification {
  const count: ExpressionSpecification = ["get", "count"];
  return {
    id: MAP_LAYER_IDS.case.clusterLabel,
    type: "symbol",
    source: "case",
    "source-layer": "case",
    maxzoom: CASE_POINTS_MINZOOM,
    filter: isCell,
    layout: {
      ...hidden,
      // 12,345 → "1.2万": four digits at most on a 32-px cell
      "text-field": [
        "case",
        [">=", count, 10000],
        ["concat", ["to-string", ["/", ["round", ["/", count, 1000]], 10]], tiles.tenThousand],
        ["to-string", count],
      ],
      "text-font": MAP_TEXT_FONT,
      "text-size": 11,
      "text-allow-overlap": true,
      "text-ignore-placement": true,
    },
    paint: { "text-color": "#ffffff", "text-halo-color": "rgba(15,23,42,0.55)", "text-halo-width": 1.2 },
  };
}

function labelLayers(): LayerSpecification[] {
  const out: LayerSpecification[] = [];
  const haloed = { "text-halo-color": PALETTE.halo, "text-halo-width": 1.4, "text-halo-blur": 0.5 };
  out.push(
    {
      id: MAP_LAYER_IDS.basemap.roadLabel,
      type: "symbol",
      source: "basemap",
      "source-layer": "basemap",
      minzoom: 13,
      filter: ["all", ["in", ["get", "kind"], ["literal", ["road_major", "road_minor"]]], ["has", "name"]],
      layout: {
        "symbol-placement": "line",
        "text-field": ["get", "name"],
        "text-font": MAP_TEXT_FONT,
        "text-size": 11,
        "symbol-spacing": 400,
      },
      paint: { "text-color": PALETTE.roadLabel, ...haloed },
    },
    {
      id: MAP_LAYER_IDS.basemap.waterLabel,
      type: "symbol",
      source: "basemap",
      "source-layer": "basemap",
      minzoom: 12,
      filter: ["all", ["in", ["get", "kind"], ["literal", ["lake", "river"]]], ["has", "name"]],
      layout: { "text-field": ["get", "name"], "text-font": MAP_TEXT_FONT, "text-size": 11 },
      paint: { "text-color": PALETTE.waterLabel, ...haloed },
    },
  );
  for (const l of REGION_LAYERS) {
    const z = REGION_ACTIVE_ZOOMS[l];
    const c = REGION_COLORS[l];
    out.push({
      id: MAP_LAYER_IDS[l].label,
      type: "symbol",
      source: l,
      "source-layer": `${l}_label`,
      minzoom: Math.max(z.labelFrom, LAYERS[l].minzoom),
      maxzoom: z.labelTo,
      layout: {
        "text-field": ["get", "name"],
        "text-font": MAP_TEXT_FONT,
        "text-size": c.labelSize,
        "text-max-width": 10,
        "text-padding": 4,
        "symbol-sort-key": ["get", "level"],
      },
      paint: { "text-color": c.label, ...haloed },
    });
  }
  out.push(
    {
      id: MAP_LAYER_IDS.building.label,
      type: "symbol",
      source: "building",
      "source-layer": "building",
      minzoom: 17,
      layout: { "text-field": ["get", "name"], "text-font": MAP_TEXT_FONT, "text-size": 10, "text-max-width": 6 },
      paint: { "text-color": "#44403c", ...haloed },
    },
    {
      id: MAP_LAYER_IDS.organization.label,
      type: "symbol",
      source: "organization",
      "source-layer": "organization",
      minzoom: 18,
      layout: {
        "text-field": ["get", "name"],
        "text-font": MAP_TEXT_FONT,
        "text-size": 10,
        "text-offset": [0, 1.1],
        "text-anchor": "top",
        "text-optional": true,
      },
      paint: { "text-color": "#57534e", ...haloed },
    },
  );
  return out;
}
