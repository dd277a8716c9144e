import type { AttendancePointMemberRow, AttendancePointRow } from "../../../db/queries/attendance-point";

/** A fence's polygon as GeoJSON (outer ring only: fences have no holes). */
export type FencePolygon = { type: "Polygon"; coordinates: [number, number][][] };

/** An attendance point as the list, the map and the editor use it. */
export type AttendancePointDto = {
  id: number;
  name: string;
  regionId: number;
  regionName: string;
  regionLevel: number;
  shape: "polygon" | "circle";
  polygon: FencePolygon;
  center: [number, number] | null;
  radiusM: number | null;
  areaM2: number;
  vertices: number;
  bbox: [number, number, number, number];
  active: boolean;
  version: number;
  updatedAt: string;
  staffCount: number;
  departmentCount: number;
};

export type AttendancePointMemberDto = AttendancePointMemberRow;

export type AttendancePointDetailDto = AttendancePointDto & { members: AttendancePointMemberDto[] };

export function toAttendancePointDto(r: AttendancePointRow): AttendancePointDto {
  return {
    id: r.id,
    name: r.name,
    regionId: r.regionId,
    regionName: r.regionName,
    regionLevel: r.regionLevel,
    shape: r.shape,
    polygon: JSON.parse(r.geojson) as FencePolygon,
    center: r.centerLon !== null && r.centerLat !== null ? [r.centerLon, r.centerLat] : null,
    radiusM: r.radiusM,
    areaM2: Math.round(r.areaM2),
    vertices: r.vertices,
    bbox: r.bbox,
    active: r.active,
    version: r.version,
    updatedAt: r.updatedAt,
    staffCount: r.staffCount,
    departmentCount: r.departmentCount,
  };
}
