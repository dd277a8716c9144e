import { circle, kinks } from "@turf/turf";

/**
 * A fence as the editor holds it: a polygon's corners (an open ring), or a circle's centre and radius with its
 * drawn ring. Pure geometry, shared by the draw tool, the form and their tests.
 */
export type DrawnFence =
  | { shape: "polygon"; ring: [number, number][] }
  | { shape: "circle"; center: [number, number]; radiusM: number; ring: [number, number][] };

/** The segments of a circle drawn in the browser (the server buffers its own: 64 corners too). */
export const CIRCLE_STEPS = 64;

/** The ring of a circle around `center` (closed), `radiusM` metres on the sphere. */
export function circleRing(center: [number, number], radiusM: number): [number, number][] {
  return circle(center, radiusM / 1000, { steps: CIRCLE_STEPS, units: "kilometers" }).geometry.coordinates[0] as [
    number,
    number,
  ][];
}

/** The ring without its closing corner. */
export function openRing(ring: readonly [number, number][]): [number, number][] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return ring.length > 1 && first[0] === last[0] && first[1] === last[1] ? ring.slice(0, -1) : [...ring];
}

/**
 * A drawn ring as a fence: with a radius it is a circle whose centre is the mean of its corners (the corners of a
 * drawn circle lie evenly around it), else a polygon.
 */
export function fenceFromRing(ring: readonly [number, number][], radiusM: number | null): DrawnFence {
  const corners = openRing(ring);
  if (radiusM === null || corners.length === 0) return { shape: "polygon", ring: corners };
  const lon = corners.reduce((s, c) => s + c[0], 0) / corners.length;
  const lat = corners.reduce((s, c) => s + c[1], 0) / corners.length;
  return { shape: "circle", center: [lon, lat], radiusM: Math.round(radiusM * 10) / 10, ring: corners };
}

/** Whether a polygon's edges cross each other (turf kinks): the instant hint; the server decides on save. */
export function selfIntersects(ring: readonly [number, number][]): boolean {
  const corners = openRing(ring);
  if (corners.length < 4) return false;
  return kinks({ type: "Polygon", coordinates: [[...corners, corners[0]]] }).features.length > 0;
}

/** The fence as the save and check routes take it. */
export function fenceInput(fence: DrawnFence) {
  return fence.shape === "circle"
    ? { shape: "circle" as const, center: fence.center, radiusM: fence.radiusM }
    : { shape: "polygon" as const, ring: fence.ring };
}

/** The point to look regions up at: the circle's centre, or the mean of the corners. */
export function fenceAnchor(fence: DrawnFence): [number, number] {
  if (fence.shape === "circle") return fence.center;
  const n = fence.ring.length || 1;
  return [fence.ring.reduce((s, c) => s + c[0], 0) / n, fence.ring.reduce((s, c) => s + c[1], 0) / n];
}
