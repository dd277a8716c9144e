import type { FenceInspection } from "../../../db/queries/attendance-point";
import { attendancePoints } from "../../i18n/zh-CN/attendance-points";

/**
 * What makes a drawn fence acceptable, judged on PostGIS's inspection of it (db/queries/attendance-point.ts
 * `inspectFence`). Pure, so each limit has worked examples. The limits and why:
 * - at least 3 distinct corners, at most FENCE_MAX_VERTICES (a hand-drawn fence has tens; thousands are an
 *   import gone wrong and make every punch's ST_Covers slower);
 * - an area: collinear or coincident corners enclose nothing (under 1 m²);
 * - a valid polygon: a self-intersecting ring (a bow tie) has no clear inside, so punches could not be judged;
 * - at least FENCE_MIN_AREA_M2: phone positions are off by 5–20 m, so a fence smaller than 10 m × 10 m would
 *   flag people standing in it; at most FENCE_MAX_AREA_M2 (a circle of the largest radius, 5 km);
 * - inside the district (each corner within FENCE_DISTRICT_TOLERANCE_M of it: a fence at the boundary may
 *   overhang a little) and within FENCE_REGION_TOLERANCE_M of the region it is filed under (a fence belongs
 *   where it is drawn; the gap allows a station just across the road from its grid).
 */
export const FENCE_MAX_VERTICES = 500;
export const FENCE_MIN_AREA_M2 = 100;
export const FENCE_MAX_AREA_M2 = 80_000_000;
export const FENCE_DISTRICT_TOLERANCE_M = 100;
export const FENCE_REGION_TOLERANCE_M = 500;
export const CIRCLE_MIN_RADIUS_M = 10;
export const CIRCLE_MAX_RADIUS_M = 5000;

const e = attendancePoints.fence.errors;

/** The first reason a fence is refused (a message for the user), or null when it may be stored. */
export function fenceProblem(f: Omit<FenceInspection, "geomHex">): string | null {
  if (f.vertices < 3) return e.tooFewPoints;
  if (f.vertices > FENCE_MAX_VERTICES) return e.tooManyVertices(FENCE_MAX_VERTICES);
  if (f.areaM2 < 1) return e.noArea;
  if (!f.valid) return /self-intersection/i.test(f.reason) ? e.selfIntersecting : e.invalid;
  if (f.areaM2 < FENCE_MIN_AREA_M2) return e.tooSmall(FENCE_MIN_AREA_M2);
  if (f.areaM2 > FENCE_MAX_AREA_M2) return e.tooLarge(FENCE_MAX_AREA_M2 / 1_000_000);
  if (!f.insideDistrict) return e.outsideDistrict;
  if (f.distanceToRegionM === null || f.distanceToRegionM > FENCE_REGION_TOLERANCE_M)
    return e.farFromRegion(FENCE_REGION_TOLERANCE_M);
  return null;
}
