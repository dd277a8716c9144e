import type { MapboxOverlay } from "@deck.gl/mapbox";
import type { Map as MapLibreMap, PointLike, VectorTileSource } from "maplibre-gl";
import { CASE_POINTS_MINZOOM } from "@/tiles/layers";
import { MAP_CASE_CLICK_LAYER_IDS, MAP_CASE_LAYER_IDS, MAP_LAYER_IDS, caseCircleColors, type CaseColorMode } from "@/tiles/style";
import { caseHeatLayer, heatPointsOf, heatRadiusAt } from "./case-heat";

/** What the page wants the case layers to show (null props: the caller may not read cases at all). */
export type CaseLayerProps = {
  /** The 事件 layer (cells and single cases). */
  visible: boolean;
  heat: boolean;
  color: CaseColorMode;
  /** Canonical filter query strings of the two sources (components/map/case-map-state.ts). */
  casesQuery: string;
  heatQuery: string;
};

/** Loading and empty states of the case layers in the current view, for the page's status line. */
export type CaseLayerStatus = { loading: boolean; cases: number | null; heatCells: number | null };

export type CaseHit = { kind: "case"; id: number } | { kind: "cell"; lngLat: [number, number] };

/**
 * Drives the case layers of the one map: visibility, the sources' filtered tile URLs, the colouring, the
 * deck.gl heat layer in the map's MapboxOverlay (fed from the heat tiles MapLibre has loaded for the view),
 * hit-testing for clicks, and the loading/empty status. Created by the map engine once the style is loaded.
 */
export function createCaseLayers(map: MapLibreMap, overlay: MapboxOverlay, onStatus: (status: CaseLayerStatus) => void) {
  let props: CaseLayerProps | null = null;
  const applied = { casesQuery: null as string | null, heatQuery: null as string | null, color: null as CaseColorMode | null };
  let heatFrame = 0;
  let heatKey = "";
  let loading = false;

  const tilesUrl = (layer: "case" | "case_heat", query: string) =>
    `${window.location.origin}/tiles/${layer}/{z}/{x}/{y}${query ? `?${query}` : ""}`;

  function setVisible(ids: readonly string[], visible: boolean) {
    for (const id of ids) if (map.getLayer(id)) map.setLayoutProperty(id, "visibility", visible ? "visible" : "none");
  }

  /**
   * Feeds the heat layer from the loaded heat tiles. Only when something changed (the cells or the hexagon
   * size): a new layer makes the map draw again, and the map's `idle` would otherwise call this for ever.
   */
  function updateHeat() {
    heatFrame = 0;
    if (!props?.heat) {
      if (heatKey !== "") overlay.setProps({ layers: [] });
      heatKey = "";
      return;
    }
    const features = map.querySourceFeatures("case_heat", { sourceLayer: "case_heat" });
    const points = heatPointsOf(features as never, map.getZoom());
    const radius = heatRadiusAt(map.getZoom(), map.getCenter().lat);
    const key = `${props.heatQuery}|${points.length}|${points.reduce((n, p) => n + p.weight, 0)}|${Math.round(radius)}`;
    if (key === heatKey) return;
    heatKey = key;
    overlay.setProps({ layers: [caseHeatLayer(points, map.getZoom(), map.getCenter().lat)] });
    map.getContainer().dataset.heatCells = String(points.length);
  }
  const scheduleHeat = () => {
    if (!heatFrame) heatFrame = requestAnimationFrame(updateHeat);
  };

  function reportStatus() {
    const container = map.getContainer();
    let cases: number | null = null;
    if (props?.visible) {
      const layers = MAP_CASE_CLICK_LAYER_IDS.filter((id) => map.getLayer(id));
      cases = map
        .queryRenderedFeatures({ layers })
        .reduce((n, f) => n + (typeof f.properties.count === "number" ? f.properties.count : 1), 0);
    }
    const heatCells = props?.heat ? Number(container.dataset.heatCells ?? 0) : null;
    container.dataset.caseStatus = loading ? "loading" : "ready";
    container.dataset.casesInView = cases === null ? "" : String(cases);
    onStatus({ loading, cases, heatCells });
  }

  const onSourceLoading = (e: { sourceId?: string }) => {
    if ((e.sourceId === "case" && props?.visible) || (e.sourceId === "case_heat" && props?.heat)) {
      if (!loading) {
        loading = true;
        reportStatus();
      }
    }
  };
  const onSourceData = (e: { sourceId?: string; isSourceLoaded?: boolean }) => {
    if (e.sourceId === "case_heat" && e.isSourceLoaded) scheduleHeat();
  };
  const onIdle = () => {
    loading = false;
    if (props?.heat) updateHeat();
    reportStatus();
  };
  map.on("sourcedataloading", onSourceLoading);
  map.on("sourcedata", onSourceData);
  map.on("moveend", scheduleHeat);
  map.on("idle", onIdle);

  return {
    /** Applies what the page wants; cheap when nothing changed (URLs and paint are only set on a change). */
    apply(next: CaseLayerProps | null) {
      props = next;
      const container = map.getContainer();
      container.dataset.caseLayer = next?.visible ? "visible" : "hidden";
      container.dataset.heatLayer = next?.heat ? "visible" : "hidden";
      setVisible(MAP_CASE_LAYER_IDS, !!next?.visible);
      setVisible([MAP_LAYER_IDS.caseHeat.source], !!next?.heat);
      if (!next) {
        if (heatKey !== "") overlay.setProps({ layers: [] });
        heatKey = "";
        return;
      }
      if (next.casesQuery !== applied.casesQuery) {
        (map.getSource("case") as VectorTileSource | undefined)?.setTiles([tilesUrl("case", next.casesQuery)]);
        applied.casesQuery = next.casesQuery;
      }
      if (next.heatQuery !== applied.heatQuery) {
        (map.getSource("case_heat") as VectorTileSource | undefined)?.setTiles([tilesUrl("case_heat", next.heatQuery)]);
        applied.heatQuery = next.heatQuery;
      }
      if (next.color !== applied.color) {
        const colors = caseCircleColors(next.color);
        map.setPaintProperty(MAP_LAYER_IDS.case.point, "circle-color", colors.point);
        map.setPaintProperty(MAP_LAYER_IDS.case.cluster, "circle-color", colors.cluster);
        applied.color = next.color;
      }
      scheduleHeat();
    },
    /** The case layer's answer to a click or hover at a point: a single case, a cell (zoom in), or nothing. */
    hitAt(point: PointLike): CaseHit | null {
      if (!props?.visible) return null;
      const layers = MAP_CASE_CLICK_LAYER_IDS.filter((id) => map.getLayer(id));
      const f = map.queryRenderedFeatures(point, { layers })[0];
      if (!f) return null;
      if (typeof f.properties.count === "number") {
        const [lon, lat] = (f.geometry as unknown as { coordinates: [number, number] }).coordinates;
        return { kind: "cell", lngLat: [lon, lat] };
      }
      const id = Number(f.id);
      return Number.isFinite(id) ? { kind: "case", id } : null;
    },
    /** Zooms into a cell far enough to split it (single cases from CASE_POINTS_MINZOOM). */
    zoomIntoCell(lngLat: [number, number]) {
      map.easeTo({ center: lngLat, zoom: Math.min(Math.max(map.getZoom() + 2, 12), CASE_POINTS_MINZOOM + 0.5), duration: 600 });
    },
    dispose() {
      if (heatFrame) cancelAnimationFrame(heatFrame);
      map.off("sourcedataloading", onSourceLoading);
      map.off("sourcedata", onSourceData);
      map.off("moveend", scheduleHeat);
      map.off("idle", onIdle);
    },
  };
}

export type CaseLayers = ReturnType<typeof createCaseLayers>;
