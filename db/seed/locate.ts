/**
 * Where a district lies. Divisions files carry names and codes only, so the generator needs a place on
 * the map: a small table of known districts (the demo's Tongzhou at its real position and size), else a
 * rough centre of the province named by the code's first two digits, moved by a deterministic offset
 * derived from the rest of the code (so two districts of one province land in different places).
 */
import { rngFor } from "./random";

export type DistrictLocation = {
  /** Centre of the district outline (WGS-84). */
  lon: number;
  lat: number;
  /** Area of the outline in km² when known; otherwise the plan sums its communities' areas. */
  areaKm2?: number;
  /** North–south stretch of the outline (1 = round, >1 taller than wide). */
  aspect: number;
  /** Where the urban core sits, as a fraction of the outline's radius from its centre (x east, y north). */
  core: { x: number; y: number };
};

/** Known districts: real centre and area (通州区: about 906 km², urban core 新城 in the north-west). */
const KNOWN: Record<string, DistrictLocation> = {
  "110112": { lon: 116.7, lat: 39.8, areaKm2: 906, aspect: 1.3, core: { x: -0.2, y: 0.35 } },
};

/** Rough centres (provincial capitals) by the province prefix of the division code (GB/T 2260). */
const PROVINCE_CENTRES: Record<string, [number, number]> = {
  "11": [116.4, 39.9],
  "12": [117.2, 39.13],
  "13": [114.51, 38.04],
  "14": [112.55, 37.87],
  "15": [111.75, 40.84],
  "21": [123.43, 41.8],
  "22": [125.32, 43.82],
  "23": [126.53, 45.8],
  "31": [121.47, 31.23],
  "32": [118.8, 32.06],
  "33": [120.15, 30.27],
  "34": [117.23, 31.82],
  "35": [119.3, 26.08],
  "36": [115.86, 28.68],
  "37": [117.0, 36.67],
  "41": [113.63, 34.75],
  "42": [114.31, 30.59],
  "43": [112.94, 28.23],
  "44": [113.26, 23.13],
  "45": [108.37, 22.82],
  "46": [110.35, 20.02],
  "50": [106.55, 29.56],
  "51": [104.07, 30.57],
  "52": [106.63, 26.65],
  "53": [102.83, 24.88],
  "54": [91.12, 29.65],
  "61": [108.94, 34.34],
  "62": [103.83, 36.06],
  "63": [101.78, 36.62],
  "64": [106.23, 38.49],
  "65": [87.62, 43.83],
  "71": [121.5, 25.03],
  "81": [114.17, 22.32],
  "82": [113.54, 22.19],
};

/** Small places (municipalities, Hong Kong, Macau) get a smaller spread around their centre. */
const SPREAD: Record<string, number> = { "11": 0.35, "12": 0.3, "31": 0.3, "50": 0.6, "71": 0.3, "81": 0.05, "82": 0.02 };

/** The district's location: the known table first, else province centre + an offset from the code. */
export function locateDistrict(code: string): DistrictLocation {
  const known = KNOWN[code];
  if (known) return known;
  const centre = PROVINCE_CENTRES[code.slice(0, 2)] ?? [112.0, 32.0]; // unknown prefix: central China
  const spread = SPREAD[code.slice(0, 2)] ?? 1.0;
  const rng = rngFor(0, code, "location");
  return {
    lon: Number((centre[0] + rng.range(-spread, spread)).toFixed(4)),
    lat: Number((centre[1] + rng.range(-spread, spread) * 0.8).toFixed(4)),
    aspect: rng.range(0.8, 1.3),
    core: { x: rng.range(-0.25, 0.25), y: rng.range(-0.25, 0.25) },
  };
}
