import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDb } from "../db/testing/test-db";
import { renderTile } from "./render-tile";
import { decodeTile } from "./testing/decode";
import { lonLatToTile } from "./tile-math";

const conn = openTestDb();
type Fence = { id: number; lon: number; lat: number; streetPath: string; otherStreetPath: string };
let fence: Fence;

beforeAll(async () => {
  // A 60 m square fence inside the first basic grid of the first street, drawn straight into the table.
  const { rows } = await sql<Fence>`
    with g as (
      select r.id, st_pointonsurface(r.geom) as p, subpath(r.path, 0, 2)::text as street
        from region r where r.level = 4 and r.path <@ (select path from region where level = 1 order by code limit 1)
       order by r.code limit 1
    ), ins as (
      insert into attendance_point (name, region_id, shape, geom)
      select '西营网格站', g.id, 'polygon', st_buffer(g.p::geography, 30, 'quad_segs=1')::geometry from g
      returning id
    )
    select ins.id, st_x(g.p) as lon, st_y(g.p) as lat, g.street as "streetPath",
           (select path::text from region where level = 1 order by code offset 1 limit 1) as "otherStreetPath"
      from ins, g`.execute(conn.db);
  fence = rows[0];
});
afterAll(async () => {
  await conn.db.destroy();
});

describe("the fence tile layer", () => {
  it("draws a fence with its name, shape and state, plus one label point, id = the point's id", async () => {
    const tile = decodeTile(
      await renderTile(conn.sql, { layer: "fence", ...lonLatToTile(fence.lon, fence.lat, 16), scope: null }),
    );
    expect(tile.fence.map((f) => [f.id, f.type, f.properties.name, f.properties.shape, f.properties.active])).toEqual([
      [fence.id, "Polygon", "西营网格站", "polygon", true],
    ]);
    expect(tile.fence_label.map((f) => [f.id, f.type, f.properties.name])).toEqual([[fence.id, "Point", "西营网格站"]]);
  });

  it("keeps to the caller's area: the fence's street sees it, another street does not", async () => {
    const at = lonLatToTile(fence.lon, fence.lat, 16);
    const own = decodeTile(await renderTile(conn.sql, { layer: "fence", ...at, scope: [fence.streetPath] }));
    expect(own.fence?.map((f) => f.id)).toEqual([fence.id]);
    const other = decodeTile(await renderTile(conn.sql, { layer: "fence", ...at, scope: [fence.otherStreetPath] }));
    expect(other.fence ?? []).toEqual([]);
  });

  it("sends nothing below the layer's first zoom", async () => {
    const bytes = await renderTile(conn.sql, { layer: "fence", ...lonLatToTile(fence.lon, fence.lat, 10), scope: null });
    expect(bytes.length).toBe(0);
  });
});
