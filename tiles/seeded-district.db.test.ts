import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb } from "../db/testing/test-db";
import { DEFAULT_DIVISIONS_CSV, seedDistrict } from "../db/seed";
import { forgetLayerVersions } from "./layer-version";
import { renderTile } from "./render-tile";
import { decodeTile } from "./testing/decode";
import { lonLatToTile, type TileCoord } from "./tile-math";

// Tiles over the generator's small district (seedDistrict): real shapes at every level.
const conn = openTestDb();
const sql = conn.sql;

type GridRow = {
  id: number;
  code: string;
  name: string;
  kind: string;
  path: string;
  households: number;
  residents: number;
  floating_residents: number;
  rented_rooms: number;
  special_group_residents: number;
  buildings: number;
  lon: number;
  lat: number;
};
let grid: GridRow;

beforeAll(async () => {
  await seedDistrict(conn, { divisionsCsv: DEFAULT_DIVISIONS_CSV, scale: "small", seed: 7 });
  forgetLayerVersions();
  // a populated basic grid, and its label point (inside it)
  [grid] = await sql<GridRow[]>`
    select id, code, name, kind, path::text as path, households, residents, floating_residents, rented_rooms,
           special_group_residents, buildings, st_x(st_transform(label_point, 4326)) as lon, st_y(st_transform(label_point, 4326)) as lat
      from region where level = 4 and buildings > 0 order by id limit 1`;
}, 180_000);
afterAll(async () => {
  await conn.db.destroy();
});

/** Ids of the rows of a table/level whose geometry meets the tile's interior (not just its buffer). */
async function idsInside(table: "region" | "building", t: TileCoord, level?: number) {
  const levelFilter = level === undefined ? sql`` : sql`and level = ${level}`;
  const rows = await sql<{ id: number }[]>`
    select id from ${sql(table)}
     where st_intersects(geom_3857, st_tileenvelope(${t.z}::int, ${t.x}::int, ${t.y}::int, margin => -0.01)) ${levelFilter}`;
  return rows.map((r) => r.id);
}

describe("tiles over a seeded district", () => {
  it("a grid tile over a known grid holds that grid's code and counts under its row id", async () => {
    const t = lonLatToTile(grid.lon, grid.lat, 16);
    const tile = decodeTile(await renderTile(sql, { layer: "grid", ...t, scope: null }));
    const feature = tile.grid.find((f) => f.id === grid.id)!;
    expect(feature?.id).toBe(grid.id);
    expect(feature.properties).toEqual({
      code: grid.code,
      name: grid.name,
      level: 4,
      kind: grid.kind,
      households: grid.households,
      residents: grid.residents,
      floating: grid.floating_residents,
      rented: grid.rented_rooms,
      special: grid.special_group_residents,
      buildings: grid.buildings,
    });
    expect(grid.households).toBeGreaterThan(0);
    expect(tile.grid_label.map((f) => f.id)).toContain(grid.id);
  });

  it("a z14 grid tile holds every grid inside it, and nothing far from it", async () => {
    const t = lonLatToTile(grid.lon, grid.lat, 14);
    const ids = decodeTile(await renderTile(sql, { layer: "grid", ...t, scope: null })).grid.map((f) => f.id!);
    const inside = await idsInside("region", t, 4);
    expect(inside.length).toBeGreaterThan(0);
    for (const id of inside) expect(ids).toContain(id);
    const [{ far }] = await sql<{ far: number }[]>`
      select count(*)::int as far from region
       where id in ${sql(ids)} and not st_intersects(geom_3857, st_tileenvelope(${t.z}::int, ${t.x}::int, ${t.y}::int, margin => 0.02))`;
    expect(far).toBe(0);
  });

  it("buildings: absent below z14; at z15 every building inside the tile, with its properties", async () => {
    expect((await renderTile(sql, { layer: "building", ...lonLatToTile(grid.lon, grid.lat, 13), scope: null })).byteLength).toBe(
      0,
    );
    const [b] = await sql<
      { id: number; name: string; address: string; type: string; floors: number; grid_id: number; lon: number; lat: number }[]
    >`
      select id, name, address, type, floors, grid_id, st_x(st_centroid(geom)) as lon, st_y(st_centroid(geom)) as lat
        from building where grid_id = ${grid.id} order by id limit 1`;
    const t = lonLatToTile(b.lon, b.lat, 15);
    const tile = decodeTile(await renderTile(sql, { layer: "building", ...t, scope: null }));
    expect(tile.building.find((f) => f.id === b.id)?.properties).toEqual({
      name: b.name,
      address: b.address,
      type: b.type,
      floors: b.floors,
      grid_id: grid.id,
    });
    const inside = await idsInside("building", t);
    expect(tile.building.map((f) => f.id).sort((x, y) => x! - y!)).toEqual(expect.arrayContaining(inside));
  });

  it("a scoped tile holds only its subtree's features", async () => {
    const street = grid.path.split(".").slice(0, 2).join(".");
    const t = lonLatToTile(grid.lon, grid.lat, 13);
    for (const layer of ["grid", "community", "xiaoqu"] as const) {
      const tile = decodeTile(await renderTile(sql, { layer, ...t, scope: [street] }));
      expect(tile[layer].length).toBeGreaterThan(0);
      for (const f of tile[layer]) expect(String(f.properties.code).startsWith(street.split(".")[1])).toBe(true);
    }
    const [other] = await sql<
      { path: string }[]
    >`select path::text as path from region where level = 1 and path <> ${street}::ltree order by id limit 1`;
    const elsewhere = decodeTile(
      await renderTile(sql, { layer: "grid", ...lonLatToTile(grid.lon, grid.lat, 16), scope: [other.path] }),
    );
    expect((elsewhere.grid ?? []).map((f) => f.id)).not.toContain(grid.id);

    const [b] = await sql<
      { lon: number; lat: number }[]
    >`select st_x(st_centroid(geom)) as lon, st_y(st_centroid(geom)) as lat from building where grid_id = ${grid.id} limit 1`;
    const bt = lonLatToTile(b.lon, b.lat, 16);
    const scopedBuildings = decodeTile(await renderTile(sql, { layer: "building", ...bt, scope: [street] })).building;
    const gridIds = await sql<{ id: number }[]>`select id from region where level = 4 and path <@ ${street}::ltree`;
    const allowed = new Set(gridIds.map((r) => r.id));
    expect(scopedBuildings.length).toBeGreaterThan(0);
    for (const f of scopedBuildings) expect(allowed.has(Number(f.properties.grid_id))).toBe(true);
  });

  it("every tile of the district at z12 stays far under 500 KB", async () => {
    const [box] = await sql<{ w: number; s: number; e: number; n: number }[]>`
      select st_xmin(b) as w, st_ymin(b) as s, st_xmax(b) as e, st_ymax(b) as n from (select st_extent(geom) as b from region where level = 0) x`;
    const { tilesCoveringBbox } = await import("./tile-math");
    let max = 0;
    for (const t of tilesCoveringBbox([box.w, box.s, box.e, box.n], 12)) {
      for (const layer of ["street", "community", "basemap"] as const)
        max = Math.max(max, (await renderTile(sql, { layer, ...t, scope: null })).byteLength);
    }
    expect(max).toBeGreaterThan(0);
    expect(max).toBeLessThan(500 * 1024);
  });
});
