import { describe, expect, it } from "vitest";
import { judgePatrol } from "./patrol-rule";

const start = new Date("2026-12-04T01:00:00Z");
const after = (minutes: number, seconds = 0) => new Date(start.getTime() + minutes * 60_000 + seconds * 1000);
const judge = (minutes: number, insideShare: number | null, pointCount = 60, seconds = 0) =>
  judgePatrol({ startedAt: start, endedAt: after(minutes, seconds), pointCount, insideShare });

describe("a patrol counts when it lasts ≥ 30 minutes and ≥ 60 % of it lies inside the grid", () => {
  it("45 minutes, 83 % inside: counts", () => {
    expect(judge(45, 1.5 / 1.8)).toEqual({ counted: true, minutes: 45, reason: null });
  });
  it("exactly 30 minutes and exactly 60 %: counts (inclusive), also when the share comes back as 0.5999999999", () => {
    expect(judge(30, 0.6).counted).toBe(true);
    expect(judge(30, 0.5999999999).counted).toBe(true);
  });
  it("29 minutes 59 seconds: too short", () => {
    expect(judge(29, 1, 60, 59)).toEqual({ counted: false, minutes: 29, reason: "too_short" });
  });
  it("50 minutes, 55 % inside: outside the grid; 59.9 % too", () => {
    expect(judge(50, 0.55)).toEqual({ counted: false, minutes: 50, reason: "outside_grid" });
    expect(judge(50, 0.599).reason).toBe("outside_grid");
  });
  it("one point, or none: nothing to judge", () => {
    expect(judge(60, 1, 1)).toEqual({ counted: false, minutes: 60, reason: "too_few_points" });
    expect(judge(60, null, 0).reason).toBe("too_few_points");
  });
});
