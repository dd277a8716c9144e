"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { beijingDay } from "@/lib/format/time";
import { t } from "@/lib/i18n";
import { monthTicks, positionsOf, presetOf, presetRange, rangeOf, SLIDER_DAYS, type TimePreset } from "./time-range";

type Range = { from: string | null; to: string | null };

const text = t.caseMap;
/** Dragging moves the handles at once; the map is asked for new tiles once the hand rests this long. */
const COMMIT_DELAY_MS = 300;

const THUMB =
  "pointer-events-none absolute inset-x-0 top-1/2 h-5 w-full -translate-y-1/2 appearance-none bg-transparent focus:outline-none " +
  "[&::-webkit-slider-thumb]:pointer-events-auto [&::-webkit-slider-thumb]:h-4 [&::-webkit-slider-thumb]:w-4 [&::-webkit-slider-thumb]:cursor-pointer [&::-webkit-slider-thumb]:appearance-none [&::-webkit-slider-thumb]:rounded-full [&::-webkit-slider-thumb]:border-2 [&::-webkit-slider-thumb]:border-white [&::-webkit-slider-thumb]:bg-sky-600 [&::-webkit-slider-thumb]:shadow " +
  "[&::-moz-range-thumb]:pointer-events-auto [&::-moz-range-thumb]:h-4 [&::-moz-range-thumb]:w-4 [&::-moz-range-thumb]:cursor-pointer [&::-moz-range-thumb]:rounded-full [&::-moz-range-thumb]:border-2 [&::-moz-range-thumb]:border-white [&::-moz-range-thumb]:bg-sky-600 " +
  "focus-visible:[&::-webkit-slider-thumb]:ring-2 focus-visible:[&::-webkit-slider-thumb]:ring-sky-400 focus-visible:[&::-webkit-slider-thumb]:ring-offset-1";

/**
 * The reporting-time filter: quick presets and a two-handled slider over the last 12 months, one step per
 * day. Both handles are native range inputs (arrow keys move a day, Page Up/Down further, Home/End to the
 * ends); the left end means no lower limit, the right end "until today".
 */
export function TimeSlider({ value, onChange }: { value: Range; onChange: (range: Range) => void }) {
  const [today] = useState(() => beijingDay());
  const [positions, setPositions] = useState<[number, number]>(() => positionsOf(value, today));
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const ticks = useMemo(() => monthTicks(today), [today]);

  // A change from outside (reset, back button) moves the handles.
  const key = `${value.from}|${value.to}`;
  const [seenKey, setSeenKey] = useState(key);
  if (key !== seenKey) {
    setSeenKey(key);
    setPositions(positionsOf(value, today));
  }
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const move = (index: 0 | 1, raw: number) => {
    const next: [number, number] = [...positions];
    next[index] = raw;
    // handles may not cross: the moving one stops at the other
    if (next[0] > next[1]) next[index] = next[1 - index];
    setPositions(next);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => onChange(rangeOf(next, today)), COMMIT_DELAY_MS);
  };
  const pick = (preset: TimePreset) => {
    if (timer.current) clearTimeout(timer.current);
    const range = presetRange(preset, today);
    setPositions(positionsOf(range, today));
    onChange(range);
  };

  const shown = rangeOf(positions, today);
  const active = presetOf(value, today);
  const pct = (p: number) => `${(p / SLIDER_DAYS) * 100}%`;
  const label = (r: Range) =>
    r.from === null && r.to === null ? text.timeAll : `${r.from ?? text.timePresets.all} – ${r.to ?? text.timeUntilNow}`;

  return (
    <div className="flex items-center gap-3" role="group" aria-label={text.time} data-testid="case-filter-time">
      <span className="text-xs font-medium text-slate-500">{text.time}</span>
      <div className="flex overflow-hidden rounded-md ring-1 ring-slate-200">
        {(["d7", "d30", "m3", "all"] as const).map((p) => (
          <button
            key={p}
            type="button"
            onClick={() => pick(p)}
            aria-pressed={active === p}
            className={`px-2 py-1 text-xs focus:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-sky-500 ${active === p ? "bg-sky-600 text-white" : "bg-white text-slate-600 hover:bg-slate-50"}`}
            data-testid={`case-time-${p}`}
          >
            {text.timePresets[p]}
          </button>
        ))}
      </div>
      <div className="relative h-8 w-64">
        <div className="absolute inset-x-0 top-1/2 h-1.5 -translate-y-1/2 rounded-full bg-slate-200" />
        <div
          className="absolute top-1/2 h-1.5 -translate-y-1/2 rounded-full bg-sky-500"
          style={{ left: pct(positions[0]), right: `calc(100% - ${pct(positions[1])})` }}
        />
        {ticks.map(([p, name], i) => (
          <span key={p} className="absolute top-[21px] h-1 w-px bg-slate-300" style={{ left: pct(p) }} aria-hidden>
            {/* every other month is named, so the labels never run into each other */}
            {i % 2 === 0 && (
              <span className="absolute top-1 -translate-x-1/2 text-[9px] leading-none whitespace-nowrap text-slate-400">
                {name}
              </span>
            )}
          </span>
        ))}
        <input
          type="range"
          min={0}
          max={SLIDER_DAYS}
          step={1}
          value={positions[0]}
          onChange={(e) => move(0, Number(e.target.value))}
          aria-label={text.timeSlider.from}
          aria-valuetext={shown.from ?? text.timePresets.all}
          className={THUMB}
          data-testid="case-time-from"
        />
        <input
          type="range"
          min={0}
          max={SLIDER_DAYS}
          step={1}
          value={positions[1]}
          onChange={(e) => move(1, Number(e.target.value))}
          aria-label={text.timeSlider.to}
          aria-valuetext={shown.to ?? text.timeUntilNow}
          className={THUMB}
          data-testid="case-time-to"
        />
      </div>
      <output className="min-w-[9.5rem] text-xs text-slate-700 tabular-nums" data-testid="case-time-label" aria-live="polite">
        {label(shown)}
      </output>
    </div>
  );
}
