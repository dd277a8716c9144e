/**
 * Where a generated case lies: always inside its basic grid, at least a margin from the grid's border,
 * so point-in-polygon in PostGIS finds the same grid (the border itself belongs to two grids, and the
 * WGS-84 coordinates are rounded to 7 decimals, ~1 cm). Coordinates are handled in the generator's local
 * metric frame (geometry.ts) around the district centre, converted to and from WGS-84 with one affine
 * transform.
 */
import {
  distanceToSegments2,
  pointInSegments,
  segmentsOf,
  toLonLat,
  type BBox,
  type Frame,
  type MultiPolygon,
  type Pt,
} from "./geometry";
import type { Rng } from "./random";

/** Metres a case point keeps from its grid's border. */
export const CASE_MARGIN = 2;

export type GridArea = { segs: Float64Array; bbox: BBox; inside: Pt };

/** WGS-84 → the local frame. */
export function toMetres(f: Frame, lon: number, lat: number): Pt {
  return [(lon - f.lon0) / f.degPerMetreX, (lat - f.lat0) / f.degPerMetreY];
}

/** A grid's polygon (WGS-84 rings) in the local frame, with a point known to lie inside it (PostGIS point on surface). */
export function gridArea(f: Frame, lonLatPolygon: MultiPolygon, insideLonLat: Pt): GridArea {
  const metres: MultiPolygon = lonLatPolygon.map((poly) => poly.map((ring) => ring.map(([lon, lat]) => toMetres(f, lon, lat))));
  const segs = segmentsOf(metres);
  const bbox = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (let k = 0; k < segs.length; k += 2) {
    bbox.minX = Math.min(bbox.minX, segs[k]);
    bbox.maxX = Math.max(bbox.maxX, segs[k]);
    bbox.minY = Math.min(bbox.minY, segs[k + 1]);
    bbox.maxY = Math.max(bbox.maxY, segs[k + 1]);
  }
  return { segs, bbox, inside: toMetres(f, insideLonLat[0], insideLonLat[1]) };
}

/** True when (x, y) lies in the grid with at least `margin` metres to its border. */
export function insideWithMargin(g: GridArea, x: number, y: number, margin = CASE_MARGIN): boolean {
  return pointInSegments(g.segs, x, y) && distanceToSegments2(g.segs, x, y) >= margin * margin;
}

/**
 * A point within `radius` metres of `anchor` (a building's centre, a shop) and inside the grid; after a few
 * misses, the anchor itself (buildings and shops already lie well inside their grid).
 */
export function pointNear(g: GridArea, rng: Rng, anchor: Pt, radius: number): Pt {
  for (let i = 0; i < 8; i++) {
    const angle = rng.next() * 2 * Math.PI;
    const r = radius * Math.sqrt(rng.next());
    const x = anchor[0] + r * Math.cos(angle),
      y = anchor[1] + r * Math.sin(angle);
    if (insideWithMargin(g, x, y)) return [x, y];
  }
  return insideWithMargin(g, anchor[0], anchor[1]) ? anchor : g.inside;
}

/** A uniform point in the grid (rejection in its bounding box); the inside point after many misses. */
export function pointInGrid(g: GridArea, rng: Rng): Pt {
  for (let i = 0; i < 80; i++) {
    const x = rng.range(g.bbox.minX, g.bbox.maxX),
      y = rng.range(g.bbox.minY, g.bbox.maxY);
    if (insideWithMargin(g, x, y, 3)) return [x, y];
  }
  return g.inside;
}

/** EWKT of a local point in WGS-84, 7 decimals. */
export function pointEwkt(f: Frame, p: Pt): string {
  const [lon, lat] = toLonLat(f, p[0], p[1]);
  return `SRID=4326;POINT(${lon.toFixed(7)} ${lat.toFixed(7)})`;
}
