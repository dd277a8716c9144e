import { describe, expect, it } from "vitest";
import { replayBounds, replayFrame } from "./track-frame";

const points = [
  { at: "2026-12-01T01:00:00Z", lon: 116.1, lat: 39.9, accuracyM: 8 },
  { at: "2026-12-01T01:01:00Z", lon: 116.2, lat: 39.8, accuracyM: 9 },
  { at: "2026-12-01T01:02:00Z", lon: 116.3, lat: 39.95, accuracyM: null },
];

describe("replayFrame", () => {
  it("walks the points up to the cursor and stands on it", () => {
    expect(replayFrame(points, 1)).toEqual({
      walked: [
        [116.1, 39.9],
        [116.2, 39.8],
      ],
      current: points[1],
    });
  });
  it("clamps a cursor beyond either end", () => {
    expect(replayFrame(points, 9).current).toBe(points[2]);
    expect(replayFrame(points, -3)).toEqual({ walked: [[116.1, 39.9]], current: points[0] });
  });
  it("has nothing to draw for an empty track", () => {
    expect(replayFrame([], 0)).toEqual({ walked: [], current: null });
  });
});

describe("replayBounds", () => {
  it("frames the track and the grid's outline together", () => {
    const grid = {
      type: "MultiPolygon",
      coordinates: [
        [
          [
            [116.0, 39.7],
            [116.25, 39.7],
            [116.25, 39.9],
            [116.0, 39.7],
          ],
        ],
      ],
    };
    expect(replayBounds(points, grid)).toEqual([116.0, 39.7, 116.3, 39.95]);
  });
  it("is null with neither track nor grid", () => {
    expect(replayBounds([], null)).toBeNull();
  });
});
