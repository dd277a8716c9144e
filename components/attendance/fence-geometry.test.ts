import { describe, expect, it } from "vitest";
import { circleRing, fenceAnchor, fenceFromRing, fenceInput, openRing, selfIntersects } from "./fence-geometry";

const square: [number, number][] = [
  [116.6, 39.8],
  [116.601, 39.8],
  [116.601, 39.801],
  [116.6, 39.801],
];

describe("fence geometry in the editor", () => {
  it("finds the crossing edges of a bow tie, not of a square", () => {
    expect(selfIntersects(square)).toBe(false);
    expect(selfIntersects([square[0], square[2], square[1], square[3]])).toBe(true);
    expect(selfIntersects(square.slice(0, 3))).toBe(false);
  });

  it("reads a drawn circle back as centre + radius, and a polygon as its open ring", () => {
    const ring = circleRing([116.6, 39.8], 150);
    expect(ring).toHaveLength(65);
    const fence = fenceFromRing(ring, 150);
    expect(fence.shape).toBe("circle");
    if (fence.shape !== "circle") return;
    expect(fence.center[0]).toBeCloseTo(116.6, 5);
    expect(fence.center[1]).toBeCloseTo(39.8, 5);
    expect(fenceInput(fence)).toEqual({ shape: "circle", center: fence.center, radiusM: 150 });
    expect(fenceFromRing([...square, square[0]], null)).toEqual({ shape: "polygon", ring: square });
    expect(openRing([...square, square[0]])).toEqual(square);
    const [lon, lat] = fenceAnchor({ shape: "polygon", ring: square });
    expect(lon).toBeCloseTo(116.6005, 9);
    expect(lat).toBeCloseTo(39.8005, 9);
  });
});
