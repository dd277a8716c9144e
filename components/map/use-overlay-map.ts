"use client";

import type { Map as MapLibreMap } from "maplibre-gl";
import { useEffect, useRef, useState, type RefObject } from "react";
import { createOfflineMap } from "./create-offline-map";

/**
 * A small map on the offline style for a page that draws its own GeoJSON over it (the punch page's fences and
 * position, the patrol replay): created once in `container`, `addLayers` run when the style has loaded, and the
 * container marked for tests (`data-ready`, `data-idle`). `ready` turns true once the layers exist.
 */
export function useOverlayMap(
  containerRef: RefObject<HTMLDivElement | null>,
  bounds: readonly [number, number, number, number],
  addLayers: (map: MapLibreMap) => void,
  options: { padding: number; minZoom: number; name: string },
): { mapRef: RefObject<MapLibreMap | null>; ready: boolean } {
  const mapRef = useRef<MapLibreMap | null>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let map: MapLibreMap;
    try {
      map = createOfflineMap(container, bounds, options);
    } catch (error) {
      console.error(`[${options.name}] cannot create the map`, error);
      return;
    }
    mapRef.current = map;
    map.on("load", () => {
      addLayers(map);
      setReady(true);
      container.dataset.ready = "true";
    });
    map.on("idle", () => {
      container.dataset.idle = "true";
    });
    map.on("movestart", () => {
      container.dataset.idle = "false";
    });
    return () => {
      map.remove();
      mapRef.current = null;
    };
    // Created once per page: later bounds and layer callbacks are the page's to apply.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return { mapRef, ready };
}
