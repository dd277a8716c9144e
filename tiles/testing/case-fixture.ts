import type postgres from "postgres";
import { FIXTURE_GRIDS, type TileFixture } from "./fixture";

/**
 * Cases in the tile fixture's district (tiles/testing/fixture.ts), for the case-layer tests. Three sit
 * within ~15 m of each other in grid A1, over 70 m from the edges of their 250 m heat cell and of their
 * z14 aggregate cell; one in A2, one in B1 (the other street). c3 is reported at 07:00 on 1 Feb local time — still 31 Jan in UTC — so the day
 * boundaries of the filters and the heat bins are tested in China Standard Time.
 */
export const FIXTURE_CASES = {
  c1: {
    grid: "A1",
    lon: 116.6137,
    lat: 39.7964,
    category: "dispute.family",
    state: "dispatched",
    light: "red",
    source: "grid_worker",
    reportedAt: "2026-03-10T10:00:00+08:00",
  },
  c2: {
    grid: "A1",
    lon: 116.6138,
    lat: 39.7965,
    category: "hazard.fire_safety",
    state: "acknowledged",
    light: "green",
    source: "hotline",
    reportedAt: "2026-05-01T09:00:00+08:00",
  },
  c3: {
    grid: "A1",
    lon: 116.6136,
    lat: 39.7963,
    category: "dispute.labour",
    state: "closed",
    light: null,
    source: "hotline",
    reportedAt: "2026-02-01T07:00:00+08:00",
  },
  c4: {
    grid: "B1",
    lon: 116.675,
    lat: 39.8,
    category: "event.exposed_garbage",
    state: "reported",
    light: "yellow",
    source: "resident",
    reportedAt: "2026-04-01T12:00:00+08:00",
  },
  c5: {
    grid: "A2",
    lon: 116.6375,
    lat: 39.8,
    category: "component.manhole",
    state: "evaluated",
    light: null,
    source: "visit",
    reportedAt: "2026-04-20T16:00:00+08:00",
  },
} as const;

export type FixtureCaseKey = keyof typeof FIXTURE_CASES;
export type FixtureCase = {
  grid: "A1" | "A2" | "B1";
  lon: number;
  lat: number;
  category: string;
  state: string;
  light: string | null;
  source: string;
  reportedAt: string;
};

/** Inserts one case as the owner (row-level security does not apply), heat not binned yet; returns its id. */
export async function insertCase(sql: postgres.Sql, fx: TileFixture, c: FixtureCase): Promise<number> {
  const gridId = fx.regionIds[FIXTURE_GRIDS[c.grid]];
  const [row] = await sql<{ id: number }[]>`
    insert into case_record (district_code, source, kind, category_id, description, geom, grid_id, region_path,
                             urgency, level, state, light, reported_at)
    select '110112', ${c.source}, k.kind, k.id, ${`测试事件 ${c.category}`}, st_setsrid(st_makepoint(${c.lon}, ${c.lat}), 4326),
           g.id, g.path, 'general', 'grid', ${c.state}, ${c.light}, ${c.reportedAt}::timestamptz
      from case_category k, region g
     where k.code = ${c.category} and g.id = ${gridId}
    returning id`;
  if (!row) throw new Error(`unknown category ${c.category}`);
  return row.id;
}

/**
 * Clears cases, heat bins and the open-case copy, inserts FIXTURE_CASES and copies the open ones into
 * case_map_open (as the worker would); returns their ids by key.
 */
export async function loadFixtureCases(sql: postgres.Sql, fx: TileFixture): Promise<Record<FixtureCaseKey, number>> {
  await sql`truncate case_heat_bin, case_heat_total, case_map_open, case_map_open_state, case_record restart identity cascade`;
  const ids = {} as Record<FixtureCaseKey, number>;
  for (const [key, c] of Object.entries(FIXTURE_CASES) as [FixtureCaseKey, FixtureCase][])
    ids[key] = await insertCase(sql, fx, c);
  return ids;
}

/** A category's id by code. */
export async function categoryId(sql: postgres.Sql, code: string): Promise<number> {
  const [row] = await sql<{ id: number }[]>`select id from case_category where code = ${code}`;
  return row.id;
}
