import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import type { Connection } from "../../db/client";
import { inScope } from "../../db/queries/scope";
import { decodeTile } from "../../tiles/testing/decode";
import { renderTile } from "../../tiles/render-tile";
import { lonLatToTile } from "../../tiles/tile-math";
import { getBuilding } from "../building/get-building";
import { getBuildingFloorPlan } from "../building/get-building-floor-plan";
import { contextWithAssignments, type RequestContext } from "../context";
import { getRegion } from "../grid/get-region";
import { getRegionBreadcrumb } from "../grid/get-region-breadcrumb";
import { listRegionChildren } from "../grid/list-region-children";
import { getRoomOccupants } from "../resident/get-room-occupants";
import { searchPlaces } from "../search/search-places";
import { exportResidents } from "../resident/export-residents";
import { getResidentDetail } from "../resident/get-resident-detail";
import { revealResidentField } from "../resident/reveal-resident-field";
import { withSeededDistrict } from "../testing/seeded-district";
import { authorize } from "./authorize";
import type { Role } from "./roles";

let owner: Connection;
let app: Connection;

withSeededDistrict((c, _ctx, a) => {
  owner = c;
  app = a;
});

/** A populated basic grid with its ancestors, one of its buildings, a lived-in room and its centre. */
type GridChain = {
  grid: number;
  xiaoqu: number;
  community: number;
  street: number;
  district: number;
  code: string;
  path: string;
  building: number;
  buildingCode: string;
  room: number;
  lon: number;
  lat: number;
};

async function populatedGrids(): Promise<GridChain[]> {
  const { rows } = await sql<GridChain>`
    select g.id as grid, x.id as xiaoqu, c.id as community, s.id as street, d.id as district, g.code, g.path::text as path,
           b.id as building, b.code as "buildingCode", h.room_id as room,
           st_x(st_centroid(b.geom)) as lon, st_y(st_centroid(b.geom)) as lat
      from region g
      join region x on x.id = g.parent_id join region c on c.id = x.parent_id join region s on s.id = c.parent_id join region d on d.id = s.parent_id
      cross join lateral (select b.* from building b where b.grid_id = g.id and exists (
        select 1 from room r join household h on h.room_id = r.id where r.building_id = b.id) order by b.id limit 1) b
      cross join lateral (select h.room_id from household h join room r on r.id = h.room_id where r.building_id = b.id order by h.id limit 1) h
     where g.level = 4 order by g.code`.execute(owner.db);
  return rows;
}

/** Every way a caller could learn something about grid `t`: each must come back empty or NOT_FOUND. */
async function expectNothingOf(ctx: RequestContext, t: GridChain) {
  const notFound = { code: "NOT_FOUND" };
  await expect(getRegion({ ctx, input: { id: t.grid } })).rejects.toMatchObject(notFound);
  await expect(getRegionBreadcrumb({ ctx, input: { id: t.grid } })).rejects.toMatchObject(notFound);
  await expect(listRegionChildren({ ctx, input: { id: t.xiaoqu } })).rejects.toMatchObject(notFound);
  await expect(getBuilding({ ctx, input: { id: t.building } })).rejects.toMatchObject(notFound);
  await expect(getBuildingFloorPlan({ ctx, input: { id: t.building } })).rejects.toMatchObject(notFound);
  await expect(getRoomOccupants({ ctx, input: { id: t.room } })).rejects.toMatchObject(notFound);
  expect(await searchPlaces({ ctx, input: { q: t.code } })).toEqual([]);
  const { rows } = await sql<{ id: number }>`select id from resident where grid_id = ${t.grid} order by id limit 1`.execute(
    owner.db,
  );
  await expect(getResidentDetail({ ctx, input: { id: rows[0].id } })).rejects.toMatchObject(notFound);
  await expect(
    revealResidentField({ ctx, input: { id: rows[0].id, field: "id_number", reason: "入户走访核实" } }),
  ).rejects.toMatchObject({ code: expect.stringMatching(/NOT_FOUND|FORBIDDEN/) });
  await expect(exportResidents({ ctx, input: { regionId: t.grid } })).rejects.toMatchObject({
    code: expect.stringMatching(/NOT_FOUND|FORBIDDEN/),
  });
  expect((await searchPlaces({ ctx, input: { q: t.buildingCode } })).map((h) => h.id)).not.toContain(t.building);
  // Counts: the district's totals (which include grid t) are not readable either.
  await expect(getRegion({ ctx, input: { id: t.district } })).rejects.toMatchObject(notFound);
  // Tiles: the building tile over t's building holds none of t's buildings or grids.
  const tile = lonLatToTile(t.lon, t.lat, 16);
  const scope = authorize(ctx, "map.view");
  const buildings = decodeTile(await renderTile(app.sql, { layer: "building", ...tile, scope })).building ?? [];
  expect(buildings.map((f) => f.id)).not.toContain(t.building);
  const grids = decodeTile(await renderTile(app.sql, { layer: "grid", ...tile, scope })).grid ?? [];
  expect(grids.map((f) => f.id)).not.toContain(t.grid);
}

/** The same caller sees its own grid (so the refusals above are about scope, not a broken verb). */
async function expectAllOf(ctx: RequestContext, own: GridChain) {
  await expect(getRegion({ ctx, input: { id: own.grid } })).resolves.toMatchObject({ id: own.grid });
  await expect(getBuildingFloorPlan({ ctx, input: { id: own.building } })).resolves.toMatchObject({
    building: { id: own.building },
  });
  const occupants = await getRoomOccupants({ ctx, input: { id: own.room } });
  expect(occupants.households.length).toBeGreaterThan(0);
  expect((await searchPlaces({ ctx, input: { q: own.code } })).map((h) => h.id)).toContain(own.grid);
  const tile = lonLatToTile(own.lon, own.lat, 16);
  const buildings =
    decodeTile(await renderTile(app.sql, { layer: "building", ...tile, scope: authorize(ctx, "map.view") })).building ?? [];
  expect(buildings.map((f) => f.id)).toContain(own.building);
}

const as = (role: Role, regionId: number) => contextWithAssignments(app.db, [{ role, regionId }]);

describe("cross-area leakage", () => {
  it("a grid worker of grid A reads, searches, counts and tiles nothing of grid B", async () => {
    const grids = await populatedGrids();
    const [a] = grids;
    const b = grids.find((g) => g.grid !== a.grid)!;
    const ctx = await as("grid_worker", a.grid);
    await expectAllOf(ctx, a);
    await expectNothingOf(ctx, b);
  });

  it("a community head sees the community and nothing of another community", async () => {
    const grids = await populatedGrids();
    const [a] = grids;
    const b = grids.find((g) => g.community !== a.community)!;
    const ctx = await as("community_head", a.community);
    await expectAllOf(ctx, a);
    await expectAllOf(ctx, grids.filter((g) => g.community === a.community).at(-1)!);
    await expectNothingOf(ctx, b);
  });

  it("a street operator sees the street and nothing of another street", async () => {
    const grids = await populatedGrids();
    const [a] = grids;
    const b = grids.find((g) => g.street !== a.street);
    expect(b?.street, "the test district populates at least two streets").toEqual(expect.any(Number));
    expect(b!.street).not.toBe(a.street);
    const ctx = await as("street_operator", a.street);
    await expectAllOf(ctx, a);
    await expectNothingOf(ctx, b!);
  });

  it("row-level security hides other grids' rooms and people even when the query forgets its filter", async () => {
    const grids = await populatedGrids();
    const [a] = grids;
    const b = grids.find((g) => g.street !== a.street)!;
    const scopeA = authorize(await as("grid_worker", a.grid), "resident.read");
    const count = (trx: typeof app.db, table: "resident" | "household" | "room", gridId: number) =>
      sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where grid_id = ${gridId}`
        .execute(trx)
        .then((r) => r.rows[0].n);
    // Sanity: the owner (who bypasses RLS) sees people in both grids.
    expect(await count(owner.db, "resident", b.grid)).toBeGreaterThan(0);
    await inScope(app.db, scopeA, async (trx) => {
      expect(await count(trx, "resident", a.grid)).toBeGreaterThan(0);
      for (const table of ["resident", "household", "room"] as const) expect(await count(trx, table, b.grid)).toBe(0);
      // Guessing by id, with no area filter at all:
      const { rows } = await sql`select * from room where id = ${b.room}`.execute(trx);
      expect(rows).toEqual([]);
      const everyone = await sql<{ n: number }>`select count(*)::int as n from resident`.execute(trx);
      expect(everyone.rows[0].n).toBe(await count(owner.db, "resident", a.grid));
    });
    // Outside a scoped transaction the application role sees no one at all.
    const bare = await sql<{ n: number }>`select count(*)::int as n from resident`.execute(app.db);
    expect(bare.rows[0].n).toBe(0);
    // And it cannot switch RLS off, or read as the owner.
    await expect(sql`alter table resident disable row level security`.execute(app.db)).rejects.toThrow(/must be owner/);
    await expect(sql`set role gridatlas`.execute(app.db)).rejects.toThrow(/permission denied/);
  });
});
