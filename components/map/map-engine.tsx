"use client";

import { MapboxOverlay } from "@deck.gl/mapbox";
import type { LngLat, Map as MapLibreMap, MapGeoJSONFeature, PointLike } from "maplibre-gl";
import { createOfflineMap } from "./create-offline-map";
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from "react";
import type { Bounds } from "@/lib/grid/dto";
import { t } from "@/lib/i18n";
import { MAP_SELECTABLE_LAYER_IDS } from "@/tiles/style";
import { createCaseLayers, type CaseLayerProps, type CaseLayers, type CaseLayerStatus } from "./case-layers";
import { createClickQueue } from "./click-queue";
import { applyFenceLayers, fenceAt, type FenceLayerProps } from "./fence-layers";

/** What the map can select: an area of the grid tree, a building, or a case. */
export type MapSelection =
  { kind: "region"; id: number; level: number } | { kind: "building"; id: number } | { kind: "case"; id: number } | null;

/** The map engine's imperative surface, used by the page around it. */
export type MapEngineHandle = {
  /** Fits the bounds beside the panel; `minZoom` keeps a small area's level drawn and clickable. */
  fitBounds: (bounds: Bounds, options?: { maxZoom?: number; minZoom?: number; animate?: boolean; rightInset?: number }) => void;
  zoomBy: (delta: number) => void;
  getZoom: () => number;
  /** Centres a point (a case) beside the panel, at least at `minZoom`. */
  flyToPoint: (lngLat: [number, number], options?: { minZoom?: number; rightInset?: number }) => void;
  /**
   * The page is about to move the map once data arrives (a link such as /?case=12): `data-idle` turns false
   * now, so a test waiting for the map to settle does not take the first view for the final one; `settle()`
   * asks for a frame, whose `idle` turns it true again (also when no move was needed after all).
   */
  expectMove: () => void;
  settle: () => void;
};

/** Region level → source (and source-layer) name in the tile contract. */
export const REGION_SOURCES = ["district", "street", "community", "xiaoqu", "grid"] as const;

type FeatureRef = { source: string; sourceLayer: string; id: number };

function featureRefOf(selection: MapSelection): FeatureRef | null {
  if (!selection) return null;
  if (selection.kind === "building") return { source: "building", sourceLayer: "building", id: selection.id };
  if (selection.kind === "case") return { source: "case", sourceLayer: "case", id: selection.id };
  const source = REGION_SOURCES[selection.level];
  return source ? { source, sourceLayer: source, id: selection.id } : null;
}

function selectionOf(feature: MapGeoJSONFeature): MapSelection {
  const id = Number(feature.id);
  if (!Number.isFinite(id)) return null;
  if (feature.source === "building") return { kind: "building", id };
  const level = REGION_SOURCES.indexOf(feature.source as (typeof REGION_SOURCES)[number]);
  return level >= 0 ? { kind: "region", id, level } : null;
}

/**
 * deck.gl 9.4's MapboxOverlay reads `map.transform` (its height, elevation and near/far planes) to place an
 * interleaved layer; MapLibre 6 moved the transform onto its camera, so every deck layer threw during the
 * map's draw (and took the map's own layers down with it). Expose it again, read-only, where deck looks.
 */
function exposeTransformForDeck(map: MapLibreMap) {
  const withCamera = map as unknown as { transform?: unknown; _camera?: { transform?: unknown } };
  if (withCamera.transform !== undefined || !withCamera._camera) return;
  Object.defineProperty(map, "transform", { configurable: true, get: () => withCamera._camera?.transform });
}

type Props = {
  initialBounds: Bounds;
  selection: MapSelection;
  /** Space the side panel covers, so fitted areas stay visible beside it. */
  rightInset: number;
  onSelect: (selection: MapSelection) => void;
  onZoom: (zoom: number) => void;
  /** The case layers (null for a role without case.read: they stay hidden and their tiles are never asked for). */
  caseLayers?: CaseLayerProps | null;
  onCaseStatus?: (status: CaseLayerStatus) => void;
  /** The attendance fence layer (null: hidden, its tiles never asked for). */
  fences?: FenceLayerProps | null;
  /** A click on a drawn fence (the points page opens it); when given, fences answer clicks before areas. */
  onFenceClick?: (id: number) => void;
  /** False on pages that draw on the map (the fence editor): areas and buildings neither light up nor select. */
  selectRegions?: boolean;
  /**
   * Attaches a tool to the map once its style has loaded (the fence editor's draw tool); the function it
   * returns, if any, runs before the map is removed. Read once, at load.
   */
  onMapReady?: (map: MapLibreMap) => void | (() => void);
  ref?: Ref<MapEngineHandle>;
};

/**
 * The one MapLibre map of the console, created once, with its one deck.gl overlay (analytics layers
 * will be added to it). It draws the tile style from tiles/style.ts, lights hovered and selected
 * features through feature-state on their promoted ids, and reports clicks as selections.
 */
export function MapEngine({
  initialBounds,
  selection,
  rightInset,
  onSelect,
  onZoom,
  caseLayers = null,
  onCaseStatus,
  fences = null,
  onFenceClick,
  selectRegions = true,
  onMapReady,
  ref,
}: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const overlayRef = useRef<MapboxOverlay | null>(null);
  const [status, setStatus] = useState<"loading" | "ready" | "error">("loading");
  const [tileError, setTileError] = useState(false);
  const callbacks = useRef({
    onSelect,
    onZoom,
    rightInset,
    onCaseStatus,
    caseLayers,
    fences,
    onFenceClick,
    selectRegions,
    onMapReady,
  });
  callbacks.current = { onSelect, onZoom, rightInset, onCaseStatus, caseLayers, fences, onFenceClick, selectRegions, onMapReady };
  const fenceState = useRef({ selected: null as number | null, revision: 0 });
  const caseLayersRef = useRef<CaseLayers | null>(null);
  // moves the page announced (expectMove) and has not settled yet: the map is not "idle" before them
  const pendingMoves = useRef(0);
  const selectedRef = useRef<FeatureRef | null>(null);
  const pendingSelection = useRef<MapSelection>(selection);

  useImperativeHandle(ref, () => ({
    fitBounds(bounds, options = {}) {
      const map = mapRef.current;
      if (!map) return;
      const inset = options.rightInset ?? callbacks.current.rightInset;
      const box: [[number, number], [number, number]] = [
        [bounds[0], bounds[1]],
        [bounds[2], bounds[3]],
      ];
      // The zoom that fits the area beside the panel, and the area's true centre (symmetric padding).
      const fit = map.cameraForBounds(box, {
        padding: { top: 48, bottom: 48, left: 48, right: 48 + inset },
        maxZoom: options.maxZoom ?? 18,
      });
      const centre = map.cameraForBounds(box, { padding: 48, maxZoom: options.maxZoom ?? 18 });
      if (!fit || !centre?.center) return;
      const zoom = Math.max(fit.zoom ?? map.getZoom(), options.minZoom ?? 0);
      // offset: put the centre in the middle of the part of the map the panel leaves free
      const move = { center: centre.center, zoom, offset: [-inset / 2, 0] as [number, number] };
      if (options.animate === false) map.jumpTo({ center: centre.center, zoom });
      else map.easeTo({ ...move, duration: 700 });
    },
    zoomBy(delta) {
      const map = mapRef.current;
      if (map) map.easeTo({ zoom: map.getZoom() + delta, duration: 250 });
    },
    getZoom: () => mapRef.current?.getZoom() ?? 0,
    expectMove() {
      pendingMoves.current++;
      if (containerRef.current) containerRef.current.dataset.idle = "false";
    },
    settle() {
      pendingMoves.current = Math.max(0, pendingMoves.current - 1);
      mapRef.current?.triggerRepaint();
    },
    flyToPoint(lngLat, options = {}) {
      const map = mapRef.current;
      if (!map) return;
      const inset = options.rightInset ?? callbacks.current.rightInset;
      map.easeTo({ center: lngLat, zoom: Math.max(map.getZoom(), options.minZoom ?? 0), offset: [-inset / 2, 0], duration: 700 });
    },
  }));

  // Create the map once. Everything it needs later is read through refs.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let map: MapLibreMap;
    try {
      map = createOfflineMap(container, initialBounds, { padding: 40, minZoom: 7 });
    } catch (error) {
      console.error("[map] cannot create the map", error);
      // reported after this effect, like any other map event
      queueMicrotask(() => setStatus("error"));
      return;
    }
    exposeTransformForDeck(map);
    mapRef.current = map;
    // A handle for the e2e tests (project a coordinate to a pixel, list rendered labels) and for debugging.
    (window as unknown as { __gridatlasMap?: MapLibreMap }).__gridatlasMap = map;
    container.dataset.zoom = map.getZoom().toFixed(2);

    const overlay = new MapboxOverlay({ interleaved: true, layers: [] });
    overlayRef.current = overlay;

    let hovered: FeatureRef | null = null;
    const setHover = (next: FeatureRef | null) => {
      if (hovered && next && hovered.source === next.source && hovered.id === next.id) return;
      if (hovered) map.setFeatureState(hovered, { hover: false });
      hovered = next;
      if (hovered) map.setFeatureState(hovered, { hover: true });
      map.getCanvas().style.cursor = hovered ? "pointer" : "";
    };
    const hit = (point: PointLike) => {
      if (!callbacks.current.selectRegions) return undefined;
      const layers = MAP_SELECTABLE_LAYER_IDS.filter((id) => map.getLayer(id));
      return map.queryRenderedFeatures(point, { layers }).find((f) => f.id !== undefined);
    };

    let detachTool: (() => void) | void = undefined;
    map.on("load", () => {
      map.addControl(overlay);
      applyFenceLayers(map, callbacks.current.fences, fenceState.current);
      detachTool = callbacks.current.onMapReady?.(map);
      const cases = createCaseLayers(map, overlay, (status) => callbacks.current.onCaseStatus?.(status));
      caseLayersRef.current = cases;
      cases.apply(callbacks.current.caseLayers);
      setStatus("ready");
      container.dataset.ready = "true";
      applySelection(pendingSelection.current);
    });
    map.on("mousemove", (e) => {
      // single cases and case cells lie above the areas: they answer first
      const caseHit = caseLayersRef.current?.hitAt(e.point);
      if (caseHit) {
        setHover(caseHit.kind === "case" ? { source: "case", sourceLayer: "case", id: caseHit.id } : null);
        map.getCanvas().style.cursor = "pointer";
        return;
      }
      if (callbacks.current.onFenceClick) {
        const fence = fenceAt(map, e.point);
        if (fence !== null) {
          setHover({ source: "fence", sourceLayer: "fence", id: fence });
          return;
        }
      }
      const f = hit(e.point);
      setHover(f ? { source: f.source, sourceLayer: f.sourceLayer ?? f.source, id: Number(f.id) } : null);
    });
    map.on("mouseout", () => setHover(null));
    const clickAt = (point: PointLike & { x: number; y: number }) => {
      const caseHit = caseLayersRef.current?.hitAt(point);
      if (caseHit?.kind === "cell") return caseLayersRef.current!.zoomIntoCell(caseHit.lngLat);
      if (caseHit?.kind === "case") return callbacks.current.onSelect({ kind: "case", id: caseHit.id });
      const onFence = callbacks.current.onFenceClick;
      const fence = onFence ? fenceAt(map, point) : null;
      if (onFence && fence !== null) return onFence(fence);
      if (!callbacks.current.selectRegions) return;
      const f = hit(point);
      callbacks.current.onSelect(f ? selectionOf(f) : null);
    };
    // A click before the first full draw is kept and answered then (components/map/click-queue.ts).
    const clicks = createClickQueue<LngLat>();
    map.on("click", (e) => {
      if (clicks.offer(e.lngLat)) clickAt(e.point);
    });
    map.on("zoom", () => {
      container.dataset.zoom = map.getZoom().toFixed(2);
    });
    map.on("zoomend", () => callbacks.current.onZoom(map.getZoom()));
    map.on("movestart", () => {
      container.dataset.idle = "false";
    });
    map.on("idle", () => {
      const early = clicks.ready();
      if (early) clickAt(map.project(early));
      if (pendingMoves.current === 0) container.dataset.idle = "true";
    });
    map.on("error", (e) => {
      // A failing tile should not take the map down: say so once, keep drawing what loaded.
      console.error("[map]", e.error?.message ?? e);
      setTileError(true);
    });
    callbacks.current.onZoom(map.getZoom());

    return () => {
      detachTool?.();
      caseLayersRef.current?.dispose();
      caseLayersRef.current = null;
      try {
        map.removeControl(overlay);
      } catch {
        // the overlay was never added (the style never loaded)
      }
      overlay.finalize();
      map.remove();
      mapRef.current = null;
      overlayRef.current = null;
    };
    // The map is created once per mount on purpose: later bounds go through fitBounds.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function applySelection(next: MapSelection) {
    const map = mapRef.current;
    if (!map || !map.isStyleLoaded()) {
      pendingSelection.current = next;
      return;
    }
    const ref = featureRefOf(next);
    const prev = selectedRef.current;
    if (prev && (!ref || prev.source !== ref.source || prev.id !== ref.id)) map.setFeatureState(prev, { selected: false });
    if (ref) map.setFeatureState(ref, { selected: true });
    selectedRef.current = ref;
  }

  useEffect(() => {
    pendingSelection.current = selection;
    applySelection(selection);
  }, [selection]);

  // The case layers follow the page's toggles and filters (before the style loads, `load` applies them).
  useEffect(() => {
    caseLayersRef.current?.apply(caseLayers);
  }, [caseLayers]);

  // So do the fences.
  useEffect(() => {
    const map = mapRef.current;
    if (map && status === "ready") applyFenceLayers(map, fences, fenceState.current);
  }, [fences, status]);

  return (
    <div className="absolute inset-0">
      {/* maplibre-gl.css makes the container position: relative (unlayered CSS beats Tailwind's layers): size it by height, not inset. */}
      <div ref={containerRef} className="h-full w-full" data-testid="map" role="region" aria-label={t.common.productName} />
      {status === "loading" && (
        <div className="pointer-events-none absolute inset-0 grid place-items-center" data-testid="map-loading">
          <span className="rounded-full bg-white/90 px-4 py-2 text-sm text-slate-600 shadow ring-1 ring-slate-200">
            {t.map.mapLoading}
          </span>
        </div>
      )}
      {status === "error" && (
        <div className="absolute inset-0 grid place-items-center bg-slate-100" role="alert" data-testid="map-error">
          <p className="max-w-md rounded-xl bg-white p-6 text-center text-sm text-red-700 shadow ring-1 ring-red-200">
            {t.map.mapError}
          </p>
        </div>
      )}
      {tileError && status === "ready" && (
        <div
          className="absolute bottom-4 left-1/2 z-10 -translate-x-1/2 rounded-lg bg-amber-50 px-4 py-2 text-xs text-amber-800 shadow ring-1 ring-amber-200"
          role="status"
          data-testid="tile-error"
        >
          {t.map.tileError}
          <button type="button" className="ml-3 text-amber-900 underline" onClick={() => setTileError(false)}>
            {t.common.close}
          </button>
        </div>
      )}
    </div>
  );
}
