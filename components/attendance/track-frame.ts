/** A track point as the replay gets it (`PatrolTrackDto.points`). */
export type ReplayPoint = { at: string; lon: number; lat: number; accuracyM: number | null };

/** What the replay draws at a cursor: the part walked so far and where the walker is. */
export type ReplayFrame = { walked: [number, number][]; current: ReplayPoint | null };

/** The frame at point `cursor` (clamped to the track): points 0…cursor walked, the walker at point `cursor`. */
export function replayFrame(points: readonly ReplayPoint[], cursor: number): ReplayFrame {
  if (points.length === 0) return { walked: [], current: null };
  const at = Math.max(0, Math.min(points.length - 1, Math.floor(cursor)));
  return { walked: points.slice(0, at + 1).map((p) => [p.lon, p.lat]), current: points[at] };
}

/** The box around the track and its grid's outline ([west, south, east, north]), or null when both are empty. */
export function replayBounds(points: readonly ReplayPoint[], grid: unknown): [number, number, number, number] | null {
  const xs: number[] = [];
  const ys: number[] = [];
  const collect = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === "number" && typeof c[1] === "number") {
      xs.push(c[0]);
      ys.push(c[1]);
    } else if (Array.isArray(c)) c.forEach(collect);
  };
  collect((grid as { coordinates?: unknown } | null)?.coordinates);
  for (const p of points) {
    xs.push(p.lon);
    ys.push(p.lat);
  }
  if (xs.length === 0) return null;
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}
