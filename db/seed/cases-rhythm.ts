/**
 * When cases happen in the generated year: seasons per kind of problem, working days versus weekends and
 * holidays per source, and the hours of the day per source. Pure functions of an Rng and the calendar.
 *
 * The shapes follow what 12345 and grid-management yearbooks describe: noise, garbage, greenery and
 * flooding peak in summer; heating, fire safety and street lamps (long nights) in winter; straw burning in
 * early summer and autumn; grid workers patrol on working days in office hours, while the hotline rings
 * every day, from early morning to late evening, busiest mid-morning and after dinner.
 */
import { isWorkingDay, localDateKey, type WorkingCalendar } from "../../lib/case/working-calendar";
import type { CaseSource } from "../../lib/case/case-dto";
import type { Rng } from "./random";

/** Month multipliers, January first. */
export type Season = "flat" | "summer" | "winter" | "rain" | "harvest" | "spring";

export const SEASONS: Readonly<Record<Season, readonly number[]>> = {
  flat: [1, 0.9, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  // noise, garbage, smells, street vendors: warm evenings outdoors
  summer: [0.55, 0.5, 0.75, 0.95, 1.2, 1.5, 1.75, 1.7, 1.25, 0.9, 0.7, 0.6],
  // heating, fire safety, lamps, frozen pipes
  winter: [1.8, 1.5, 1.0, 0.6, 0.45, 0.4, 0.4, 0.4, 0.5, 0.9, 1.6, 1.9],
  // flooding, drains, manholes: the July–August rainy season of North China
  rain: [0.4, 0.4, 0.5, 0.7, 0.9, 1.4, 2.4, 2.3, 1.1, 0.7, 0.5, 0.4],
  // straw and leaf burning after the wheat (June) and maize (October) harvests
  harvest: [0.4, 0.4, 0.8, 1.1, 1.3, 1.9, 0.8, 0.7, 1.0, 2.0, 1.3, 0.5],
  // renovation, moving house, new tenancies after the Spring Festival
  spring: [0.7, 1.0, 1.5, 1.4, 1.2, 1.0, 0.9, 1.0, 1.1, 1.0, 0.8, 0.7],
};

/** How busy a source is on a day off (weekend, statutory holiday) relative to a working day. */
export const DAY_OFF_FACTOR: Readonly<Record<CaseSource, number>> = {
  grid_worker: 0.3,
  hotline: 0.85,
  resident: 1.1,
  department: 0.12,
  visit: 0.15,
  video: 1.0,
};

/** Relative volume per local hour 0–23. */
const HOURS: Readonly<Record<"patrol" | "hotline" | "office" | "camera" | "resident", readonly number[]>> = {
  // patrols 08:30–12:00 and 14:00–18:00
  patrol: [0, 0, 0, 0, 0, 0, 0, 0.2, 1.2, 2.2, 2.4, 1.6, 0.4, 0.6, 1.8, 2.2, 2.0, 1.2, 0.3, 0.1, 0, 0, 0, 0],
  // 24-hour line, morning and after-dinner peaks, a trickle at night
  hotline: [
    0.15, 0.08, 0.05, 0.05, 0.06, 0.1, 0.35, 0.9, 1.6, 2.0, 1.9, 1.5, 1.0, 1.1, 1.4, 1.5, 1.4, 1.2, 1.1, 1.5, 1.6, 1.3, 0.8, 0.4,
  ],
  office: [0, 0, 0, 0, 0, 0, 0, 0, 0.6, 1.6, 1.8, 1.2, 0.2, 0.4, 1.4, 1.6, 1.3, 0.4, 0, 0, 0, 0, 0, 0],
  camera: [
    0.3, 0.2, 0.15, 0.1, 0.15, 0.4, 0.8, 1.3, 1.5, 1.4, 1.3, 1.3, 1.2, 1.2, 1.3, 1.4, 1.5, 1.6, 1.6, 1.5, 1.3, 1.0, 0.7, 0.4,
  ],
  resident: [
    0.05, 0.02, 0.02, 0.02, 0.03, 0.1, 0.4, 0.9, 1.3, 1.5, 1.5, 1.2, 0.9, 1.0, 1.2, 1.3, 1.3, 1.2, 1.2, 1.4, 1.4, 1.1, 0.6, 0.2,
  ],
};

const HOUR_PROFILE: Readonly<Record<CaseSource, keyof typeof HOURS>> = {
  grid_worker: "patrol",
  hotline: "hotline",
  resident: "resident",
  department: "office",
  visit: "office",
  video: "camera",
};

const DAY_MS = 86_400_000;

/** Cumulative hour weights per profile, for sampling. */
const HOUR_CUMULATIVE = Object.fromEntries(
  Object.entries(HOURS).map(([k, w]) => {
    let total = 0;
    return [k, w.map((x) => (total += x))];
  }),
) as Record<keyof typeof HOURS, number[]>;

/** A local hour 0–23 drawn from the source's profile. */
export function pickHour(rng: Rng, source: CaseSource): number {
  const cumulative = HOUR_CUMULATIVE[HOUR_PROFILE[source]];
  const x = rng.next() * cumulative[cumulative.length - 1];
  let h = 0;
  while (cumulative[h] <= x) h++;
  return h;
}

/** The relative weight of a day (given as its local midnight instant) for a source and a season. */
export function dayWeight(localMidnight: Date, source: CaseSource, season: Season, cal: WorkingCalendar): number {
  // Month of the local date: the key is "YYYY-MM-DD" in the calendar's zone.
  const month = Number(localDateKey(localMidnight, cal).slice(5, 7)) - 1;
  const dayOff = !isWorkingDay(localMidnight, cal);
  return SEASONS[season][month] * (dayOff ? DAY_OFF_FACTOR[source] : 1);
}

export type YearWindow = {
  /** Local midnight (as an instant) of the first day of the window. */
  firstMidnight: number;
  days: number;
  /** Exclusive end: nothing is reported at or after it. */
  end: number;
  cal: WorkingCalendar;
  /** Day weights per source × season, computed once per window (a million draws share them). */
  weights: Map<string, Float64Array>;
};

/** The `days` local days that end with the day of `now` (its own day included, up to `now`). */
export function yearWindow(now: Date, cal: WorkingCalendar, days = 365): YearWindow {
  const offset = cal.utcOffsetMinutes * 60_000;
  const todayMidnight = Math.floor((now.getTime() + offset) / DAY_MS) * DAY_MS - offset;
  return { firstMidnight: todayMidnight - (days - 1) * DAY_MS, days, end: now.getTime(), cal, weights: new Map() };
}

function weightsOf(window: YearWindow, source: CaseSource, season: Season): Float64Array {
  const key = `${source}|${season}`;
  let w = window.weights.get(key);
  if (!w) {
    w = new Float64Array(window.days);
    for (let d = 0; d < window.days; d++)
      w[d] = dayWeight(new Date(window.firstMidnight + d * DAY_MS), source, season, window.cal);
    window.weights.set(key, w);
  }
  return w;
}

const MAX_WEIGHT = Math.max(...Object.values(SEASONS).flat()) * Math.max(1, ...Object.values(DAY_OFF_FACTOR));

/**
 * A report instant in the window: a day by rejection sampling on the day weight (season × day off), then
 * an hour from the source's profile and a uniform minute and second. Instants at or after the window's end
 * (later today) are drawn again.
 */
export function pickReportInstant(rng: Rng, window: YearWindow, source: CaseSource, season: Season): Date {
  const weights = weightsOf(window, source, season);
  for (let attempt = 0; attempt < 200; attempt++) {
    const day = Math.floor(rng.next() * window.days);
    const midnight = window.firstMidnight + day * DAY_MS;
    if (rng.next() * MAX_WEIGHT > weights[day]) continue;
    const at = midnight + pickHour(rng, source) * 3_600_000 + Math.floor(rng.next() * 3_600_000);
    if (at < window.end) return new Date(at);
  }
  // Practically unreachable (every weight is positive); keeps the function total.
  return new Date(window.end - 1 - Math.floor(rng.next() * DAY_MS));
}
