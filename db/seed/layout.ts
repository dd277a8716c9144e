/**
 * Where buildings stand inside a basic grid. Every footprint is a rectangle strictly inside its grid
 * (a margin from the border, so it lies within exactly one grid), clear of roads, rivers and lakes, and
 * on a lattice whose pitch exceeds the footprint, so buildings never overlap.
 *
 * - Urban estates: rows of identical slab buildings facing south (rotated with the 小区's street grid),
 *   row spacing growing with height (日照间距), grouped around the grid's centre.
 * - Villages: courtyard houses packed around the village centre, the rest of the grid is fields.
 */
import {
  distanceToSegments2,
  pointInQuad,
  pointInSegments,
  quadInside,
  rectangle,
  segmentsOf,
  type BBox,
  type MultiPolygon,
  type Pt,
} from "./geometry";
import type { Obstacle } from "./features";
import type { Rng } from "./random";

export type Footprint = { corners: Pt[]; cx: number; cy: number; length: number; depth: number; angle: number };

export type GridShape = {
  segs: Float64Array;
  bbox: BBox;
  site: Pt;
  lines: { segs: Float64Array; clearance: number }[];
  areas: { segs: Float64Array; clearance: number }[];
};

/** Margin between a building and its grid's border, metres. */
export const BUILDING_MARGIN = 6;

/** The grid's border as segments and the obstacles near it. */
export function prepareGrid(geom: MultiPolygon, site: Pt, obstacles: Obstacle[]): GridShape {
  const segs = segmentsOf(geom);
  const bbox = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (let k = 0; k < segs.length; k += 2) {
    bbox.minX = Math.min(bbox.minX, segs[k]);
    bbox.maxX = Math.max(bbox.maxX, segs[k]);
    bbox.minY = Math.min(bbox.minY, segs[k + 1]);
    bbox.maxY = Math.max(bbox.maxY, segs[k + 1]);
  }
  const lines: GridShape["lines"] = [];
  const areas: GridShape["areas"] = [];
  for (const o of obstacles) {
    if (o.kind === "area") {
      const segs = segmentsOf([[o.ring]]);
      let near = false;
      for (let k = 0; k < segs.length && !near; k += 2) {
        near =
          segs[k] > bbox.minX - 300 &&
          segs[k] < bbox.maxX + 300 &&
          segs[k + 1] > bbox.minY - 300 &&
          segs[k + 1] < bbox.maxY + 300;
      }
      if (near) areas.push({ segs, clearance: o.clearance });
      continue;
    }
    // Keep only the segments near this grid.
    const near: number[] = [];
    const pad = o.clearance + 200;
    for (let i = 0; i + 1 < o.points.length; i++) {
      const [x1, y1] = o.points[i],
        [x2, y2] = o.points[i + 1];
      if (
        Math.max(x1, x2) + pad < bbox.minX ||
        Math.min(x1, x2) - pad > bbox.maxX ||
        Math.max(y1, y2) + pad < bbox.minY ||
        Math.min(y1, y2) - pad > bbox.maxY
      )
        continue;
      near.push(x1, y1, x2, y2);
    }
    if (near.length) lines.push({ segs: Float64Array.from(near), clearance: o.clearance });
  }
  return { segs, bbox, site, lines, areas };
}

function clearOfObstacles(g: GridShape, x: number, y: number, radius: number): boolean {
  for (const l of g.lines) if (distanceToSegments2(l.segs, x, y) < (l.clearance + radius) ** 2) return false;
  for (const a of g.areas) {
    if (pointInSegments(a.segs, x, y) || distanceToSegments2(a.segs, x, y) < (a.clearance + radius) ** 2) return false;
  }
  return true;
}

/** Up to `count` footprints on a rotated lattice around the grid's site, nearest first. */
export function placeFootprints(
  g: GridShape,
  count: number,
  length: number,
  depth: number,
  angle: number,
  colPitch: number,
  rowPitch: number,
  rng: Rng,
  jitter = 0,
): Footprint[] {
  const ux = Math.cos(angle),
    uy = Math.sin(angle);
  const vx = -uy,
    vy = ux;
  const diag = Math.hypot(g.bbox.maxX - g.bbox.minX, g.bbox.maxY - g.bbox.minY);
  const ni = Math.ceil(diag / colPitch) + 1,
    nj = Math.ceil(diag / rowPitch) + 1;
  const [sx, sy] = g.site;
  // Villages grow as irregular blobs, not discs: the distance that orders the lots wobbles with direction.
  const [p2, p3] = jitter > 0 ? [rng.range(0, 2 * Math.PI), rng.range(0, 2 * Math.PI)] : [0, 0];
  const wobble = (x: number, y: number) => {
    if (jitter === 0) return 1;
    const t = Math.atan2(y - sy, x - sx);
    return 1 + 0.3 * Math.sin(2 * t + p2) + 0.18 * Math.sin(3 * t + p3);
  };
  const candidates: { x: number; y: number; d: number }[] = [];
  for (let i = -ni; i <= ni; i++) {
    for (let j = -nj; j <= nj; j++) {
      // Alternate rows shift by half a pitch in villages (jitter > 0): lanes rather than a chessboard.
      const shift = jitter > 0 && j % 2 !== 0 ? 0.5 : 0;
      const x = sx + (i + shift) * colPitch * ux + j * rowPitch * vx + (jitter ? rng.range(-jitter, jitter) : 0);
      const y = sy + (i + shift) * colPitch * uy + j * rowPitch * vy + (jitter ? rng.range(-jitter, jitter) : 0);
      if (x < g.bbox.minX || x > g.bbox.maxX || y < g.bbox.minY || y > g.bbox.maxY) continue;
      candidates.push({ x, y, d: ((x - sx) ** 2 + (y - sy) ** 2) * wobble(x, y) ** 2 });
    }
  }
  candidates.sort((a, b) => a.d - b.d);
  const out: Footprint[] = [];
  const radius = Math.hypot(length, depth) / 2;
  for (const c of candidates) {
    if (out.length >= count) break;
    if (!pointInSegments(g.segs, c.x, c.y)) continue;
    if (!clearOfObstacles(g, c.x, c.y, radius)) continue;
    const corners = rectangle(c.x, c.y, length, depth, angle);
    if (!quadInside(g.segs, corners, BUILDING_MARGIN)) continue;
    out.push({ corners, cx: c.x, cy: c.y, length, depth, angle });
  }
  return out;
}

export type EstateStyle = {
  kind: "walkup" | "midrise" | "tower";
  angle: number;
  entrances: number;
  roomsPerFloor: number;
  maxFloors: number;
};

/** An estate's era and street grid: 1980s–90s walk-ups, 2000s mid-rises, 2010s towers. */
export function pickEstateStyle(rng: Rng): EstateStyle {
  const x = rng.next();
  const angle = rng.range(-0.2, 0.2);
  if (x < 0.3) return { kind: "walkup", angle, entrances: rng.int(2, 4), roomsPerFloor: 2, maxFloors: 6 };
  if (x < 0.75)
    return { kind: "midrise", angle, entrances: rng.int(2, 4), roomsPerFloor: rng.int(2, 4), maxFloors: rng.int(9, 18) };
  return { kind: "tower", angle, entrances: rng.int(2, 3), roomsPerFloor: rng.int(4, 6), maxFloors: rng.int(24, 30) };
}

export type PlannedBuilding = Footprint & {
  type: string;
  floors: number;
  entrances: number;
  roomsPerFloor: number;
  commercialGround: boolean;
};

/** Share of an estate's rooms left empty, beyond the rooms the households need. */
const URBAN_SPARE = 0.05;

/**
 * Estate buildings holding at least `households` rooms (plus a few spare): as few buildings as the
 * style's height allows, lower and smaller when the grid is only lightly populated (medium/small scale).
 */
export function layoutUrbanGrid(g: GridShape, households: number, style: EstateStyle, rng: Rng): PlannedBuilding[] {
  if (households <= 0) return [];
  const rooms = Math.ceil(households / (1 - URBAN_SPARE));
  let best: PlannedBuilding[] = [];
  let bestRooms = 0;
  // The style first; then taller and tighter; then smaller footprints (narrow grids, grids cut by roads).
  const tries = [
    { entrances: style.entrances, roomsPerFloor: style.roomsPerFloor, maxFloors: style.maxFloors, spacing: 1.0 },
    { entrances: style.entrances, roomsPerFloor: style.roomsPerFloor, maxFloors: Math.max(style.maxFloors, 18), spacing: 0.8 },
    { entrances: style.entrances, roomsPerFloor: style.roomsPerFloor, maxFloors: 30, spacing: 0.6 },
    { entrances: 2, roomsPerFloor: Math.min(style.roomsPerFloor, 4), maxFloors: 30, spacing: 0.5 },
    { entrances: 2, roomsPerFloor: 2, maxFloors: 33, spacing: 0.4 },
  ];
  for (const t of tries) {
    const n = Math.max(1, Math.ceil(rooms / (t.entrances * t.roomsPerFloor * t.maxFloors)));
    // Lightly populated grids get smaller buildings: fewer rooms a floor, then fewer entrances (≥ 2).
    let floors = Math.min(t.maxFloors, Math.max(6, Math.ceil(rooms / (n * t.entrances * t.roomsPerFloor))));
    const rpf = Math.min(t.roomsPerFloor, Math.max(2, Math.ceil(rooms / (n * t.entrances * floors))));
    const e = Math.min(t.entrances, Math.max(2, Math.ceil(rooms / (n * rpf * floors))));
    floors = Math.min(t.maxFloors, Math.max(6, Math.ceil(rooms / (n * e * rpf))));
    const length = e * (8 + 5.5 * rpf);
    const depth = 12 + 1.5 * (rpf - 2);
    const colPitch = length + 14 * t.spacing + 6;
    const rowPitch = depth + Math.max(14, 0.7 * floors * 3 * t.spacing);
    const placed = placeFootprints(g, n, length, depth, style.angle, colPitch, rowPitch, rng);
    const built = placed.map((f) => ({
      ...f,
      type: floors >= 10 ? "high_rise" : "mid_rise",
      floors,
      entrances: e,
      roomsPerFloor: rpf,
      // Ground-floor shops (底商) in some walk-ups and mid-rises facing the street.
      commercialGround: style.kind !== "tower" && rng.chance(0.3),
    }));
    const capacity = built.reduce(
      (a, b) => a + b.floors * b.entrances * b.roomsPerFloor - (b.commercialGround ? b.entrances * b.roomsPerFloor : 0),
      0,
    );
    if (capacity > bestRooms) {
      best = built;
      bestRooms = capacity;
    }
    if (capacity >= households) break;
  }
  return best;
}

/** Village houses: 1–3 floors, one entrance, 1–2 rooms a floor, until the rooms hold `households`. */
export function layoutVillageGrid(g: GridShape, households: number, angle: number, rng: Rng): PlannedBuilding[] {
  if (households <= 0) return [];
  const specs: { floors: number; roomsPerFloor: number; commercialGround: boolean }[] = [];
  let rooms = 0;
  while (rooms < households / 0.93) {
    const x = rng.next();
    const floors = x < 0.65 ? 1 : x < 0.93 ? 2 : 3;
    const roomsPerFloor = rng.chance(0.3) ? 2 : 1;
    const commercialGround = floors > 1 && rng.chance(0.04);
    specs.push({ floors, roomsPerFloor, commercialGround });
    rooms += floors * roomsPerFloor - (commercialGround ? roomsPerFloor : 0);
  }
  const length = rng.range(11, 15),
    depth = rng.range(9, 12);
  let placed: Footprint[] = [];
  for (const tight of [1, 0.75, 0.55]) {
    placed = placeFootprints(g, specs.length, length, depth, angle, length + 7 * tight, depth + 8 * tight, rng, 1.5);
    if (placed.length >= specs.length) break;
  }
  return placed.map((f, i) => ({
    ...f,
    type: "village_house",
    floors: specs[i].floors,
    entrances: 1,
    roomsPerFloor: specs[i].roomsPerFloor,
    commercialGround: specs[i].commercialGround,
  }));
}

/** Random points inside the grid, `margin` from its border, outside buildings and clear of obstacles. */
export function pointsInGrid(g: GridShape, count: number, rng: Rng, buildings: Footprint[], margin = 3): Pt[] {
  const out: Pt[] = [];
  const m2 = margin * margin;
  for (let tries = 0; out.length < count && tries < count * 60; tries++) {
    const x = rng.range(g.bbox.minX, g.bbox.maxX),
      y = rng.range(g.bbox.minY, g.bbox.maxY);
    if (!pointInSegments(g.segs, x, y) || distanceToSegments2(g.segs, x, y) < m2) continue;
    if (!clearOfObstacles(g, x, y, 2)) continue;
    if (buildings.some((b) => Math.abs(b.cx - x) < b.length && Math.abs(b.cy - y) < b.length && pointInQuad(b.corners, x, y)))
      continue;
    out.push([x, y]);
  }
  return out;
}

/** A point inside a footprint: along its south face, `t` in (0, 1) from its west end (shops, 底商). */
export function pointInFootprint(f: Footprint, t: number): Pt {
  const ux = Math.cos(f.angle),
    uy = Math.sin(f.angle);
  const along = (t - 0.5) * f.length * 0.85;
  const across = -0.3 * f.depth;
  return [f.cx + along * ux - across * uy, f.cy + along * uy + across * ux];
}
