/**
 * When a patrol counts toward 一日双巡 (pure). The phone records a point every `pointIntervalSeconds` while the
 * page is open; at the end PostGIS measures what share of the walk lies inside the worker's grid (the grid of
 * their grid post when the patrol started). A patrol counts when both hold:
 * - it lasted at least `minMinutes` (started → ended by the server's clock);
 * - at least `minInsideShare` of it lies inside the grid: the share of the track's length where the track has
 *   length, else (standing still, a single point) the share of its points.
 * A patrol with fewer than `minPoints` points has no track to judge and never counts.
 *
 * Worked examples (defaults: 30 minutes, 60 %, 2 points):
 * - 45 minutes, 1.8 km of which 1.5 km inside the grid (83 %) → counts.
 * - exactly 30 minutes and exactly 60 % inside → counts (both limits are inclusive).
 * - 29 minutes, all inside → does not count (too short).
 * - 50 minutes, 55 % inside (a long walk along the grid's edge road outside it) → does not count.
 */

export type PatrolSettings = { pointIntervalSeconds: number; minMinutes: number; minInsideShare: number; minPoints: number };

/** The settings in force (one place to change them; the rule set will carry them when HR configures patrols). */
export const PATROL_SETTINGS: PatrolSettings = { pointIntervalSeconds: 30, minMinutes: 30, minInsideShare: 0.6, minPoints: 2 };

export type PatrolMeasure = { startedAt: Date; endedAt: Date; pointCount: number; insideShare: number | null };
export type PatrolJudgement = {
  counted: boolean;
  minutes: number;
  reason: "too_short" | "outside_grid" | "too_few_points" | null;
};

export function judgePatrol(measure: PatrolMeasure, settings: PatrolSettings = PATROL_SETTINGS): PatrolJudgement {
  const minutes = Math.floor((measure.endedAt.getTime() - measure.startedAt.getTime()) / 60_000);
  if (measure.pointCount < settings.minPoints) return { counted: false, minutes, reason: "too_few_points" };
  if (minutes < settings.minMinutes) return { counted: false, minutes, reason: "too_short" };
  // compared in whole per-mille so 0.6 computed as 0.59999999 by the database still reaches 60 %
  if (Math.round((measure.insideShare ?? 0) * 1000) < Math.round(settings.minInsideShare * 1000))
    return { counted: false, minutes, reason: "outside_grid" };
  return { counted: true, minutes, reason: null };
}
