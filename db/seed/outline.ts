/**
 * The district outline: a star-shaped polygon whose radius wanders with a few low harmonics (the overall
 * shape) and many small ones (a ragged border), stretched north–south and scaled to the exact area.
 * Star-shaped with a positive radius means the ring can never cross itself.
 */
import { ringArea, type Ring } from "./geometry";
import type { Rng } from "./random";

export function makeOutline(rng: Rng, areaM2: number, aspect: number, vertices = 360): Ring {
  const harmonics: { k: number; a: number; phase: number }[] = [];
  for (let k = 2; k <= 7; k++)
    harmonics.push({ k, a: rng.range(0.04, 0.13) / Math.pow(k, 0.6), phase: rng.range(0, 2 * Math.PI) });
  for (let k = 8; k <= 40; k++) harmonics.push({ k, a: rng.range(0, 0.018) * (8 / k), phase: rng.range(0, 2 * Math.PI) });
  const sx = 1 / Math.sqrt(aspect);
  const sy = Math.sqrt(aspect);
  const ring: Ring = [];
  for (let i = 0; i < vertices; i++) {
    const t = (2 * Math.PI * i) / vertices;
    let log = 0;
    for (const h of harmonics) log += h.a * Math.cos(h.k * t + h.phase);
    const r = Math.exp(log);
    ring.push([r * Math.cos(t) * sx, r * Math.sin(t) * sy]);
  }
  const scale = Math.sqrt(areaM2 / ringArea(ring));
  // Not rounded: see latticeInside on GEOS's fallback precision.
  return ring.map(([x, y]) => [x * scale, y * scale]);
}
