import { HexagonLayer } from "@deck.gl/aggregation-layers";
import { CASE_HEAT_MAXZOOM, HEAT_CELL_M, heatLevelAt } from "@/tiles/layers";
import { MAP_LAYER_IDS } from "@/tiles/style";

/** A heat cell as the deck.gl layer reads it: its centre and the number of cases binned there. */
export type HeatPoint = { position: [number, number]; weight: number };

type SourceFeature = {
  id?: string | number;
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates?: unknown };
};

/**
 * The heat points of the loaded `case_heat` tiles. MapLibre fetches the tiles in view (an invisible layer
 * reads the source) and `querySourceFeatures` returns every loaded tile's features, so a cell may come twice
 * (a tile and its parent during a zoom) and cells of two sizes may be present: keep the size of the current
 * zoom (or, while its tiles are loading, the best-covered size), each cell once by its feature id.
 */
export function heatPointsOf(features: readonly SourceFeature[], zoom: number): HeatPoint[] {
  const wanted = heatLevelAt(Math.min(Math.floor(zoom), CASE_HEAT_MAXZOOM));
  const byLevel = new Map<number, Map<string | number, HeatPoint>>();
  for (const f of features) {
    if (f.geometry.type !== "Point" || f.id === undefined) continue;
    const k = Number(f.properties.k);
    const weight = Number(f.properties.weight);
    if (!Number.isFinite(k) || !(weight > 0)) continue;
    let cells = byLevel.get(k);
    if (!cells) byLevel.set(k, (cells = new Map()));
    cells.set(f.id, { position: f.geometry.coordinates as [number, number], weight });
  }
  let level = byLevel.has(wanted) ? wanted : -1;
  if (level < 0) for (const [k, cells] of byLevel) if (level < 0 || cells.size > byLevel.get(level)!.size) level = k;
  return level < 0 ? [] : [...byLevel.get(level)!.values()];
}

/** Low → high density: pale yellow to deep red, readable over the light basemap. */
export const HEAT_COLOR_RANGE: [number, number, number][] = [
  [255, 255, 178],
  [254, 217, 118],
  [254, 178, 76],
  [253, 141, 60],
  [240, 59, 32],
  [189, 0, 38],
];

export const HEAT_LAYER_ID = "case-heat";

/** Hexagons are at least this many screen pixels across (radius), so the heat reads as areas, not specks. */
const MIN_RADIUS_PX = 12;

/**
 * The radius (metres) of the heat hexagons at a zoom: at least the heat cell the tiles send at that zoom
 * (so every hexagon gathers whole cells), and at least MIN_RADIUS_PX on screen.
 */
export function heatRadiusAt(zoom: number, latitude: number): number {
  const metresPerPixel = (40075016.685578488 * Math.cos((latitude * Math.PI) / 180)) / (512 * 2 ** zoom);
  const cell = HEAT_CELL_M * 2 ** heatLevelAt(Math.min(Math.floor(zoom), CASE_HEAT_MAXZOOM));
  return Math.max(cell, MIN_RADIUS_PX * metresPerPixel);
}

/**
 * The case heat as a deck.gl HexagonLayer in the map's one MapboxOverlay, under the area boundaries and the
 * case circles (so both stay readable and single cases clickable above it): flat hexagons coloured by the number of cases binned inside, aggregated
 * on the CPU from the heat tiles' cell centres.
 *
 * Why not HeatmapLayer: since deck.gl 9.1 it renders wrongly in an interleaved MapboxOverlay (visgl/deck.gl
 * #9452, #9682), and with MapLibre 6 it even threw during the draw and took the map's own layers down with it.
 * The hexagons' GPU aggregation shares that path, so they aggregate on the CPU (a few thousand cells at most).
 */
export function caseHeatLayer(points: HeatPoint[], zoom: number, latitude: number) {
  return new HexagonLayer<HeatPoint>({
    id: HEAT_LAYER_ID,
    data: points,
    getPosition: (d) => d.position,
    getColorWeight: (d) => d.weight,
    colorAggregation: "SUM",
    getElevationWeight: (d) => d.weight,
    elevationAggregation: "SUM",
    gpuAggregation: false,
    extruded: false,
    radius: heatRadiusAt(zoom, latitude),
    coverage: 0.92,
    colorRange: HEAT_COLOR_RANGE,
    // many cells hold one or two cases, a few hundreds: quantiles keep the ramp readable
    colorScaleType: "quantile",
    opacity: 0.55,
    pickable: false,
    // interleaved with MapLibre: under the grid boundaries (the lowest line layer) and the case circles
    beforeId: MAP_LAYER_IDS.grid.line,
  } as ConstructorParameters<typeof HexagonLayer<HeatPoint>>[0] & { beforeId: string });
}
