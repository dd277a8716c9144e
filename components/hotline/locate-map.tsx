"use client";

import { Marker, type Map as MapLibreMap } from "maplibre-gl";
import { createOfflineMap } from "@/components/map/create-offline-map";
import { useEffect, useRef, useState } from "react";
import type { Bounds } from "@/lib/grid/dto";
import { hotline } from "@/lib/i18n/zh-CN/hotline";

/**
 * A map of the district (the console's tile style, read-only) on which a click chooses a point: a pin marks
 * it and the page gets its WGS-84 coordinates. Clicks count only while `active` (an order is selected).
 */
export function LocateMap({
  bounds,
  active,
  point,
  onPick,
}: {
  bounds: Bounds;
  active: boolean;
  point: [number, number] | null;
  onPick: (lonLat: [number, number]) => void;
}) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const markerRef = useRef<Marker | null>(null);
  const callbacks = useRef({ active, onPick });
  const [status, setStatus] = useState<"loading" | "ready" | "error">("loading");

  useEffect(() => {
    callbacks.current = { active, onPick };
    const canvas = mapRef.current?.getCanvas();
    if (canvas) canvas.style.cursor = active ? "crosshair" : "";
  }, [active, onPick]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let map: MapLibreMap;
    try {
      map = createOfflineMap(container, bounds, { padding: 24, minZoom: 7 });
    } catch (error) {
      console.error("[hotline] cannot create the map", error);
      queueMicrotask(() => setStatus("error"));
      return;
    }
    mapRef.current = map;
    map.on("load", () => {
      setStatus("ready");
      container.dataset.ready = "true";
    });
    map.on("error", (e) => console.warn("[hotline] map", e.error?.message));
    map.on("click", (e) => {
      if (!callbacks.current.active) return;
      callbacks.current.onPick([Number(e.lngLat.lng.toFixed(7)), Number(e.lngLat.lat.toFixed(7))]);
    });
    (window as unknown as { __hotlineMap?: MapLibreMap }).__hotlineMap = map;
    return () => {
      map.remove();
      mapRef.current = null;
    };
    // The map is created once; bounds are its opening view only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    if (!point) {
      markerRef.current?.remove();
      markerRef.current = null;
      return;
    }
    if (!markerRef.current) markerRef.current = new Marker({ color: "#d97706" }).setLngLat(point).addTo(map);
    else markerRef.current.setLngLat(point);
  }, [point]);

  return (
    <div className="relative h-full min-h-[420px] overflow-hidden rounded-xl ring-1 ring-slate-200">
      <div
        ref={containerRef}
        className="h-full min-h-[420px] w-full"
        data-testid="locate-map"
        aria-label={hotline.queue.picked}
        role="application"
      />
      {status !== "ready" && (
        <div className="absolute inset-0 grid place-items-center bg-slate-100/80 text-sm text-slate-600" role="status">
          {status === "loading" ? hotline.queue.mapLoading : hotline.queue.mapError}
        </div>
      )}
    </div>
  );
}
