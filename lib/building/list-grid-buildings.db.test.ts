import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import type { Connection } from "../../db/client";
import type { RequestContext } from "../context";
import { narrowedTo, withSeededDistrict } from "../testing/seeded-district";
import { listGridBuildings } from "./list-grid-buildings";

let conn: Connection;
let ctx: RequestContext;

withSeededDistrict((c, x) => {
  conn = c;
  ctx = x;
});

/** The basic grid with the most buildings, and its buildings in address order with their real room counts. */
async function busiestGrid() {
  const { rows } = await sql<{ id: number; path: string }>`
    select g.id, g.path::text as path from region g join building b on b.grid_id = g.id
     where g.level = 4 group by g.id order by count(*) desc, g.id limit 1`.execute(conn.db);
  const { rows: expected } = await sql<{ id: number; name: string; address: string; floors: number; rooms: number }>`
    select b.id::int as id, b.name, b.address, b.floors, (select count(*) from room r where r.building_id = b.id)::int as rooms
      from building b where b.grid_id = ${rows[0].id} order by b.address, b.id`.execute(conn.db);
  return { ...rows[0], expected };
}

describe("listGridBuildings", () => {
  it("lists a basic grid's buildings in address order with floors and rooms, page after page", async () => {
    const grid = await busiestGrid();
    expect(grid.expected.length).toBeGreaterThan(2);
    const first = await listGridBuildings({ ctx, input: { id: grid.id, limit: 2 } });
    expect(first.buildings).toEqual(grid.expected.slice(0, 2));
    expect(first.nextAfter).toBe(grid.expected[1].id);
    const all = [...first.buildings];
    let after = first.nextAfter;
    while (after !== null) {
      const page = await listGridBuildings({ ctx, input: { id: grid.id, after, limit: 2 } });
      all.push(...page.buildings);
      after = page.nextAfter;
    }
    // every building once, none skipped
    expect(all).toEqual(grid.expected);
    expect(all.some((b) => b.rooms > 0)).toBe(true);
    const whole = await listGridBuildings({ ctx, input: { id: grid.id, limit: 100 } });
    expect(whole).toEqual({ buildings: grid.expected, nextAfter: null });
  });

  it("is empty for a grid without buildings", async () => {
    const { rows } = await sql<{ id: number }>`
      select g.id from region g where g.level = 4 and not exists (select 1 from building b where b.grid_id = g.id) limit 1`.execute(
      conn.db,
    );
    expect(await listGridBuildings({ ctx, input: { id: rows[0].id } })).toEqual({ buildings: [], nextAfter: null });
  });

  it("answers only for basic grids, inside the area, and only to roles that may read buildings", async () => {
    const grid = await busiestGrid();
    const { rows } = await sql<{ id: number; path: string }>`
      select id, path::text as path from region where level = 3 limit 1`.execute(conn.db);
    await expect(listGridBuildings({ ctx, input: { id: rows[0].id } })).rejects.toMatchObject({ code: "VALIDATION" });
    const { rows: elsewhere } = await sql<{ path: string }>`
      select path::text as path from region where level = 1 and not (${grid.path}::ltree <@ path) limit 1`.execute(conn.db);
    await expect(
      listGridBuildings({ ctx: narrowedTo(ctx, elsewhere[0].path, "street_operator"), input: { id: grid.id } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { rows: district } = await sql<{ path: string }>`select path::text as path from region where level = 0`.execute(
      conn.db,
    );
    await expect(
      listGridBuildings({ ctx: narrowedTo(ctx, district[0].path, "hr_clerk"), input: { id: grid.id } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
