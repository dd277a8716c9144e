import { describe, expect, it } from "vitest";
import { attendancePoints } from "../../i18n/zh-CN/attendance-points";
import { fenceProblem, FENCE_MAX_VERTICES } from "./fence-rules";

const e = attendancePoints.fence.errors;
const good = { vertices: 4, valid: true, reason: "Valid Geometry", areaM2: 2500, insideDistrict: true, distanceToRegionM: 0 };

describe("fenceProblem", () => {
  it("accepts a valid fence in its region", () => {
    expect(fenceProblem(good)).toBeNull();
  });

  it("needs 3 to 500 corners", () => {
    expect(fenceProblem({ ...good, vertices: 2 })).toBe(e.tooFewPoints);
    expect(fenceProblem({ ...good, vertices: 3 })).toBeNull();
    expect(fenceProblem({ ...good, vertices: FENCE_MAX_VERTICES })).toBeNull();
    expect(fenceProblem({ ...good, vertices: FENCE_MAX_VERTICES + 1 })).toBe(e.tooManyVertices(500));
  });

  it("tells no area from a self-intersection from another invalid shape", () => {
    expect(fenceProblem({ ...good, areaM2: 0, valid: false, reason: "Too few points[1 2]" })).toBe(e.noArea);
    expect(fenceProblem({ ...good, valid: false, reason: "Self-intersection[116.40 39.90]" })).toBe("围栏边线自相交，请重新绘制");
    expect(fenceProblem({ ...good, valid: false, reason: "Ring Self-intersection[116.40 39.90]" })).toBe(e.selfIntersecting);
    expect(fenceProblem({ ...good, valid: false, reason: "Hole lies outside shell" })).toBe(e.invalid);
  });

  it("keeps the area between 100 m² and 80 km²", () => {
    expect(fenceProblem({ ...good, areaM2: 99.9 })).toBe(e.tooSmall(100));
    expect(fenceProblem({ ...good, areaM2: 100 })).toBeNull();
    expect(fenceProblem({ ...good, areaM2: 80_000_000 })).toBeNull();
    expect(fenceProblem({ ...good, areaM2: 80_000_001 })).toBe(e.tooLarge(80));
  });

  it("refuses a fence outside the district, or more than 500 m from its region", () => {
    expect(fenceProblem({ ...good, insideDistrict: false })).toBe(e.outsideDistrict);
    expect(fenceProblem({ ...good, distanceToRegionM: 500 })).toBeNull();
    expect(fenceProblem({ ...good, distanceToRegionM: 500.5 })).toBe(e.farFromRegion(500));
    expect(fenceProblem({ ...good, distanceToRegionM: null })).toBe(e.farFromRegion(500));
  });
});
