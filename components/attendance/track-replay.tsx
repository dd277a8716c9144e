"use client";

import type { GeoJSONSource, Map as MapLibreMap } from "maplibre-gl";
import { useEffect, useMemo, useRef, useState } from "react";
import { useOverlayMap } from "@/components/map/use-overlay-map";
import { buttonClass } from "@/components/ui/button";
import type { PatrolTrackDto } from "@/lib/attendance/patrol/get-patrol-tracks";
import { formatTime } from "@/lib/format/time";
import { attendancePunch } from "@/lib/i18n/zh-CN/attendance-punch";
import { replayBounds, replayFrame } from "./track-frame";

const text = attendancePunch.tracks;
const GRID = "replay-grid";
const TRACK = "replay-track";
const WALKED = "replay-walked";
const WALKER = "replay-walker";
/** One track point per tick: a patrol of a fix a minute plays an hour in 12 seconds. */
const TICK_MS = 200;
const NO_POINTS: PatrolTrackDto["points"] = [];
const empty = { type: "FeatureCollection" as const, features: [] };

type Props = { tracks: PatrolTrackDto[]; fallbackBounds: [number, number, number, number] };

/** The replay's layers, bottom up: the grid, the whole track, the part walked, the walker. */
function addReplayLayers(map: MapLibreMap) {
  for (const id of [GRID, TRACK, WALKED, WALKER]) map.addSource(id, { type: "geojson", data: empty });
  map.addLayer({ id: `${GRID}-fill`, type: "fill", source: GRID, paint: { "fill-color": "#10b981", "fill-opacity": 0.12 } });
  map.addLayer({ id: `${GRID}-line`, type: "line", source: GRID, paint: { "line-color": "#047857", "line-width": 2 } });
  map.addLayer({
    id: TRACK,
    type: "line",
    source: TRACK,
    paint: { "line-color": "#94a3b8", "line-width": 3, "line-dasharray": [2, 1] },
  });
  map.addLayer({ id: WALKED, type: "line", source: WALKED, paint: { "line-color": "#2563eb", "line-width": 4 } });
  map.addLayer({
    id: WALKER,
    type: "circle",
    source: WALKER,
    paint: { "circle-radius": 8, "circle-color": "#2563eb", "circle-stroke-color": "#ffffff", "circle-stroke-width": 3 },
  });
}

/**
 * 巡查轨迹回放: the day's patrols of one person on the offline map — the grid of the post (green), the whole
 * track (grey), the part walked so far (blue) and the walker at the cursor. Play/pause and a scrubber (arrow
 * keys step one fix); a click on another patrol switches to it.
 */
export function TrackReplay({ tracks, fallbackBounds }: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const { mapRef, ready } = useOverlayMap(containerRef, fallbackBounds, addReplayLayers, {
    padding: 32,
    minZoom: 9,
    name: "track-replay",
  });
  const [selected, setSelected] = useState(0);
  const [cursor, setCursor] = useState(0);
  const [playing, setPlaying] = useState(false);
  const track = tracks[selected] ?? null;
  const points = track?.points ?? NO_POINTS;
  const frame = useMemo(() => replayFrame(points, cursor), [points, cursor]);

  // A patrol chosen: its grid and whole track, framed.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    (map.getSource(GRID) as GeoJSONSource).setData(
      track?.grid ? { type: "Feature", properties: {}, geometry: track.grid as GeoJSON.Geometry } : empty,
    );
    (map.getSource(TRACK) as GeoJSONSource).setData(
      points.length > 1
        ? { type: "Feature", properties: {}, geometry: { type: "LineString", coordinates: points.map((p) => [p.lon, p.lat]) } }
        : empty,
    );
    const box = replayBounds(points, track?.grid ?? null);
    if (box)
      map.fitBounds(
        [
          [box[0], box[1]],
          [box[2], box[3]],
        ],
        { padding: 40, maxZoom: 18, duration: 0 },
      );
  }, [mapRef, ready, track, points]);

  // The cursor moved: the walked part and the walker.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    (map.getSource(WALKED) as GeoJSONSource).setData(
      frame.walked.length > 1
        ? { type: "Feature", properties: {}, geometry: { type: "LineString", coordinates: frame.walked } }
        : empty,
    );
    (map.getSource(WALKER) as GeoJSONSource).setData(
      frame.current
        ? { type: "Feature", properties: {}, geometry: { type: "Point", coordinates: [frame.current.lon, frame.current.lat] } }
        : empty,
    );
  }, [mapRef, ready, frame]);

  // Playing: one fix per tick, stopping at the end.
  useEffect(() => {
    if (!playing) return;
    const timer = window.setInterval(() => {
      setCursor((c) => {
        if (c >= points.length - 1) {
          setPlaying(false);
          return c;
        }
        return c + 1;
      });
    }, TICK_MS);
    return () => window.clearInterval(timer);
  }, [playing, points.length]);

  const choose = (i: number) => {
    setSelected(i);
    setCursor(0);
    setPlaying(false);
  };
  const togglePlay = () => {
    if (!playing && cursor >= points.length - 1) setCursor(0);
    setPlaying(!playing);
  };

  return (
    <div className="grid gap-4 lg:grid-cols-[20rem_1fr]" data-testid="track-replay">
      <ol className="flex flex-col gap-2" aria-label={text.title}>
        {tracks.map((t, i) => {
          const minutes = t.endedAt ? Math.round((Date.parse(t.endedAt) - Date.parse(t.startedAt)) / 60_000) : 0;
          return (
            <li key={t.id}>
              <button
                type="button"
                onClick={() => choose(i)}
                aria-pressed={i === selected}
                className={`w-full rounded-lg px-3 py-2 text-left text-sm ring-1 ${
                  i === selected ? "bg-sky-50 ring-sky-400" : "bg-white ring-slate-200 hover:bg-slate-50"
                }`}
                data-testid="replay-patrol"
              >
                <span className="block font-medium text-slate-800">
                  {formatTime(t.startedAt)} – {formatTime(t.endedAt)} · {t.regionName}
                </span>
                <span className={`block text-xs ${t.counted ? "text-emerald-700" : "text-amber-700"}`}>
                  {text.patrolLabel(i + 1, minutes, t.insideShare, t.counted)}
                </span>
                <span className="block text-xs text-slate-500">{text.points(t.points.length)}</span>
              </button>
            </li>
          );
        })}
      </ol>
      <div className="flex flex-col gap-3">
        <div
          ref={containerRef}
          className="h-[32rem] w-full overflow-hidden rounded-xl ring-1 ring-slate-200"
          data-testid="replay-map"
          role="region"
          aria-label={text.title}
        />
        <div className="flex items-center gap-3 rounded-xl bg-white p-3 ring-1 ring-slate-200">
          <button
            type="button"
            className={buttonClass("primary")}
            onClick={togglePlay}
            disabled={points.length < 2}
            data-testid="replay-play"
          >
            {playing ? text.pause : text.play}
          </button>
          <input
            type="range"
            min={0}
            max={Math.max(0, points.length - 1)}
            value={Math.min(cursor, Math.max(0, points.length - 1))}
            onChange={(e) => {
              setPlaying(false);
              setCursor(Number(e.target.value));
            }}
            className="flex-1"
            aria-label={text.title}
            data-testid="replay-scrubber"
          />
          <span className="w-28 text-right font-mono text-sm text-slate-700" data-testid="replay-time">
            {formatTime(frame.current?.at ?? null)}
          </span>
        </div>
      </div>
    </div>
  );
}
