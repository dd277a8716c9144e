/**
 * Planar geometry in a local metric frame (metres east/north of the district centre). The generator
 * works in metres and converts to WGS-84 once, with the same affine transform in SQL and in TypeScript,
 * so shapes built on either side line up.
 */

export type Pt = [number, number];
export type Ring = Pt[];
export type Polygon = Ring[];
export type MultiPolygon = Polygon[];

/** Metres ↔ degrees around (lon0, lat0): an equirectangular frame, accurate to ~0.1% over a district. */
export type Frame = { lon0: number; lat0: number; degPerMetreX: number; degPerMetreY: number };

export function makeFrame(lon0: number, lat0: number): Frame {
  const rad = (lat0 * Math.PI) / 180;
  // Metres per degree on the WGS-84 ellipsoid at this latitude.
  const mPerDegLat = 111132.92 - 559.82 * Math.cos(2 * rad) + 1.175 * Math.cos(4 * rad);
  const mPerDegLon = 111412.84 * Math.cos(rad) - 93.5 * Math.cos(3 * rad);
  return { lon0, lat0, degPerMetreX: 1 / mPerDegLon, degPerMetreY: 1 / mPerDegLat };
}

/** Same arithmetic as the SQL `st_affine(g, degPerMetreX, 0, 0, degPerMetreY, lon0, lat0)`. */
export function toLonLat(f: Frame, x: number, y: number): Pt {
  return [f.degPerMetreX * x + 0 * y + f.lon0, 0 * x + f.degPerMetreY * y + f.lat0];
}

export function ringArea(ring: Ring): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] + ring[i][0]) * (ring[j][1] - ring[i][1]);
  return Math.abs(a) / 2;
}

export function multiPolygonArea(mp: MultiPolygon): number {
  let a = 0;
  for (const poly of mp) poly.forEach((ring, i) => (a += i === 0 ? ringArea(ring) : -ringArea(ring)));
  return a;
}

export type BBox = { minX: number; minY: number; maxX: number; maxY: number };

export function bboxOf(mp: MultiPolygon): BBox {
  const b = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const poly of mp)
    for (const ring of poly)
      for (const [x, y] of ring) {
        if (x < b.minX) b.minX = x;
        if (y < b.minY) b.minY = y;
        if (x > b.maxX) b.maxX = x;
        if (y > b.maxY) b.maxY = y;
      }
  return b;
}

/** Boundary segments as a flat array [x1, y1, x2, y2, …] (fast loops for the tests below). */
export function segmentsOf(mp: MultiPolygon): Float64Array {
  let n = 0;
  for (const poly of mp) for (const ring of poly) n += ring.length;
  const out = new Float64Array(n * 4);
  let k = 0;
  for (const poly of mp)
    for (const ring of poly) {
      for (let i = 0; i < ring.length; i++) {
        const a = ring[i];
        const b = ring[(i + 1) % ring.length];
        out[k++] = a[0];
        out[k++] = a[1];
        out[k++] = b[0];
        out[k++] = b[1];
      }
    }
  return out.subarray(0, k);
}

/** Even–odd point-in-polygon over all rings (holes and multiple parts included). */
export function pointInSegments(segs: Float64Array, x: number, y: number): boolean {
  let inside = false;
  for (let k = 0; k < segs.length; k += 4) {
    const x1 = segs[k],
      y1 = segs[k + 1],
      x2 = segs[k + 2],
      y2 = segs[k + 3];
    if (y1 > y !== y2 > y && x < ((x2 - x1) * (y - y1)) / (y2 - y1) + x1) inside = !inside;
  }
  return inside;
}

/** Squared distance from a point to the nearest boundary segment. */
export function distanceToSegments2(segs: Float64Array, x: number, y: number): number {
  let best = Infinity;
  for (let k = 0; k < segs.length; k += 4) {
    const d = pointSegmentDistance2(x, y, segs[k], segs[k + 1], segs[k + 2], segs[k + 3]);
    if (d < best) best = d;
  }
  return best;
}

export function pointSegmentDistance2(px: number, py: number, x1: number, y1: number, x2: number, y2: number): number {
  const dx = x2 - x1,
    dy = y2 - y1;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - x1) * dx + (py - y1) * dy) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const ex = x1 + t * dx - px,
    ey = y1 + t * dy - py;
  return ex * ex + ey * ey;
}

function segmentsCross(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): boolean {
  const d1 = (dx - cx) * (ay - cy) - (dy - cy) * (ax - cx);
  const d2 = (dx - cx) * (by - cy) - (dy - cy) * (bx - cx);
  const d3 = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  const d4 = (bx - ax) * (dy - ay) - (by - ay) * (dx - ax);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

/**
 * True when the convex quadrilateral `corners` lies inside the polygon with at least `margin` metres to
 * its boundary: every corner inside and at least `margin` from the boundary, no boundary segment
 * crossing an edge, and no boundary vertex inside the quadrilateral.
 */
export function quadInside(segs: Float64Array, corners: Pt[], margin: number): boolean {
  const m2 = margin * margin;
  for (const [x, y] of corners) {
    if (!pointInSegments(segs, x, y)) return false;
  }
  for (let k = 0; k < segs.length; k += 4) {
    const x1 = segs[k],
      y1 = segs[k + 1],
      x2 = segs[k + 2],
      y2 = segs[k + 3];
    for (let i = 0; i < 4; i++) {
      const a = corners[i],
        b = corners[(i + 1) % 4];
      if (segmentsCross(a[0], a[1], b[0], b[1], x1, y1, x2, y2)) return false;
      if (pointSegmentDistance2(x1, y1, a[0], a[1], b[0], b[1]) < m2) return false;
      if (pointSegmentDistance2(a[0], a[1], x1, y1, x2, y2) < m2) return false;
    }
    if (pointInQuad(corners, x1, y1)) return false;
  }
  return true;
}

export function pointInQuad(q: Pt[], x: number, y: number): boolean {
  let sign = 0;
  for (let i = 0; i < q.length; i++) {
    const a = q[i],
      b = q[(i + 1) % q.length];
    const c = (b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]);
    if (c !== 0) {
      if (sign === 0) sign = Math.sign(c);
      else if (Math.sign(c) !== sign) return false;
    }
  }
  return true;
}

/** Corners of a rectangle centred at (cx, cy), `length` along the rotated x axis, `depth` across. */
export function rectangle(cx: number, cy: number, length: number, depth: number, angle: number): Pt[] {
  const c = Math.cos(angle),
    s = Math.sin(angle);
  const hx = length / 2,
    hy = depth / 2;
  return [
    [cx + -hx * c - -hy * s, cy + -hx * s + -hy * c],
    [cx + hx * c - -hy * s, cy + hx * s + -hy * c],
    [cx + hx * c - hy * s, cy + hx * s + hy * c],
    [cx + -hx * c - hy * s, cy + -hx * s + hy * c],
  ];
}

/** Circumradius of a rectangle (for quick distance tests against obstacles). */
export function halfDiagonal(length: number, depth: number): number {
  return Math.hypot(length, depth) / 2;
}

/** WKT of a ring in WGS-84 through the frame (closed, counter-clockwise as given). */
export function polygonWkt(f: Frame, ring: Pt[]): string {
  const pts = ring.concat([ring[0]]).map(([x, y]) => {
    const [lon, lat] = toLonLat(f, x, y);
    return `${lon} ${lat}`;
  });
  return `SRID=4326;POLYGON((${pts.join(",")}))`;
}

export function pointWkt(f: Frame, x: number, y: number): string {
  const [lon, lat] = toLonLat(f, x, y);
  return `SRID=4326;POINT(${lon} ${lat})`;
}
