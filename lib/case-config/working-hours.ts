import type { MinuteRange } from "../case/working-calendar";

/**
 * The working hours setting as people type it ("09:00-12:00, 13:30-17:30") and as the calendar stores it
 * ([[540, 720], [810, 1050]]: minutes after local midnight, [start, end)). Pure; used by the form and the verb.
 */

const RANGE = /^([01]?[0-9]|2[0-4]):([0-5][0-9])\s*[-–—~至到]\s*([01]?[0-9]|2[0-4]):([0-5][0-9])$/;

/** The ranges of a typed text, or null when any part is malformed, empty, unordered or overlapping. */
export function parseWorkingHours(text: string): MinuteRange[] | null {
  const parts = text
    .split(/[,，;；、\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0 || parts.length > 6) return null;
  const ranges: MinuteRange[] = [];
  for (const part of parts) {
    const m = RANGE.exec(part);
    if (!m) return null;
    const start = Number(m[1]) * 60 + Number(m[2]);
    const end = Number(m[3]) * 60 + Number(m[4]);
    ranges.push([start, end]);
  }
  return validWorkingHours(ranges) ? ranges : null;
}

/** The calendar's own rule: 0 ≤ start < end ≤ 1440, sorted, not overlapping, 1 to 6 ranges. */
export function validWorkingHours(ranges: readonly (readonly number[])[]): boolean {
  if (ranges.length === 0 || ranges.length > 6) return false;
  let previousEnd = 0;
  for (const r of ranges) {
    if (r.length !== 2) return false;
    const [start, end] = r;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > 1440 || start >= end || start < previousEnd)
      return false;
    previousEnd = end;
  }
  return true;
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** [[540, 720], [810, 1050]] → "09:00-12:00, 13:30-17:30". */
export function formatWorkingHours(ranges: readonly (readonly number[])[]): string {
  return ranges.map(([s, e]) => `${hhmm(s)}-${hhmm(e)}`).join(", ");
}
