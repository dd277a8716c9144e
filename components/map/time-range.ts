/**
 * The time slider of the case filter bar: one step per local day (Asia/Shanghai) over the last 12 months.
 * The left end means "no lower limit", the right end "until today" (no upper limit), so the slider at both
 * ends is no time filter at all. Pure date arithmetic on YYYY-MM-DD strings (no time-zone surprises).
 */

import { addDays, daysBetween } from "@/lib/format/time";
import { common } from "@/lib/i18n/zh-CN/common";

/** Days the slider spans back from today. */
export const SLIDER_DAYS = 365;

/** Slider positions (0 … SLIDER_DAYS) of a range; null ends sit at the slider's ends, dates outside it are clamped. */
export function positionsOf(range: { from: string | null; to: string | null }, today: string): [number, number] {
  const start = addDays(today, -SLIDER_DAYS);
  const clamp = (v: number) => Math.max(0, Math.min(SLIDER_DAYS, v));
  const a = range.from ? clamp(daysBetween(start, range.from)) : 0;
  const b = range.to ? clamp(daysBetween(start, range.to)) : SLIDER_DAYS;
  return [Math.min(a, b), Math.max(a, b)];
}

/** The range of two slider positions: the left end is no lower limit, the right end no upper limit. */
export function rangeOf(positions: [number, number], today: string): { from: string | null; to: string | null } {
  const start = addDays(today, -SLIDER_DAYS);
  const [a, b] = [Math.min(...positions), Math.max(...positions)];
  return { from: a <= 0 ? null : addDays(start, a), to: b >= SLIDER_DAYS ? null : addDays(start, b) };
}

export type TimePreset = "d7" | "d30" | "m3" | "all";

/** The quick choices: the last 7 / 30 / 90 days up to today, or no limit. */
export function presetRange(preset: TimePreset, today: string): { from: string | null; to: string | null } {
  const days = { d7: 7, d30: 30, m3: 90, all: 0 }[preset];
  return days ? { from: addDays(today, -(days - 1)), to: null } : { from: null, to: null };
}

/** Which preset a range is exactly, if any (to highlight its button). */
export function presetOf(range: { from: string | null; to: string | null }, today: string): TimePreset | null {
  for (const p of ["d7", "d30", "m3", "all"] as const) {
    const r = presetRange(p, today);
    if (r.from === range.from && r.to === range.to) return p;
  }
  return null;
}

/** Month ticks for the slider's scale: the first day of each month inside it, as [position, "M月"]. */
export function monthTicks(today: string): [number, string][] {
  const start = addDays(today, -SLIDER_DAYS);
  const ticks: [number, string][] = [];
  let [y, m] = start.split("-").map(Number);
  for (let i = 0; i < 14; i++) {
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
    const first = `${y}-${String(m).padStart(2, "0")}-01`;
    const pos = daysBetween(start, first);
    if (pos > SLIDER_DAYS) break;
    ticks.push([pos, m === 1 ? `${y}` : common.month(m)]);
  }
  return ticks;
}
