/**
 * Coordinates from outside systems arrive in one of China's three systems: WGS-84 (GPS; what we store),
 * GCJ-02 (the national "Mars" offset that Gaode/AMap and Tencent maps use) or BD-09 (Baidu, GCJ-02 offset
 * again). ARCHITECTURE.md: convert at the edge, never store GCJ-02. The GCJ-02 forward formula is the
 * published one (Krasovsky ellipsoid); its inverse has no closed form, so it is iterated until the forward
 * transform of the estimate lands within 1e-7° (about 1 cm) of the input.
 */

export const COORDINATE_SYSTEMS = ["WGS84", "GCJ02", "BD09"] as const;
export type CoordinateSystem = (typeof COORDINATE_SYSTEMS)[number];

/** The spellings seen in files: 空/WGS84/GPS, GCJ02/高德/火星, BD09/百度. */
export function parseCoordinateSystem(text: string | null | undefined): CoordinateSystem | null {
  const t = (text ?? "")
    .normalize("NFKC")
    .replace(/[\s_-]/g, "")
    .toUpperCase();
  if (t === "" || t === "WGS84" || t === "GPS" || t === "CGCS2000" || t === "4326") return "WGS84";
  if (t === "GCJ02" || t === "GCJ" || t === "高德" || t === "腾讯" || t === "火星坐标" || t === "火星") return "GCJ02";
  if (t === "BD09" || t === "BD09LL" || t === "百度" || t === "BAIDU") return "BD09";
  return null;
}

const A = 6378245.0;
const EE = 0.00669342162296594323;

/** Outside China the offset is not applied (the published rule). */
function outsideChina(lon: number, lat: number): boolean {
  return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function transformLat(x: number, y: number): number {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return r;
}

function transformLon(x: number, y: number): number {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return r;
}

export function wgs84ToGcj02(lon: number, lat: number): [number, number] {
  if (outsideChina(lon, lat)) return [lon, lat];
  let dLat = transformLat(lon - 105.0, lat - 35.0);
  let dLon = transformLon(lon - 105.0, lat - 35.0);
  const radLat = (lat / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  dLon = (dLon * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lon + dLon, lat + dLat];
}

export function gcj02ToWgs84(lon: number, lat: number): [number, number] {
  if (outsideChina(lon, lat)) return [lon, lat];
  let x = lon;
  let y = lat;
  for (let i = 0; i < 30; i++) {
    const [fx, fy] = wgs84ToGcj02(x, y);
    const dx = fx - lon;
    const dy = fy - lat;
    x -= dx;
    y -= dy;
    if (Math.abs(dx) < 1e-7 && Math.abs(dy) < 1e-7) break;
  }
  return [x, y];
}

const X_PI = (Math.PI * 3000.0) / 180.0;

export function bd09ToGcj02(lon: number, lat: number): [number, number] {
  const x = lon - 0.0065;
  const y = lat - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
  return [z * Math.cos(theta), z * Math.sin(theta)];
}

/** A point of any of the three systems as WGS-84. */
export function toWgs84(lon: number, lat: number, system: CoordinateSystem): [number, number] {
  if (system === "GCJ02") return gcj02ToWgs84(lon, lat);
  if (system === "BD09") return gcj02ToWgs84(...bd09ToGcj02(lon, lat));
  return [lon, lat];
}
