import type { AttendancePointMemberRow, AttendancePointRow } from "../../../db/queries/attendance-point";

/** What the audit log keeps of an attendance point: everything but the counters, the fence as GeoJSON. */
export function pointSnapshot(p: AttendancePointRow, members: readonly AttendancePointMemberRow[]) {
  return {
    name: p.name,
    regionId: p.regionId,
    shape: p.shape,
    center: p.centerLon !== null ? [p.centerLon, p.centerLat] : null,
    radiusM: p.radiusM,
    areaM2: Math.round(p.areaM2),
    vertices: p.vertices,
    geometry: p.geojson,
    active: p.active,
    version: p.version,
    members: members.map((m) => `${m.kind}:${m.id}`),
  };
}
