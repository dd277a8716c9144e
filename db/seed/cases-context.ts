/**
 * What the case generator reads from the database before it starts: the district's grids with their
 * polygons, names and population, the buildings and shops in them (hotspots and addresses), the category
 * tree, the units and routing rules, and the case configuration (calendar, time limits, escalation,
 * settings) through lib/case's own loader. Read from the database, not from the district plan, so
 * `npm run seed:cases` works on any district already loaded.
 */
import type { CaseLevel } from "../../lib/case/case-states";
import type { TimeLimitRuleRow } from "../../lib/case/stage-clock";
import type { Connection } from "../client";
import { forgetCaseConfig, loadCaseConfig } from "../../lib/case/case-config";
import type { RiskBands } from "../../lib/case/risk";
import type { WorkingCalendar } from "../../lib/case/working-calendar";
import type { EscalationRules } from "./cases-lifecycle";

export type GridRow = {
  id: number;
  code: string;
  name: string;
  path: string;
  districtCode: string;
  households: number;
  residents: number;
  floating: number;
  communityId: number;
  communityName: string;
  communityKind: "urban" | "village";
  xiaoquName: string;
  streetId: number;
  streetName: string;
  streetKind: string;
  /** GeoJSON MultiPolygon coordinates (WGS-84). */
  polygon: [number, number][][][];
  inside: [number, number];
};

export type BuildingRow = {
  gridId: number;
  name: string;
  address: string;
  floors: number;
  rooms: number;
  lon: number;
  lat: number;
};
export type ShopRow = { gridId: number; name: string; address: string; lon: number; lat: number };
export type CategoryRow = {
  id: number;
  code: string;
  parentId: number | null;
  grp: string;
  kind: string;
  defaultLevel: CaseLevel;
  defaultUrgency: string;
  riskAssessed: boolean;
};
export type UnitRow = { id: number; code: string; name: string; kind: string; regionId: number };
export type RoutingRow = { categoryId: number; regionPath: string; leadUnitId: number; coUnitIds: number[]; auto: boolean };

export type CaseSeedContext = {
  district: { code: string; name: string; lon: number; lat: number };
  grids: GridRow[];
  buildings: Map<number, BuildingRow[]>;
  shops: Map<number, ShopRow[]>;
  categories: CategoryRow[];
  units: UnitRow[];
  routing: RoutingRow[];
  calendar: WorkingCalendar;
  yellowShare: number;
  earlyShare: number;
  riskBands: RiskBands;
  timeLimits: readonly TimeLimitRuleRow[];
  escalation: EscalationRules;
};

function groupBy<T extends { gridId: number }>(rows: readonly T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const row of rows) {
    const list = out.get(row.gridId);
    if (list) list.push(row);
    else out.set(row.gridId, [row]);
  }
  return out;
}

export async function readCaseSeedContext(conn: Connection): Promise<CaseSeedContext> {
  const { sql } = conn;
  const [district] = await sql<{ code: string; name: string; lon: number; lat: number }[]>`
    select code, name, st_x(st_centroid(geom)) as lon, st_y(st_centroid(geom)) as lat from region where level = 0 order by id limit 1`;
  if (!district) throw new Error("the database holds no district: load one first (npm run seed)");

  const grids = await sql<GridRow[]>`
    select g.id, g.code, g.name, g.path::text as path, g.district_code as "districtCode",
           g.households, g.residents, g.floating_residents as floating,
           c.id as "communityId", c.name as "communityName", c.kind as "communityKind", x.name as "xiaoquName",
           s.id as "streetId", s.name as "streetName", s.kind as "streetKind",
           (st_asgeojson(g.geom, 9)::json -> 'coordinates') as polygon,
           json_build_array(st_x(st_pointonsurface(g.geom)), st_y(st_pointonsurface(g.geom))) as inside
      from region g
      join region x on x.id = g.parent_id
      join region c on c.id = x.parent_id
      join region s on s.id = c.parent_id
     where g.level = 4
     order by g.code`;

  const buildings = await sql<BuildingRow[]>`
    select grid_id as "gridId", name, address, floors, floors * entrances * rooms_per_floor as rooms,
           st_x(st_centroid(geom)) as lon, st_y(st_centroid(geom)) as lat
      from building order by grid_id, id`;
  const shops = await sql<ShopRow[]>`
    select grid_id as "gridId", name, address, st_x(geom) as lon, st_y(geom) as lat
      from organization where kind = 'shop' order by grid_id, id`;

  const categories = await sql<CategoryRow[]>`
    select id, code, parent_id as "parentId", grp, kind, default_level as "defaultLevel", default_urgency as "defaultUrgency", risk_assessed as "riskAssessed"
      from case_category where active order by id`;
  const units = await sql<
    UnitRow[]
  >`select id, code, name, kind, region_id as "regionId" from case_unit where active order by id`;
  const routing = await sql<RoutingRow[]>`
    select rr.category_id as "categoryId", r.path::text as "regionPath", rr.lead_unit_id as "leadUnitId", rr.co_unit_ids as "coUnitIds", rr.auto_dispatch as auto
      from routing_rule rr join region r on r.id = rr.region_id order by nlevel(r.path) desc, rr.id`;

  // The rules of the clock as the product reads them (lib/case/case-config.ts), fresh from the tables.
  forgetCaseConfig();
  const config = await loadCaseConfig(conn.db);
  forgetCaseConfig();

  return {
    district,
    grids: grids.map((g) => ({ ...g, communityKind: g.communityKind === "village" ? "village" : "urban" })),
    buildings: groupBy(buildings),
    shops: groupBy(shops),
    categories,
    units,
    routing,
    calendar: config.calendar,
    yellowShare: config.yellowShare,
    earlyShare: config.earlyShare,
    riskBands: config.riskBands,
    timeLimits: config.timeLimits,
    escalation: config.escalation,
  };
}
