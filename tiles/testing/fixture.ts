import type { Connection } from "../../db/client";
import { bumpLayerVersions } from "../../db/queries/layer-version";
import { LAYER_NAMES } from "../layers";

/**
 * A tiny hand-made district for tile tests, with known shapes, ids and counts (rectangles in lon/lat):
 *
 *   district 110112  116.60–116.70 E × 39.76–39.84 N
 *   ├─ street 110112001 (west, 116.60–116.65) → community …001001 → 小区 …001001001
 *   │     ├─ grid A1 …001001001001  116.600–116.625   households 321, residents 800, …
 *   │     └─ grid A2 …001001001002  116.625–116.650   households 410, residents 1000, …
 *   └─ street 110112002 (east, 116.65–116.70) → community …002001 → 小区 …002001001
 *         └─ grid B1 …002001001001  116.650–116.700   households 500, residents 1200, …
 *
 * One building, one organisation and one component in each grid (at the grid's centre row), two roads
 * (a major one along 39.80 N, a minor one along 116.64 E) and a lake.
 */
export type TileFixture = {
  regionIds: Record<string, number>;
  buildingIds: Record<"A1" | "A2" | "B1", number>;
  organizationIds: Record<"A1" | "A2" | "B1", number>;
  componentIds: Record<"A1" | "A2" | "B1", number>;
  points: Record<"A1" | "A2" | "B1", { lon: number; lat: number }>;
};

const box = (w: number, s: number, e: number, n: number) => `MULTIPOLYGON(((${w} ${s},${e} ${s},${e} ${n},${w} ${n},${w} ${s})))`;

const S = 39.76;
const N = 39.84;

const REGIONS: {
  code: string;
  name: string;
  level: number;
  kind: string;
  parent: string | null;
  w: number;
  e: number;
  stats: number[];
}[] = [
  {
    code: "110112",
    name: "通州区",
    level: 0,
    kind: "district",
    parent: null,
    w: 116.6,
    e: 116.7,
    stats: [1231, 3000, 600, 90, 120, 3],
  },
  {
    code: "110112001",
    name: "中仓街道",
    level: 1,
    kind: "street",
    parent: "110112",
    w: 116.6,
    e: 116.65,
    stats: [731, 1800, 350, 50, 70, 2],
  },
  {
    code: "110112002",
    name: "宋庄镇",
    level: 1,
    kind: "town",
    parent: "110112",
    w: 116.65,
    e: 116.7,
    stats: [500, 1200, 250, 40, 50, 1],
  },
  {
    code: "110112001001",
    name: "西营社区",
    level: 2,
    kind: "urban",
    parent: "110112001",
    w: 116.6,
    e: 116.65,
    stats: [731, 1800, 350, 50, 70, 2],
  },
  {
    code: "110112002001",
    name: "宋庄村",
    level: 2,
    kind: "village",
    parent: "110112002",
    w: 116.65,
    e: 116.7,
    stats: [500, 1200, 250, 40, 50, 1],
  },
  {
    code: "110112001001001",
    name: "西营小区",
    level: 3,
    kind: "urban",
    parent: "110112001001",
    w: 116.6,
    e: 116.65,
    stats: [731, 1800, 350, 50, 70, 2],
  },
  {
    code: "110112002001001",
    name: "宋庄一区",
    level: 3,
    kind: "village",
    parent: "110112002001",
    w: 116.65,
    e: 116.7,
    stats: [500, 1200, 250, 40, 50, 1],
  },
  {
    code: "110112001001001001",
    name: "西营第一网格",
    level: 4,
    kind: "urban",
    parent: "110112001001001",
    w: 116.6,
    e: 116.625,
    stats: [321, 800, 150, 20, 30, 1],
  },
  {
    code: "110112001001001002",
    name: "西营第二网格",
    level: 4,
    kind: "urban",
    parent: "110112001001001",
    w: 116.625,
    e: 116.65,
    stats: [410, 1000, 200, 30, 40, 1],
  },
  {
    code: "110112002001001001",
    name: "宋庄第一网格",
    level: 4,
    kind: "village",
    parent: "110112002001001",
    w: 116.65,
    e: 116.7,
    stats: [500, 1200, 250, 40, 50, 1],
  },
];

const GRIDS = { A1: "110112001001001001", A2: "110112001001001002", B1: "110112002001001001" } as const;

/** Clears the district tables and loads the fixture; bumps every layer's version like the seed does. */
export async function loadTileFixture(conn: Connection): Promise<TileFixture> {
  const { sql } = conn;
  await sql`truncate region, building, room, household, resident, organization, component, map_feature restart identity cascade`;
  const regionIds: Record<string, number> = {};
  const paths: Record<string, string> = {};
  for (const r of REGIONS) {
    const path = r.parent ? `${paths[r.parent]}.${r.code}` : r.code;
    paths[r.code] = path;
    const [households, residents, floating, rented, special, buildings] = r.stats;
    const [row] = await sql<{ id: number }[]>`
      insert into region (code, name, level, kind, parent_id, path, district_code, geom,
                          households, residents, floating_residents, rented_rooms, special_group_residents, buildings)
      values (${r.code}, ${r.name}, ${r.level}, ${r.kind}, ${r.parent ? regionIds[r.parent] : null}, ${path}::ltree, '110112',
              st_geomfromtext(${box(r.w, S, r.e, N)}, 4326),
              ${households}, ${residents}, ${floating}, ${rented}, ${special}, ${buildings})
      returning id`;
    regionIds[r.code] = row.id;
  }

  const points = {} as TileFixture["points"];
  const buildingIds = {} as TileFixture["buildingIds"];
  const organizationIds = {} as TileFixture["organizationIds"];
  const componentIds = {} as TileFixture["componentIds"];
  for (const [key, code] of Object.entries(GRIDS) as [keyof typeof GRIDS, string][]) {
    const r = REGIONS.find((g) => g.code === code)!;
    const lon = Number(((r.w + r.e) / 2).toFixed(4));
    const lat = 39.81;
    points[key] = { lon, lat };
    const d = 0.0003; // a building about 50 m across
    const [b] = await sql<{ id: number }[]>`
      insert into building (district_code, grid_id, code, name, address, type, floors, entrances, rooms_per_floor, geom)
      values ('110112', ${regionIds[code]}, ${`${code}0001`}, ${`${key}号楼`}, ${`通州区测试路${key}号`}, 'high_rise', 18, 2, 4,
              st_geomfromtext(${`POLYGON((${lon - d} ${lat - d},${lon + d} ${lat - d},${lon + d} ${lat + d},${lon - d} ${lat + d},${lon - d} ${lat - d}))`}, 4326))
      returning id`;
    buildingIds[key] = b.id;
    const [o] = await sql<{ id: number }[]>`
      insert into organization (district_code, grid_id, building_id, name, kind, address, geom)
      values ('110112', ${regionIds[code]}, ${b.id}, ${`${key}便利店`}, 'shop', ${`通州区测试路${key}号底商`},
              st_setsrid(st_makepoint(${lon + 0.001}, ${lat}), 4326))
      returning id`;
    organizationIds[key] = o.id;
    const [c] = await sql<{ id: number }[]>`
      insert into component (district_code, grid_id, code, kind, geom)
      values ('110112', ${regionIds[code]}, ${`BJ${code}01`}, 'hydrant', st_setsrid(st_makepoint(${lon - 0.001}, ${lat}), 4326))
      returning id`;
    componentIds[key] = c.id;
  }

  await sql`
    insert into map_feature (district_code, kind, name, geom) values
      ('110112', 'road_major', '通州大街', st_geomfromtext('LINESTRING(116.60 39.80, 116.70 39.80)', 4326)),
      ('110112', 'road_minor', '西营小路', st_geomfromtext('LINESTRING(116.64 39.76, 116.64 39.84)', 4326)),
      ('110112', 'lake', '西海子', st_geomfromtext('POLYGON((116.66 39.77,116.68 39.77,116.68 39.78,116.66 39.78,116.66 39.77))', 4326))`;

  await bumpLayerVersions(conn.db, LAYER_NAMES);
  return { regionIds, buildingIds, organizationIds, componentIds, points };
}

export const FIXTURE_GRIDS = GRIDS;
