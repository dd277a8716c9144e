/**
 * Web-Mercator tile coordinate maths (XYZ / "slippy map" scheme, y grows southwards, EPSG:3857).
 * Pure functions, no I/O: shared by the tile route, the benchmark and the map client.
 */

/** Half the width of the EPSG:3857 square world, in metres (π × 6 378 137). */
export const WORLD_HALF = 20037508.342789244;
/** The deepest zoom the tile routes serve. */
export const MAX_TILE_ZOOM = 22;
/** Web-Mercator stops at ±85.0511°: beyond it y would be infinite. */
export const MAX_LATITUDE = 85.0511287798066;

export type TileCoord = { z: number; x: number; y: number };
/** [minX, minY, maxX, maxY] */
export type Bbox = [number, number, number, number];

export type TileCoordResult = { ok: true; tile: TileCoord } | { ok: false; message: string };

// A canonical non-negative decimal integer: no sign, no fraction, no exponent, no leading zero
// (one URL per tile keeps caches and ETags from splitting).
const CANONICAL_INT = /^(0|[1-9][0-9]{0,8})$/;

function parsePart(name: string, raw: string): number | string {
  if (!CANONICAL_INT.test(raw)) {
    return `${name} must be a non-negative integer written in plain decimal digits (got "${raw}")`;
  }
  return Number(raw);
}

/**
 * Parses z/x/y from URL segments. Accepts only canonical decimal integers with 0 ≤ z ≤ 22 and
 * 0 ≤ x, y < 2^z; "1.5", "-1", "abc", "01e2" and "01" are refused with a message saying why.
 */
export function parseTileCoord(zRaw: string, xRaw: string, yRaw: string): TileCoordResult {
  const z = parsePart("z", zRaw);
  if (typeof z === "string") return { ok: false, message: z };
  if (z > MAX_TILE_ZOOM) return { ok: false, message: `z must be between 0 and ${MAX_TILE_ZOOM} (got ${z})` };
  const x = parsePart("x", xRaw);
  if (typeof x === "string") return { ok: false, message: x };
  const y = parsePart("y", yRaw);
  if (typeof y === "string") return { ok: false, message: y };
  const n = 2 ** z;
  if (x >= n) return { ok: false, message: `x must be between 0 and ${n - 1} at zoom ${z} (got ${x})` };
  if (y >= n) return { ok: false, message: `y must be between 0 and ${n - 1} at zoom ${z} (got ${y})` };
  return { ok: true, tile: { z, x, y } };
}

/** True when z/x/y are integers inside the tile pyramid. */
export function isValidTile({ z, x, y }: TileCoord): boolean {
  if (![z, x, y].every(Number.isInteger) || z < 0 || z > MAX_TILE_ZOOM) return false;
  const n = 2 ** z;
  return x >= 0 && y >= 0 && x < n && y < n;
}

/** Width of one tile at zoom z, in EPSG:3857 metres. */
export function tileSize3857(z: number): number {
  return (2 * WORLD_HALF) / 2 ** z;
}

/** The tile's square in EPSG:3857 metres, the same as PostGIS's ST_TileEnvelope(z, x, y). */
export function tileBounds3857({ z, x, y }: TileCoord): Bbox {
  const size = tileSize3857(z);
  const minX = -WORLD_HALF + x * size;
  const maxY = WORLD_HALF - y * size;
  return [minX, maxY - size, minX + size, maxY];
}

/** Fractional tile position of a lon/lat at zoom z (lat clamped to the Mercator limit). */
export function lonLatToTileFraction(lon: number, lat: number, z: number): { x: number; y: number } {
  const n = 2 ** z;
  const clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
  const phi = (clamped * Math.PI) / 180;
  const x = ((lon + 180) / 360) * n;
  const y = ((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * n;
  return { x, y };
}

/** The tile holding a lon/lat at zoom z (the east and south edges belong to the last tile). */
export function lonLatToTile(lon: number, lat: number, z: number): TileCoord {
  const n = 2 ** z;
  const f = lonLatToTileFraction(lon, lat, z);
  const clamp = (v: number) => Math.min(n - 1, Math.max(0, Math.floor(v)));
  return { z, x: clamp(f.x), y: clamp(f.y) };
}

/** Lon/lat of a tile's north-west corner (x, y may be fractional, or n for the far edges). */
export function tileToLonLat(x: number, y: number, z: number): { lon: number; lat: number } {
  const n = 2 ** z;
  const lon = (x / n) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / n))) * 180) / Math.PI;
  return { lon, lat };
}

/** The tile's box in lon/lat: [west, south, east, north]. */
export function tileBoundsLonLat({ z, x, y }: TileCoord): Bbox {
  const nw = tileToLonLat(x, y, z);
  const se = tileToLonLat(x + 1, y + 1, z);
  return [nw.lon, se.lat, se.lon, nw.lat];
}

/**
 * Every tile at zoom z that intersects a lon/lat box [west, south, east, north], row by row from the
 * north-west. Throws when the list would exceed `limit` (a guard against asking for z20 over a city).
 */
export function tilesCoveringBbox(bbox: Bbox, z: number, limit = 1_000_000): TileCoord[] {
  const [west, south, east, north] = bbox;
  if (!(west <= east && south <= north)) throw new Error(`invalid bbox ${bbox.join(",")}`);
  const min = lonLatToTile(west, north, z);
  const max = lonLatToTile(east, south, z);
  const count = (max.x - min.x + 1) * (max.y - min.y + 1);
  if (count > limit) throw new Error(`${count} tiles at zoom ${z} exceed the limit of ${limit}`);
  const tiles: TileCoord[] = [];
  for (let y = min.y; y <= max.y; y++) {
    for (let x = min.x; x <= max.x; x++) tiles.push({ z, x, y });
  }
  return tiles;
}

/**
 * Size of one MVT extent unit in metres at zoom z (a tile is `extent` units wide). Simplification
 * tolerances are expressed in these units so they shrink with the zoom.
 */
export function extentUnit3857(z: number, extent = 4096): number {
  return tileSize3857(z) / extent;
}
