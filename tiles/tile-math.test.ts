import { describe, expect, it } from "vitest";
import {
  WORLD_HALF,
  extentUnit3857,
  isValidTile,
  lonLatToTile,
  parseTileCoord,
  tileBounds3857,
  tileBoundsLonLat,
  tileToLonLat,
  tilesCoveringBbox,
} from "./tile-math";

describe("parseTileCoord", () => {
  it("accepts canonical integers inside the pyramid", () => {
    expect(parseTileCoord("0", "0", "0")).toEqual({ ok: true, tile: { z: 0, x: 0, y: 0 } });
    expect(parseTileCoord("14", "13500", "6214")).toEqual({ ok: true, tile: { z: 14, x: 13500, y: 6214 } });
    expect(parseTileCoord("22", String(2 ** 22 - 1), "0")).toEqual({ ok: true, tile: { z: 22, x: 4194303, y: 0 } });
  });

  it.each([
    ["1.5", "0", "0", /^z must be a non-negative integer.*"1\.5"/],
    ["-1", "0", "0", /^z must be a non-negative integer.*"-1"/],
    ["abc", "0", "0", /^z must be a non-negative integer.*"abc"/],
    ["01e2", "0", "0", /^z must be a non-negative integer.*"01e2"/],
    ["01", "0", "0", /^z must be a non-negative integer/],
    ["", "0", "0", /^z must be a non-negative integer/],
    [" 1", "0", "0", /^z must be a non-negative integer/],
    ["0x1", "0", "0", /^z must be a non-negative integer/],
    ["23", "0", "0", /^z must be between 0 and 22 \(got 23\)/],
    ["1", "abc", "0", /^x must be a non-negative integer.*"abc"/],
    ["1", "0", "1e0", /^y must be a non-negative integer.*"1e0"/],
    ["1", "2", "0", /^x must be between 0 and 1 at zoom 1 \(got 2\)/],
    ["0", "0", "1", /^y must be between 0 and 0 at zoom 0 \(got 1\)/],
    ["14", "16384", "0", /^x must be between 0 and 16383 at zoom 14/],
  ])("refuses z=%j x=%j y=%j", (z, x, y, message) => {
    const result = parseTileCoord(z, x, y);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it("isValidTile agrees with the pyramid", () => {
    expect(isValidTile({ z: 3, x: 7, y: 7 })).toBe(true);
    expect(isValidTile({ z: 3, x: 8, y: 0 })).toBe(false);
    expect(isValidTile({ z: 23, x: 0, y: 0 })).toBe(false);
    expect(isValidTile({ z: 1, x: 0.5, y: 0 })).toBe(false);
  });
});

describe("tile bounds", () => {
  it("z0 is the whole EPSG:3857 square", () => {
    expect(tileBounds3857({ z: 0, x: 0, y: 0 })).toEqual([-WORLD_HALF, -WORLD_HALF, WORLD_HALF, WORLD_HALF]);
    expect(WORLD_HALF).toBeCloseTo(20037508.342789244, 6);
  });

  it("z1 splits it in four, y counting from the north", () => {
    expect(tileBounds3857({ z: 1, x: 0, y: 0 })).toEqual([-WORLD_HALF, 0, 0, WORLD_HALF]);
    expect(tileBounds3857({ z: 1, x: 1, y: 1 })).toEqual([0, -WORLD_HALF, WORLD_HALF, 0]);
  });

  it("matches a worked z14 tile over Tongzhou", () => {
    // size = 2 × 20037508.342789244 / 2^14 = 2445.98490512564 m
    // minX = −20037508.3428 + 13500 × 2445.9849 = 12983287.8764
    // maxY =  20037508.3428 −  6214 × 2445.9849 =  4838158.1423
    const [minX, minY, maxX, maxY] = tileBounds3857({ z: 14, x: 13500, y: 6214 });
    expect(minX).toBeCloseTo(12983287.8764, 3);
    expect(maxX - minX).toBeCloseTo(2445.98490512564, 6);
    expect(maxY).toBeCloseTo(4838158.1423, 3);
    expect(maxY - minY).toBeCloseTo(2445.98490512564, 6);
  });

  it("lon/lat bounds of z0 reach the Mercator limit", () => {
    const [w, s, e, n] = tileBoundsLonLat({ z: 0, x: 0, y: 0 });
    expect(w).toBe(-180);
    expect(e).toBe(180);
    expect(n).toBeCloseTo(85.0511287798, 8);
    expect(s).toBeCloseTo(-85.0511287798, 8);
  });

  it("one extent unit at z14 is 2445.98 / 4096 m", () => {
    expect(extentUnit3857(14)).toBeCloseTo(0.597164, 5);
  });
});

describe("lon/lat ↔ tile", () => {
  it("finds the z14 tile of Tongzhou (116.65, 39.80)", () => {
    // Worked by hand, n = 2^14 = 16384:
    //   x = (116.65 + 180) / 360 × n = 0.8240278 × 16384 = 13500.87           → 13500
    //   φ = 39.80° = 0.694641 rad; tan φ = 0.833169; sec φ = 1.301603
    //   ln(tan φ + sec φ) = ln(2.134772) = 0.758360; ÷ π = 0.241393
    //   y = (1 − 0.241393) / 2 × n = 0.379303 × 16384 = 6214.51                 → 6214
    expect(lonLatToTile(116.65, 39.8, 14)).toEqual({ z: 14, x: 13500, y: 6214 });
  });

  it("maps the origin and the corners", () => {
    expect(lonLatToTile(0, 0, 1)).toEqual({ z: 1, x: 1, y: 1 });
    expect(lonLatToTile(-180, 85.06, 2)).toEqual({ z: 2, x: 0, y: 0 });
    // the east and south edges belong to the last tile, not to a tile outside the pyramid
    expect(lonLatToTile(180, -90, 2)).toEqual({ z: 2, x: 3, y: 3 });
  });

  it("tileToLonLat inverts lonLatToTile at the tile corner", () => {
    const nw = tileToLonLat(13500, 6214, 14);
    expect(nw.lon).toBeCloseTo(116.630859375, 9); // 13500 / 16384 × 360 − 180
    expect(lonLatToTile(nw.lon + 1e-9, nw.lat - 1e-9, 14)).toEqual({ z: 14, x: 13500, y: 6214 });
  });
});

describe("tilesCoveringBbox", () => {
  it("lists the tiles of a small box row by row", () => {
    // Tongzhou's centre ± 0.02°: one z14 tile spans 0.02197° of longitude and ~0.0169° of latitude here,
    // so x runs 13499..13501 and y 6213 (39.82°N) .. 6215 (39.78°N)
    const tiles = tilesCoveringBbox([116.63, 39.78, 116.67, 39.82], 14);
    const xs = [...new Set(tiles.map((t) => t.x))];
    const ys = [...new Set(tiles.map((t) => t.y))];
    expect(xs).toEqual([13499, 13500, 13501]);
    expect(ys).toEqual([6213, 6214, 6215]);
    expect(tiles).toHaveLength(9);
    expect(tiles[0]).toEqual({ z: 14, x: 13499, y: 6213 });
  });

  it("is one tile at z0 and refuses oversized lists", () => {
    expect(tilesCoveringBbox([116.3, 39.6, 117.0, 40.0], 0)).toEqual([{ z: 0, x: 0, y: 0 }]);
    expect(() => tilesCoveringBbox([-180, -85, 180, 85], 12, 1000)).toThrow(/exceed the limit/);
    expect(() => tilesCoveringBbox([2, 0, 1, 1], 3)).toThrow(/invalid bbox/);
  });
});
