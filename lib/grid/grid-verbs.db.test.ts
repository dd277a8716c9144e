import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import type { Connection } from "../../db/client";
import type { RequestContext } from "../context";
import { narrowedTo, withSeededDistrict } from "../testing/seeded-district";
import { DomainError } from "../errors";
import { getDistrictBounds } from "./get-district-bounds";
import { getRegion } from "./get-region";
import { getRegionBreadcrumb } from "./get-region-breadcrumb";
import { listRegionChildren } from "./list-region-children";

let conn: Connection;
let ctx: RequestContext;

withSeededDistrict((c, x) => {
  conn = c;
  ctx = x;
});

async function pick(level: number, offset = 0) {
  const { rows } = await sql<{ id: number; path: string }>`
    select id, path::text as path from region where level = ${level} order by (residents > 0) desc, code offset ${offset} limit 1`.execute(
    conn.db,
  );
  return rows[0];
}

/** The counts straight from the base tables, for one region's subtree: the verbs must agree. */
async function directCounts(regionId: number) {
  const { rows } = await sql<Record<string, number>>`
    with g as (select s.id from region r join region s on s.path <@ r.path where r.id = ${regionId} and s.level = 4)
    select
      (select count(*)::int from building b where b.grid_id in (select id from g)) as buildings,
      (select count(*)::int from room m join building b on b.id = m.building_id where b.grid_id in (select id from g) and m.use = 'rented') as rented,
      (select count(*)::int from household h join room m on m.id = h.room_id join building b on b.id = m.building_id where b.grid_id in (select id from g)) as households,
      (select count(*)::int from resident p join household h on h.id = p.household_id join room m on m.id = h.room_id join building b on b.id = m.building_id where b.grid_id in (select id from g)) as residents,
      (select count(*)::int from resident p join household h on h.id = p.household_id join room m on m.id = h.room_id join building b on b.id = m.building_id where b.grid_id in (select id from g) and h.registration = 'floating') as floating,
      (select count(*)::int from resident p join household h on h.id = p.household_id join room m on m.id = h.room_id join building b on b.id = m.building_id where b.grid_id in (select id from g) and cardinality(p.tags) > 0) as special,
      (select count(*)::int from resident p join household h on h.id = p.household_id join room m on m.id = h.room_id join building b on b.id = m.building_id where b.grid_id in (select id from g) and p.key_person) as "keyPersons"`.execute(
    conn.db,
  );
  return rows[0];
}

describe("getRegion", () => {
  it("returns counts equal to direct SQL counts at every level", async () => {
    for (const level of [0, 1, 2, 3, 4]) {
      const r = await pick(level);
      const region = await getRegion({ ctx, input: { id: r.id } });
      expect(region.level).toBe(level);
      expect(region.counts.residents).toBeGreaterThan(0);
      expect(region.counts).toEqual(await directCounts(r.id));
    }
  });

  it("has non-trivial counts for the district (the fixture is not empty)", async () => {
    const district = await getRegion({ ctx, input: { id: (await pick(0)).id } });
    expect(district.counts.residents).toBeGreaterThan(0);
    expect(district.counts.buildings).toBeGreaterThan(0);
    expect(district.levelName).toBe("区");
    const [w, s, e, n] = district.bounds;
    expect(w).toBeLessThan(e);
    expect(s).toBeLessThan(n);
  });

  it("accepts a numeric string id (from a URL)", async () => {
    const r = await pick(1);
    const region = await getRegion({ ctx, input: { id: String(r.id) as unknown as number } });
    expect(region.id).toBe(r.id);
  });

  it("throws NOT_FOUND for an unknown id and VALIDATION for a malformed one", async () => {
    await expect(getRegion({ ctx, input: { id: 99_999_999 } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    for (const bad of ["abc", "-1", "0", "1.5", "", "99999999999"]) {
      const err = await getRegion({ ctx, input: { id: bad as unknown as number } }).catch((e) => e);
      expect(err).toBeInstanceOf(DomainError);
      expect(err.code).toBe("VALIDATION");
    }
  });

  it("hides regions outside the caller's scope", async () => {
    const streetA = await pick(1, 0);
    const streetB = await pick(1, 1);
    const narrow: RequestContext = narrowedTo(ctx, streetA.path);
    await expect(getRegion({ ctx: narrow, input: { id: streetA.id } })).resolves.toMatchObject({ id: streetA.id });
    await expect(getRegion({ ctx: narrow, input: { id: streetB.id } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const district = await pick(0);
    await expect(getRegion({ ctx: narrow, input: { id: district.id } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("listRegionChildren", () => {
  it("lists exactly the direct children, in code order", async () => {
    const district = await pick(0);
    const children = await listRegionChildren({ ctx, input: { id: district.id } });
    const { rows } = await sql<{ code: string }>`select code from region where parent_id = ${district.id} order by code`.execute(
      conn.db,
    );
    expect(children.map((c) => c.code)).toEqual(rows.map((r) => r.code));
    expect(children.every((c) => c.level === 1)).toBe(true);
    expect(children.map((c) => c.levelName)).toEqual(expect.arrayContaining(["街道"]));
  });

  it("returns an empty list for a basic grid and NOT_FOUND for an unknown parent", async () => {
    const grid = await pick(4);
    expect(await listRegionChildren({ ctx, input: { id: grid.id } })).toEqual([]);
    await expect(listRegionChildren({ ctx, input: { id: 99_999_999 } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("getRegionBreadcrumb", () => {
  it("goes 区 → 街道 → 社区 → 小区 → 网格 in order", async () => {
    const grid = await pick(4);
    const crumbs = await getRegionBreadcrumb({ ctx, input: { id: grid.id } });
    expect(crumbs.map((c) => c.level)).toEqual([0, 1, 2, 3, 4]);
    expect(crumbs[4].id).toBe(grid.id);
    // each crumb is the parent of the next
    for (let i = 1; i < crumbs.length; i++) {
      const { rows } = await sql<{ parent_id: number }>`select parent_id from region where id = ${crumbs[i].id}`.execute(conn.db);
      expect(rows[0].parent_id).toBe(crumbs[i - 1].id);
    }
    expect(crumbs[0].levelName).toBe("区");
    expect(crumbs[4].levelName).toBe("网格");
  });

  it("starts at the top of a narrower scope", async () => {
    const grid = await pick(4);
    const crumbsAll = await getRegionBreadcrumb({ ctx, input: { id: grid.id } });
    const { rows } = await sql<{ path: string }>`select path::text as path from region where id = ${crumbsAll[1].id}`.execute(
      conn.db,
    );
    const crumbs = await getRegionBreadcrumb({ ctx: narrowedTo(ctx, rows[0].path), input: { id: grid.id } });
    expect(crumbs.map((c) => c.level)).toEqual([1, 2, 3, 4]);
  });
});

describe("getDistrictBounds", () => {
  it("returns the district and its bounds", async () => {
    const view = await getDistrictBounds({ ctx });
    const { rows } = await sql<{ w: number; s: number; e: number; n: number; name: string }>`
      select st_xmin(geom) as w, st_ymin(geom) as s, st_xmax(geom) as e, st_ymax(geom) as n, name from region where level = 0`.execute(
      conn.db,
    );
    expect(view.name).toBe(rows[0].name);
    expect(view.bounds).toEqual([rows[0].w, rows[0].s, rows[0].e, rows[0].n]);
  });

  it("is NOT_FOUND when the scope matches nothing (no district loaded)", async () => {
    await expect(getDistrictBounds({ ctx: narrowedTo(ctx, "999999") })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
