import { describe, expect, it } from "vitest";
import { makeFrame, toLonLat, type MultiPolygon } from "./geometry";
import { gridArea, insideWithMargin, pointEwkt, pointInGrid, pointNear, toMetres } from "./cases-place";
import { rngFor } from "./random";

const frame = makeFrame(116.7, 39.8);
/** A 200 m × 100 m rectangle east of the centre, with a 40 m square hole, as WGS-84 rings. */
const rect = (x0: number, y0: number, w: number, h: number) =>
  [
    [x0, y0],
    [x0 + w, y0],
    [x0 + w, y0 + h],
    [x0, y0 + h],
    [x0, y0],
  ].map(([x, y]) => toLonLat(frame, x, y));
const polygon: MultiPolygon = [[rect(100, 0, 200, 100), rect(180, 30, 40, 40).reverse()]];
const area = gridArea(frame, polygon, toLonLat(frame, 120, 50));

describe("points in a grid", () => {
  it("round-trips the local frame", () => {
    const [lon, lat] = toLonLat(frame, 123.4, -56.7);
    const [x, y] = toMetres(frame, lon, lat);
    expect(x).toBeCloseTo(123.4, 6);
    expect(y).toBeCloseTo(-56.7, 6);
  });

  it("keeps the margin from the border and stays out of holes", () => {
    expect(insideWithMargin(area, 150, 50)).toBe(true);
    expect(insideWithMargin(area, 101, 50)).toBe(false); // 1 m from the west edge
    expect(insideWithMargin(area, 200, 50)).toBe(false); // in the hole
    const rng = rngFor(1, "grid");
    for (let i = 0; i < 2000; i++) {
      const [x, y] = pointInGrid(area, rng);
      expect(insideWithMargin(area, x, y, 3)).toBe(true);
    }
  });

  it("places points near an anchor but never outside, falling back to the anchor", () => {
    const rng = rngFor(2, "near");
    for (let i = 0; i < 2000; i++) {
      const [x, y] = pointNear(area, rng, [103, 50], 30);
      expect(insideWithMargin(area, x, y) || (x === 103 && y === 50) || (x === area.inside[0] && y === area.inside[1])).toBe(
        true,
      );
    }
    // An anchor outside the grid never leaks out: the inside point is used.
    const far = pointNear(area, rng, [1000, 1000], 5);
    expect(far).toEqual(area.inside);
  });

  it("writes EWKT with 7 decimals", () => {
    expect(pointEwkt(frame, [0, 0])).toBe("SRID=4326;POINT(116.7000000 39.8000000)");
  });
});
