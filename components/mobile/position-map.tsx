"use client";

import { Marker, type Map as MapLibreMap } from "maplibre-gl";
import { createOfflineMap } from "@/components/map/create-offline-map";
import { useEffect, useRef, useState } from "react";
import type { Bounds } from "@/lib/grid/dto";
import { caseIntake } from "@/lib/i18n/zh-CN/case-intake";

type Props = {
  /** The caller's area: where the map opens when there is no position yet. */
  areaBounds: Bounds;
  position: { lon: number; lat: number } | null;
  /** Taps on the map set the position (always on while there is none). */
  picking: boolean;
  onPick: (lon: number, lat: number) => void;
};

const PIN_ZOOM = 17;

/**
 * The small map of the report form: the project's own offline style (grids, buildings, roads from our tiles;
 * no internet tiles), the caller's area on open, and one draggable pin at the position. Dragging the pin or
 * tapping the map (in pick mode) moves it; a position set from outside (GPS, typed coordinates) moves the pin
 * and the camera.
 */
export function PositionMap({ areaBounds, position, picking, onPick }: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const markerRef = useRef<Marker | null>(null);
  const callbacks = useRef({ onPick, picking });
  useEffect(() => {
    callbacks.current = { onPick, picking };
  });
  const [status, setStatus] = useState<"loading" | "ready" | "error">("loading");

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let map: MapLibreMap;
    try {
      map = createOfflineMap(container, areaBounds, { padding: 24, minZoom: 9 });
    } catch (error) {
      console.error("[report-map] cannot create the map", error);
      queueMicrotask(() => setStatus("error"));
      return;
    }
    mapRef.current = map;
    // The e2e drivers project coordinates through the page's map, as on the console.
    (window as unknown as { __gridatlasMap?: MapLibreMap }).__gridatlasMap = map;
    map.on("load", () => {
      setStatus("ready");
      container.dataset.ready = "true";
    });
    map.on("movestart", () => {
      container.dataset.idle = "false";
    });
    map.on("idle", () => {
      container.dataset.idle = "true";
    });
    map.on("click", (e) => {
      if (callbacks.current.picking) callbacks.current.onPick(e.lngLat.lng, e.lngLat.lat);
    });
    map.on("error", (e) => console.error("[report-map]", e.error?.message ?? e));
    return () => {
      markerRef.current?.remove();
      markerRef.current = null;
      map.remove();
      mapRef.current = null;
    };
    // Created once; the area does not change while the page is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The pin follows the position.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    if (!position) {
      markerRef.current?.remove();
      markerRef.current = null;
      return;
    }
    let marker = markerRef.current;
    const lngLat: [number, number] = [position.lon, position.lat];
    if (!marker) {
      marker = new Marker({ draggable: true, color: "#dc2626" }).setLngLat(lngLat).addTo(map);
      marker.getElement().dataset.testid = "report-pin";
      marker.getElement().setAttribute("aria-label", caseIntake.location.hint);
      marker.on("dragend", () => {
        const at = marker!.getLngLat();
        callbacks.current.onPick(at.lng, at.lat);
      });
      markerRef.current = marker;
    } else {
      const current = marker.getLngLat();
      if (current.lng === position.lon && current.lat === position.lat) return;
      marker.setLngLat(lngLat);
    }
    // Keep the pin in view without jumping around while the user drags it: move only if it left the view.
    if (!map.getBounds().contains(lngLat) || map.getZoom() < 15)
      map.easeTo({ center: lngLat, zoom: Math.max(map.getZoom(), PIN_ZOOM), duration: 500 });
  }, [position]);

  useEffect(() => {
    const canvas = mapRef.current?.getCanvas();
    if (canvas) canvas.style.cursor = picking ? "crosshair" : "";
  }, [picking]);

  return (
    <div className="relative h-56 overflow-hidden rounded-xl ring-1 ring-slate-200">
      <div
        ref={containerRef}
        className="h-full w-full"
        data-testid="report-map"
        data-picking={picking ? "true" : "false"}
        role="region"
        aria-label={caseIntake.location.title}
      />
      {status === "loading" && (
        <div className="pointer-events-none absolute inset-0 grid place-items-center bg-slate-100/60 text-sm text-slate-500">
          {caseIntake.location.mapLoading}
        </div>
      )}
      {status === "error" && (
        <div
          className="absolute inset-0 grid place-items-center bg-slate-100 p-4 text-center text-sm text-red-700"
          role="alert"
          data-testid="report-map-error"
        >
          {caseIntake.location.mapError}
        </div>
      )}
      {picking && status === "ready" && (
        <div className="pointer-events-none absolute inset-x-0 top-2 flex justify-center">
          <span className="rounded-full bg-slate-900/80 px-3 py-1 text-xs text-white">{caseIntake.location.pickOnMapHint}</span>
        </div>
      )}
    </div>
  );
}
