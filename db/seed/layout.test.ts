import { describe, expect, it } from "vitest";
import { distanceToSegments2, pointInQuad, pointInSegments, segmentsOf, type MultiPolygon, type Pt } from "./geometry";
import {
  BUILDING_MARGIN,
  layoutUrbanGrid,
  layoutVillageGrid,
  pickEstateStyle,
  pointsInGrid,
  prepareGrid,
  type PlannedBuilding,
} from "./layout";
import { rngFor } from "./random";

// An irregular grid of about 0.12 km² with a notch, crossed by a road.
const GRID: MultiPolygon = [
  [
    [
      [0, 0],
      [420, 20],
      [400, 300],
      [220, 220],
      [180, 360],
      [-20, 330],
    ],
  ],
];
const ROAD: Pt[] = [
  [-100, 150],
  [600, 160],
];

function overlaps(a: PlannedBuilding, b: PlannedBuilding) {
  return a.corners.some(([x, y]) => pointInQuad(b.corners, x, y)) || b.corners.some(([x, y]) => pointInQuad(a.corners, x, y));
}

describe("building layout", () => {
  const shape = prepareGrid(GRID, [150, 120], [{ kind: "line", points: ROAD, clearance: 32 }]);
  const segs = segmentsOf(GRID);
  const road = segmentsOf([[ROAD]]);

  for (const [label, buildings] of [
    ["urban", layoutUrbanGrid(shape, 450, pickEstateStyle(rngFor(1, "style")), rngFor(1, "layout"))],
    ["village", layoutVillageGrid(shape, 120, 0.2, rngFor(1, "village"))],
  ] as const) {
    it(`${label}: footprints strictly inside the grid with a margin, clear of the road, never overlapping`, () => {
      expect(buildings.length).toBeGreaterThan(0);
      for (const b of buildings) {
        for (const [x, y] of b.corners) {
          expect(pointInSegments(segs, x, y)).toBe(true);
          expect(Math.sqrt(distanceToSegments2(segs, x, y))).toBeGreaterThanOrEqual(BUILDING_MARGIN - 1e-9);
        }
        expect(Math.sqrt(distanceToSegments2(road, b.cx, b.cy))).toBeGreaterThan(32);
      }
      for (let i = 0; i < buildings.length; i++)
        for (let j = i + 1; j < buildings.length; j++) expect(overlaps(buildings[i], buildings[j])).toBe(false);
    });
  }

  it("urban: 6–33 floors, 2–4 entrances, 2–6 rooms a floor, enough rooms for the households", () => {
    for (let s = 0; s < 20; s++) {
      const style = pickEstateStyle(rngFor(s, "style"));
      const buildings = layoutUrbanGrid(shape, 450, style, rngFor(s, "layout"));
      const rooms = buildings.reduce(
        (a, b) => a + b.floors * b.entrances * b.roomsPerFloor - (b.commercialGround ? b.entrances * b.roomsPerFloor : 0),
        0,
      );
      expect(rooms).toBeGreaterThanOrEqual(450);
      for (const b of buildings) {
        expect(b.floors).toBeGreaterThanOrEqual(6);
        expect(b.floors).toBeLessThanOrEqual(33);
        expect(b.entrances).toBeGreaterThanOrEqual(2);
        expect(b.entrances).toBeLessThanOrEqual(4);
        expect(b.roomsPerFloor).toBeGreaterThanOrEqual(2);
        expect(b.roomsPerFloor).toBeLessThanOrEqual(6);
      }
    }
  });

  it("village: low houses of 1–3 floors, one entrance, 1–2 rooms a floor", () => {
    const houses = layoutVillageGrid(shape, 120, 0.2, rngFor(2, "village"));
    for (const h of houses) {
      expect(h.type).toBe("village_house");
      expect(h.floors).toBeLessThanOrEqual(3);
      expect(h.entrances).toBe(1);
      expect(h.roomsPerFloor).toBeLessThanOrEqual(2);
    }
  });

  it("is deterministic for the same streams", () => {
    const a = layoutVillageGrid(shape, 120, 0.2, rngFor(9, "v"));
    const b = layoutVillageGrid(shape, 120, 0.2, rngFor(9, "v"));
    expect(a).toEqual(b);
  });

  it("places points inside the grid and outside buildings", () => {
    const buildings = layoutUrbanGrid(shape, 450, pickEstateStyle(rngFor(1, "style")), rngFor(1, "layout"));
    const pts = pointsInGrid(shape, 50, rngFor(1, "points"), buildings);
    expect(pts).toHaveLength(50);
    for (const [x, y] of pts) {
      expect(pointInSegments(segs, x, y)).toBe(true);
      expect(buildings.some((b) => pointInQuad(b.corners, x, y))).toBe(false);
    }
  });
});
