"use client";

import type { GeoJSONSource, Map as MapLibreMap } from "maplibre-gl";
import { useEffect, useRef } from "react";
import { useOverlayMap } from "@/components/map/use-overlay-map";
import { attendancePunch } from "@/lib/i18n/zh-CN/attendance-punch";
import { circleRing } from "./punch-queue";

export type MapFence = { id: number; name: string; geometry: unknown };
type Props = {
  bounds: [number, number, number, number];
  fences: MapFence[];
  position: { lon: number; lat: number; accuracyM: number } | null;
};

const FENCES = "punch-fences";
const ME = "punch-me";
const RING = "punch-ring";
const empty = { type: "FeatureCollection" as const, features: [] };

/** The punch map's layers, bottom up: the fences, the accuracy ring, the position. */
function addPunchLayers(map: MapLibreMap) {
  map.addSource(FENCES, { type: "geojson", data: empty });
  map.addSource(RING, { type: "geojson", data: empty });
  map.addSource(ME, { type: "geojson", data: empty });
  map.addLayer({
    id: `${FENCES}-fill`,
    type: "fill",
    source: FENCES,
    paint: { "fill-color": "#10b981", "fill-opacity": 0.18 },
  });
  map.addLayer({ id: `${FENCES}-line`, type: "line", source: FENCES, paint: { "line-color": "#047857", "line-width": 2 } });
  map.addLayer({ id: `${RING}-fill`, type: "fill", source: RING, paint: { "fill-color": "#2563eb", "fill-opacity": 0.12 } });
  map.addLayer({ id: `${RING}-line`, type: "line", source: RING, paint: { "line-color": "#2563eb", "line-width": 1 } });
  map.addLayer({
    id: ME,
    type: "circle",
    source: ME,
    paint: { "circle-radius": 7, "circle-color": "#2563eb", "circle-stroke-color": "#ffffff", "circle-stroke-width": 2 },
  });
}

/**
 * The punch page's small map on the project's offline style: the fences serving the person (green), the phone's
 * position (blue dot) and its accuracy ring. The camera frames the fences and the position together.
 */
export function PunchMap({ bounds, fences, position }: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const { mapRef, ready } = useOverlayMap(containerRef, bounds, addPunchLayers, { padding: 24, minZoom: 9, name: "punch-map" });

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    (map.getSource(FENCES) as GeoJSONSource).setData({
      type: "FeatureCollection",
      features: fences.map((f) => ({
        type: "Feature",
        id: f.id,
        properties: { name: f.name },
        geometry: f.geometry as GeoJSON.Geometry,
      })),
    });
    (map.getSource(ME) as GeoJSONSource).setData(
      position
        ? { type: "Feature", properties: {}, geometry: { type: "Point", coordinates: [position.lon, position.lat] } }
        : empty,
    );
    (map.getSource(RING) as GeoJSONSource).setData(
      position
        ? {
            type: "Feature",
            properties: {},
            geometry: {
              type: "Polygon",
              coordinates: [circleRing(position.lon, position.lat, Math.min(position.accuracyM, 2000))],
            },
          }
        : empty,
    );
    // Frame the fences and the position.
    const xs: number[] = [];
    const ys: number[] = [];
    const collect = (c: unknown): void => {
      if (Array.isArray(c) && typeof c[0] === "number") {
        xs.push(c[0]);
        ys.push(c[1] as number);
      } else if (Array.isArray(c)) c.forEach(collect);
    };
    for (const f of fences) collect((f.geometry as { coordinates?: unknown }).coordinates);
    if (position) {
      xs.push(position.lon);
      ys.push(position.lat);
    }
    if (xs.length > 0)
      map.fitBounds(
        [
          [Math.min(...xs), Math.min(...ys)],
          [Math.max(...xs), Math.max(...ys)],
        ],
        { padding: 40, maxZoom: 17, duration: 0 },
      );
  }, [mapRef, ready, fences, position]);

  return (
    <div
      ref={containerRef}
      className="h-52 w-full overflow-hidden rounded-xl ring-1 ring-slate-200"
      data-testid="punch-map"
      role="region"
      aria-label={attendancePunch.position}
    />
  );
}
