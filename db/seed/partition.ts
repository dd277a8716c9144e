/**
 * Dividing a parent area among its children, in TypeScript, on sample points; PostGIS then turns the
 * result into polygons (Voronoi cells of the points, merged per child and clipped to the parent), so
 * neighbours share exactly the same edges and the children tile the parent with no gap or overlap.
 *
 * - `latticeInside`: a jittered square lattice of points inside the parent (the fine cells).
 * - `assignByPower`: a capacity-constrained power diagram on those cells (Lloyd steps move the sites to
 *   their cells' centroid for compact shapes, weights grow or shrink each child to its target area);
 *   boundaries follow the cells' ragged edges, like real administrative borders.
 * - `kMeansSites`: evenly spread sites (centroidal Voronoi) for basic grids, whose straight edges read
 *   like city blocks.
 */
import { pointInSegments, segmentsOf, type MultiPolygon, type Pt } from "./geometry";
import type { Rng } from "./random";

export type Lattice = { xs: Float64Array; ys: Float64Array; i: Int32Array; j: Int32Array; spacing: number; count: number };

/** Jittered lattice points inside `mp` (even–odd), spacing `s` metres, jitter ±30%. */
export function latticeInside(mp: MultiPolygon, s: number, rng: Rng): Lattice {
  const segs = segmentsOf(mp);
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (let k = 0; k < segs.length; k += 2) {
    minX = Math.min(minX, segs[k]);
    maxX = Math.max(maxX, segs[k]);
    minY = Math.min(minY, segs[k + 1]);
    maxY = Math.max(maxY, segs[k + 1]);
  }
  const xs: number[] = [],
    ys: number[] = [],
    is: number[] = [],
    js: number[] = [];
  const ni = Math.ceil((maxX - minX) / s),
    nj = Math.ceil((maxY - minY) / s);
  for (let i = 0; i < ni; i++) {
    for (let j = 0; j < nj; j++) {
      // Draw the jitter for every lattice node (inside or not) so the stream does not depend on the shape.
      // Full double precision on purpose: GEOS picks the precision of its fallback noding from the input's
      // decimals, and coordinates rounded to centimetres make it snap new vertices by millimetres.
      const x = minX + (i + 0.5 + rng.range(-0.3, 0.3)) * s;
      const y = minY + (j + 0.5 + rng.range(-0.3, 0.3)) * s;
      if (pointInSegments(segs, x, y)) {
        xs.push(x);
        ys.push(y);
        is.push(i);
        js.push(j);
      }
    }
  }
  return {
    xs: Float64Array.from(xs),
    ys: Float64Array.from(ys),
    i: Int32Array.from(is),
    j: Int32Array.from(js),
    spacing: s,
    count: xs.length,
  };
}

/** k-means++ initialisation then Lloyd iterations on the points `idx` of the lattice; returns centres. */
export function kMeans(lat: Lattice, idx: number[], k: number, rng: Rng, iterations = 12): Pt[] {
  if (idx.length === 0 || k === 0) return [];
  const p0 = idx[Math.floor(rng.next() * idx.length)];
  const centres: Pt[] = [[lat.xs[p0], lat.ys[p0]]];
  const d2 = new Float64Array(idx.length).fill(Infinity);
  while (centres.length < k) {
    const [cx, cy] = centres[centres.length - 1];
    let total = 0;
    for (let n = 0; n < idx.length; n++) {
      const dx = lat.xs[idx[n]] - cx,
        dy = lat.ys[idx[n]] - cy;
      d2[n] = Math.min(d2[n], dx * dx + dy * dy);
      total += d2[n];
    }
    let x = rng.next() * total;
    let chosen = idx.length - 1;
    for (let n = 0; n < idx.length; n++) {
      x -= d2[n];
      if (x <= 0) {
        chosen = n;
        break;
      }
    }
    centres.push([lat.xs[idx[chosen]], lat.ys[idx[chosen]]]);
  }
  for (let it = 0; it < iterations; it++) {
    const sx = new Float64Array(k),
      sy = new Float64Array(k),
      cnt = new Float64Array(k);
    for (const p of idx) {
      let best = 0,
        bd = Infinity;
      for (let c = 0; c < k; c++) {
        const dx = lat.xs[p] - centres[c][0],
          dy = lat.ys[p] - centres[c][1];
        const d = dx * dx + dy * dy;
        if (d < bd) {
          bd = d;
          best = c;
        }
      }
      sx[best] += lat.xs[p];
      sy[best] += lat.ys[p];
      cnt[best]++;
    }
    for (let c = 0; c < k; c++) if (cnt[c] > 0) centres[c] = [sx[c] / cnt[c], sy[c] / cnt[c]];
  }
  return centres;
}

/** The lattice point nearest to each centre, distinct (a site on a sample point lies inside the parent). */
export function snapToLattice(lat: Lattice, idx: number[], centres: Pt[]): number[] {
  const used = new Set<number>();
  return centres.map(([cx, cy]) => {
    let best = -1,
      bd = Infinity;
    for (const p of idx) {
      if (used.has(p)) continue;
      const dx = lat.xs[p] - cx,
        dy = lat.ys[p] - cy;
      const d = dx * dx + dy * dy;
      if (d < bd) {
        bd = d;
        best = p;
      }
    }
    used.add(best);
    return best;
  });
}

export type Site = { x: number; y: number; target: number };

/**
 * Assigns the lattice points `idx` to sites: argmin |p − s|² − w, with Lloyd steps and weight updates so
 * that each site's share (points × spacing²) approaches its target area. Returns the site index per entry
 * of `idx`.
 */
export function assignByPower(lat: Lattice, idx: number[], sitesIn: Site[], iterations = 50): Int32Array {
  const n = idx.length,
    k = sitesIn.length;
  const assign = new Int32Array(n);
  if (k === 1) return assign;
  const sites = sitesIn.map((s) => ({ ...s }));
  const cellArea = lat.spacing * lat.spacing;
  const totalTarget = sites.reduce((a, s) => a + s.target, 0);
  const targets = sites.map((s) => (s.target / totalTarget) * n * cellArea);
  const w = new Float64Array(k);
  const run = () => {
    for (let p = 0; p < n; p++) {
      let best = 0,
        bd = Infinity;
      const x = lat.xs[idx[p]],
        y = lat.ys[idx[p]];
      for (let c = 0; c < k; c++) {
        const dx = x - sites[c].x,
          dy = y - sites[c].y;
        const d = dx * dx + dy * dy - w[c];
        if (d < bd) {
          bd = d;
          best = c;
        }
      }
      assign[p] = best;
    }
  };
  for (let it = 0; it < iterations; it++) {
    run();
    const cnt = new Float64Array(k),
      sx = new Float64Array(k),
      sy = new Float64Array(k);
    for (let p = 0; p < n; p++) {
      cnt[assign[p]]++;
      sx[assign[p]] += lat.xs[idx[p]];
      sy[assign[p]] += lat.ys[idx[p]];
    }
    for (let c = 0; c < k; c++) {
      const area = cnt[c] * cellArea;
      // A disc-shaped region grows by about π/2 · δ when its weight grows by δ: step half of that.
      w[c] += (targets[c] - area) / Math.PI;
      if (cnt[c] > 0 && it < iterations - 8) {
        sites[c].x += 0.5 * (sx[c] / cnt[c] - sites[c].x);
        sites[c].y += 0.5 * (sy[c] / cnt[c] - sites[c].y);
      }
    }
  }
  run();
  return assign;
}

/**
 * Makes each site's points one 4-connected piece (the largest), handing stray pieces to the neighbour
 * they touch most, and gives a point to any site left without one.
 */
export function makeConnected(lat: Lattice, assign: Int32Array, k: number, sitePoint: number[]): void {
  const key = (i: number, j: number) => i * 1_000_003 + j;
  const at = new Map<number, number>();
  for (let p = 0; p < lat.count; p++) at.set(key(lat.i[p], lat.j[p]), p);
  const neighbours = (p: number) => {
    const out: number[] = [];
    for (const [di, dj] of [
      [1, 0],
      [-1, 0],
      [0, 1],
      [0, -1],
    ]) {
      const q = at.get(key(lat.i[p] + di, lat.j[p] + dj));
      if (q !== undefined) out.push(q);
    }
    return out;
  };
  for (let pass = 0; pass < 4; pass++) {
    let changed = false;
    const comp = new Int32Array(lat.count).fill(-1);
    const comps: { site: number; points: number[] }[] = [];
    for (let p = 0; p < lat.count; p++) {
      if (comp[p] >= 0) continue;
      const c = comps.length;
      const points = [p];
      comp[p] = c;
      for (let h = 0; h < points.length; h++) {
        for (const q of neighbours(points[h])) {
          if (comp[q] < 0 && assign[q] === assign[p]) {
            comp[q] = c;
            points.push(q);
          }
        }
      }
      comps.push({ site: assign[p], points });
    }
    const largest = new Map<number, number>();
    comps.forEach((c, idx) => {
      const cur = largest.get(c.site);
      if (cur === undefined || comps[cur].points.length < c.points.length) largest.set(c.site, idx);
    });
    comps.forEach((c, idx) => {
      if (largest.get(c.site) === idx) return;
      const votes = new Map<number, number>();
      for (const p of c.points)
        for (const q of neighbours(p)) if (assign[q] !== c.site) votes.set(assign[q], (votes.get(assign[q]) ?? 0) + 1);
      let best = -1,
        bv = -1;
      for (const [s, v] of [...votes].sort((a, b) => a[0] - b[0]))
        if (v > bv) {
          bv = v;
          best = s;
        }
      if (best >= 0) {
        for (const p of c.points) assign[p] = best;
        changed = true;
      }
    });
    if (!changed) break;
  }
  // A site that lost all its points takes back the point it stands on.
  const counts = new Int32Array(k);
  for (let p = 0; p < lat.count; p++) counts[assign[p]]++;
  for (let c = 0; c < k; c++) if (counts[c] === 0 && sitePoint[c] >= 0) assign[sitePoint[c]] = c;
}
