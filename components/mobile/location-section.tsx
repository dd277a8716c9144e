"use client";

import { useState } from "react";
import type { Bounds } from "@/lib/grid/dto";
import { caseIntake } from "@/lib/i18n/zh-CN/case-intake";
import { locationButtonClass } from "./location-button-class";
import { PositionMap } from "./position-map";
import { parseCoordinates, type DraftPosition } from "./report-draft";

type Props = {
  areaBounds: Bounds;
  position: DraftPosition | null;
  locating: boolean;
  /** Why the phone's position is not known (permission, signal, timeout), in Chinese. */
  locationError: string | null;
  problem?: string;
  onLocate: () => void;
  onPosition: (lon: number, lat: number, source: "map" | "typed") => void;
};

/**
 * 事发位置: the map with the pin, a status line (GPS accuracy, or why there is no fix), and three ways to set
 * the point — locate again, tap the map (在地图上选点), or type the coordinates (for a keyboard, or when
 * the map cannot load).
 */
export function LocationSection({ areaBounds, position, locating, locationError, problem, onLocate, onPosition }: Props) {
  const [picking, setPicking] = useState(false);
  const [typing, setTyping] = useState(false);
  const [lonText, setLonText] = useState("");
  const [latText, setLatText] = useState("");
  const [typedProblem, setTypedProblem] = useState<string | null>(null);
  const pickActive = picking || (position === null && !locating);

  const status = locating
    ? caseIntake.location.locating
    : position === null
      ? caseIntake.location.none
      : position.source === "gps"
        ? caseIntake.location.located(position.accuracy ?? 0)
        : position.source === "map"
          ? caseIntake.location.manual
          : caseIntake.location.typed;

  const openTyping = () => {
    setTyping((v) => !v);
    if (position) {
      setLonText(position.lon.toFixed(6));
      setLatText(position.lat.toFixed(6));
    }
  };

  const applyTyped = () => {
    const parsed = parseCoordinates(lonText, latText);
    if (!parsed) {
      setTypedProblem(caseIntake.location.coordinatesInvalid);
      return;
    }
    setTypedProblem(null);
    setTyping(false);
    onPosition(parsed.lon, parsed.lat, "typed");
  };

  return (
    <section className="space-y-3" aria-labelledby="location-title">
      <h2 id="location-title" className="text-base font-semibold text-slate-900">
        {caseIntake.location.title}
      </h2>
      <PositionMap
        areaBounds={areaBounds}
        position={position}
        picking={pickActive}
        onPick={(lon, lat) => {
          setPicking(false);
          onPosition(lon, lat, "map");
        }}
      />
      <div className="text-sm" aria-live="polite">
        <p
          className={position ? "text-emerald-700" : "text-slate-600"}
          data-testid="location-status"
          data-source={position?.source ?? ""}
        >
          {status}
        </p>
        {position && (
          <p className="mt-0.5 font-mono text-xs text-slate-500" data-testid="location-coordinates">
            {caseIntake.location.coordinates(position.lon, position.lat)}
          </p>
        )}
        {position && <p className="mt-0.5 text-xs text-slate-500">{caseIntake.location.hint}</p>}
        {locationError && (
          <p
            className="mt-1 rounded-lg bg-amber-50 px-3 py-2 text-amber-900 ring-1 ring-amber-200"
            role="alert"
            data-testid="location-error"
          >
            {locationError}
          </p>
        )}
        {problem && (
          <p className="mt-1 text-red-700" role="alert" data-testid="error-location">
            {problem}
          </p>
        )}
      </div>
      <div className="grid grid-cols-3 gap-2">
        <button
          type="button"
          onClick={onLocate}
          disabled={locating}
          className={locationButtonClass()}
          data-testid="locate-button"
        >
          {locating ? caseIntake.location.locating : caseIntake.location.locate}
        </button>
        <button
          type="button"
          onClick={() => setPicking((v) => !v)}
          aria-pressed={pickActive}
          className={locationButtonClass(pickActive)}
          data-testid="pick-on-map"
        >
          {caseIntake.location.pickOnMap}
        </button>
        <button
          type="button"
          onClick={openTyping}
          aria-expanded={typing}
          className={locationButtonClass()}
          data-testid="coordinates-toggle"
        >
          {caseIntake.location.enterCoordinates}
        </button>
      </div>
      {typing && (
        <div className="space-y-2 rounded-xl bg-white p-3 ring-1 ring-slate-200" data-testid="coordinates-form">
          <div className="grid grid-cols-2 gap-2">
            <label className="text-sm text-slate-600">
              {caseIntake.location.lon}
              <input
                inputMode="decimal"
                value={lonText}
                onChange={(e) => setLonText(e.target.value)}
                onKeyDown={(e) => e.key === "Enter" && (e.preventDefault(), applyTyped())}
                className={inputClass}
                data-testid="coordinate-lon"
                placeholder="116.65"
              />
            </label>
            <label className="text-sm text-slate-600">
              {caseIntake.location.lat}
              <input
                inputMode="decimal"
                value={latText}
                onChange={(e) => setLatText(e.target.value)}
                onKeyDown={(e) => e.key === "Enter" && (e.preventDefault(), applyTyped())}
                className={inputClass}
                data-testid="coordinate-lat"
                placeholder="39.90"
              />
            </label>
          </div>
          {typedProblem && (
            <p className="text-sm text-red-700" role="alert">
              {typedProblem}
            </p>
          )}
          <button
            type="button"
            onClick={applyTyped}
            className={`${locationButtonClass()} w-full`}
            data-testid="coordinates-apply"
          >
            {caseIntake.location.applyCoordinates}
          </button>
        </div>
      )}
    </section>
  );
}

const inputClass =
  "mt-1 block w-full rounded-lg border-0 bg-slate-50 px-3 py-2.5 font-mono text-base text-slate-900 ring-1 ring-slate-300 focus:outline-none focus:ring-2 focus:ring-sky-500";
