import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb } from "../db/testing/test-db";
import { renderTile } from "./render-tile";
import { decodeTile } from "./testing/decode";
import { FIXTURE_GRIDS, loadTileFixture, type TileFixture } from "./testing/fixture";
import { lonLatToTile } from "./tile-math";

const conn = openTestDb();
const sql = conn.sql;
let fx: TileFixture;

beforeAll(async () => {
  fx = await loadTileFixture(conn);
});
afterAll(async () => {
  await conn.db.destroy();
});

const tileAt = (p: { lon: number; lat: number }, z: number) => lonLatToTile(p.lon, p.lat, z);

describe("renderTile", () => {
  it("a z16 grid tile inside grid A1 holds A1 alone, with its code, counts and row id", async () => {
    const tile = decodeTile(await renderTile(sql, { layer: "grid", ...tileAt(fx.points.A1, 16), scope: null }));
    expect(tile.grid).toHaveLength(1);
    const [a1] = tile.grid;
    expect(a1.type).toBe("Polygon");
    expect(a1.id).toBe(fx.regionIds[FIXTURE_GRIDS.A1]);
    expect(a1.properties).toEqual({
      code: "110112001001001001",
      name: "西营第一网格",
      level: 4,
      kind: "urban",
      households: 321,
      residents: 800,
      floating: 150,
      rented: 20,
      special: 30,
      buildings: 1,
    });
  });

  it("region label points go to <layer>_label, one per region, same id", async () => {
    // A1's label point (point on surface of 116.600–116.625 × 39.76–39.84) lies in this z13 tile
    const label = await sql<{ lon: number; lat: number }[]>`
      select st_x(st_transform(label_point, 4326)) as lon, st_y(st_transform(label_point, 4326)) as lat from region where code = ${FIXTURE_GRIDS.A1}`;
    const tile = decodeTile(await renderTile(sql, { layer: "grid", ...tileAt(label[0], 13), scope: null }));
    const ids = tile.grid_label.map((f) => f.id);
    expect(ids).toContain(fx.regionIds[FIXTURE_GRIDS.A1]);
    expect(new Set(ids).size).toBe(ids.length);
    const a1Label = tile.grid_label.find((f) => f.id === fx.regionIds[FIXTURE_GRIDS.A1])!;
    expect(a1Label.type).toBe("Point");
    expect(a1Label.properties).toEqual({ code: "110112001001001001", name: "西营第一网格", level: 4 });
  });

  it("the street layer at z10 holds both streets with their labels", async () => {
    const tile = decodeTile(await renderTile(sql, { layer: "street", ...tileAt({ lon: 116.65, lat: 39.8 }, 10), scope: null }));
    expect(tile.street.map((f) => f.properties.code).sort()).toEqual(["110112001", "110112002"]);
    expect(tile.street_label.map((f) => f.properties.name).sort()).toEqual(["中仓街道", "宋庄镇"].sort());
  });

  it("the district is one feature even at z0", async () => {
    const tile = decodeTile(await renderTile(sql, { layer: "district", z: 0, x: 0, y: 0, scope: null }));
    expect(tile.district.map((f) => f.id)).toEqual([fx.regionIds["110112"]]);
    expect(tile.district[0].properties.residents).toBe(3000);
  });

  it("buildings are absent below z14 and present from z14 with their properties", async () => {
    expect((await renderTile(sql, { layer: "building", ...tileAt(fx.points.A1, 13), scope: null })).byteLength).toBe(0);
    const tile = decodeTile(await renderTile(sql, { layer: "building", ...tileAt(fx.points.A1, 14), scope: null }));
    const a1 = tile.building.find((f) => f.id === fx.buildingIds.A1)!;
    expect(a1.type).toBe("Polygon");
    expect(a1.properties).toEqual({
      name: "A1号楼",
      address: "通州区测试路A1号",
      type: "high_rise",
      floors: 18,
      grid_id: fx.regionIds[FIXTURE_GRIDS.A1],
    });
  });

  it("organisations from z16, components from z17, as points with their ids", async () => {
    const orgPoint = { lon: fx.points.B1.lon + 0.001, lat: fx.points.B1.lat };
    expect((await renderTile(sql, { layer: "organization", ...tileAt(orgPoint, 15), scope: null })).byteLength).toBe(0);
    const orgs = decodeTile(await renderTile(sql, { layer: "organization", ...tileAt(orgPoint, 16), scope: null }));
    expect(orgs.organization).toEqual([
      { id: fx.organizationIds.B1, type: "Point", properties: { name: "B1便利店", kind: "shop" } },
    ]);

    const compPoint = { lon: fx.points.B1.lon - 0.001, lat: fx.points.B1.lat };
    expect((await renderTile(sql, { layer: "component", ...tileAt(compPoint, 16), scope: null })).byteLength).toBe(0);
    const comps = decodeTile(await renderTile(sql, { layer: "component", ...tileAt(compPoint, 17), scope: null }));
    expect(comps.component).toEqual([
      { id: fx.componentIds.B1, type: "Point", properties: { code: "BJ11011200200100100101", kind: "hydrant" } },
    ]);
  });

  it("the basemap shows minor roads only from z12", async () => {
    const at = (z: number) => tileAt({ lon: 116.64, lat: 39.8 }, z);
    const z11 = decodeTile(await renderTile(sql, { layer: "basemap", ...at(11), scope: null }));
    expect(z11.basemap.map((f) => f.properties.kind).sort()).toEqual(["lake", "road_major"]);
    const z12 = decodeTile(await renderTile(sql, { layer: "basemap", ...at(12), scope: null }));
    expect(z12.basemap.map((f) => f.properties.kind)).toContain("road_minor");
    expect(z12.basemap.find((f) => f.properties.kind === "road_minor")!.type).toBe("LineString");
  });

  it("a tile outside the data is empty", async () => {
    const shanghai = tileAt({ lon: 121.47, lat: 31.23 }, 14);
    for (const layer of ["district", "grid", "building", "basemap"] as const) {
      expect((await renderTile(sql, { layer, ...shanghai, scope: null })).byteLength).toBe(0);
    }
  });

  describe("scope", () => {
    // This z13 tile (116.6309–116.6748 E) straddles the two streets: it holds grid A2 (west) and B1 (east).
    const straddling = tileAt({ lon: 116.65, lat: 39.8 }, 13);
    const streetA = ["110112.110112001"];
    const streetB = ["110112.110112002"];

    it("whole district: grids of both streets", async () => {
      const tile = decodeTile(await renderTile(sql, { layer: "grid", ...straddling, scope: null }));
      expect(tile.grid.map((f) => f.properties.code).sort()).toEqual([FIXTURE_GRIDS.A2, FIXTURE_GRIDS.B1]);
    });

    it("a street's scope keeps only that subtree, in every region layer", async () => {
      const a = decodeTile(await renderTile(sql, { layer: "grid", ...straddling, scope: streetA }));
      expect(a.grid.map((f) => f.properties.code)).toEqual([FIXTURE_GRIDS.A2]);
      expect(a.grid_label?.every((f) => String(f.properties.code).startsWith("110112001")) ?? true).toBe(true);
      const b = decodeTile(await renderTile(sql, { layer: "street", ...straddling, scope: streetB }));
      expect(b.street.map((f) => f.properties.code)).toEqual(["110112002"]);
      // the district polygon is above a street's subtree
      expect((await renderTile(sql, { layer: "district", ...straddling, scope: streetB })).byteLength).toBe(0);
    });

    it("buildings, organisations and components follow the scope through their grid", async () => {
      const z14a = tileAt(fx.points.A2, 14);
      const bAll = decodeTile(await renderTile(sql, { layer: "building", ...z14a, scope: null }));
      expect(bAll.building.map((f) => f.id)).toContain(fx.buildingIds.A2);
      expect((await renderTile(sql, { layer: "building", ...z14a, scope: streetB })).byteLength).toBe(0);
      const bA = decodeTile(await renderTile(sql, { layer: "building", ...z14a, scope: streetA }));
      expect(bA.building.map((f) => f.id)).toEqual(bAll.building.map((f) => f.id));

      const orgTile = tileAt({ lon: fx.points.A2.lon + 0.001, lat: fx.points.A2.lat }, 16);
      expect(
        decodeTile(await renderTile(sql, { layer: "organization", ...orgTile, scope: streetA })).organization.map((f) => f.id),
      ).toEqual([fx.organizationIds.A2]);
      expect((await renderTile(sql, { layer: "organization", ...orgTile, scope: streetB })).byteLength).toBe(0);
      const compTile = tileAt({ lon: fx.points.A2.lon - 0.001, lat: fx.points.A2.lat }, 17);
      expect((await renderTile(sql, { layer: "component", ...compTile, scope: streetB })).byteLength).toBe(0);
      expect(decodeTile(await renderTile(sql, { layer: "component", ...compTile, scope: streetA })).component).toHaveLength(1);
    });

    it("the basemap is public: the scope does not filter it", async () => {
      const all = await renderTile(sql, { layer: "basemap", ...straddling, scope: null });
      const scoped = await renderTile(sql, { layer: "basemap", ...straddling, scope: streetB });
      expect(Buffer.from(scoped).equals(Buffer.from(all))).toBe(true);
    });

    it("refuses a malformed scope instead of sending it to the database", async () => {
      await expect(renderTile(sql, { layer: "grid", ...straddling, scope: ["110112; drop table region"] })).rejects.toThrow(
        /invalid tile scope/,
      );
    });
  });
});
