import type { RegionRow } from "../../db/queries/region";
import { t } from "../i18n";

/** [west, south, east, north] in WGS-84 degrees, the order MapLibre's fitBounds takes. */
export type Bounds = [number, number, number, number];

export type RegionCounts = {
  households: number;
  residents: number;
  floating: number;
  rented: number;
  special: number;
  buildings: number;
  keyPersons: number;
};

export type RegionSummary = {
  id: number;
  code: string;
  name: string;
  /** 0 区, 1 街道/镇, 2 社区/村, 3 小区, 4 基础网格 */
  level: number;
  /** 街道 / 镇 / 乡 / 社区 / 村 / 小区 / 网格 — what a person calls this area. */
  levelName: string;
  kind: string;
  counts: RegionCounts;
  bounds: Bounds;
  childCount: number;
};

export type RegionDetail = RegionSummary & { parentId: number | null };

/** The level of a basic grid (基础网格): the one level that holds buildings. */
export const BASIC_GRID_LEVEL = 4;

export type RegionCrumb = { id: number; code: string; name: string; level: number; levelName: string };

/** The name of an area's level as people say it: a level-1 town is 镇, a level-2 village is 村. */
export function levelNameOf(level: number, kind: string): string {
  if (level === 1 || level === 2) return t.grid.kinds[kind] ?? t.grid.levels[level];
  return t.grid.levels[level] ?? t.common.unknown;
}

export function toRegionSummary(row: RegionRow): RegionSummary {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    level: row.level,
    levelName: levelNameOf(row.level, row.kind),
    kind: row.kind,
    counts: {
      households: row.households,
      residents: row.residents,
      floating: row.floatingResidents,
      rented: row.rentedRooms,
      special: row.specialGroupResidents,
      buildings: row.buildings,
      keyPersons: row.keyPersons,
    },
    bounds: [row.west, row.south, row.east, row.north],
    childCount: row.childCount,
  };
}

export function toRegionDetail(row: RegionRow): RegionDetail {
  return { ...toRegionSummary(row), parentId: row.parentId };
}
