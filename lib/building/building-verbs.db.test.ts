import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import type { Connection } from "../../db/client";
import type { RequestContext } from "../context";
import { narrowedTo, withSeededDistrict } from "../testing/seeded-district";
import { getBuilding } from "./get-building";
import { getBuildingFloorPlan } from "./get-building-floor-plan";

let conn: Connection;
let ctx: RequestContext;

withSeededDistrict((c, x) => {
  conn = c;
  ctx = x;
});

type BuildingShape = { id: number; floors: number; entrances: number; rooms_per_floor: number; grid_id: number };

async function buildings() {
  const { rows } =
    await sql<BuildingShape>`select id, floors, entrances, rooms_per_floor, grid_id from building order by floors desc, id`.execute(
      conn.db,
    );
  return rows;
}

describe("getBuildingFloorPlan", () => {
  it("has the building's floors × entrances × rooms shape, top floor first", async () => {
    for (const b of await buildings()) {
      const plan = await getBuildingFloorPlan({ ctx, input: { id: b.id } });
      const { rows } = await sql<{ entrances: number; floors: number; widest: number; rooms: number }>`
        select count(distinct entrance)::int as entrances, max(floor)::int as floors,
               coalesce(max(n), 0)::int as widest, sum(n)::int as rooms
          from (select entrance, floor, count(*) as n from room where building_id = ${b.id} group by entrance, floor) x`.execute(
        conn.db,
      );
      const real = rows[0];
      expect(plan.entrances).toHaveLength(Math.max(b.entrances, real.entrances));
      for (const block of plan.entrances) {
        expect(block.floors).toHaveLength(Math.max(b.floors, real.floors));
        expect(block.floors[0].floor).toBe(block.floors.length);
        expect(block.floors.at(-1)?.floor).toBe(1);
        expect(block.columns).toBe(Math.max(b.rooms_per_floor, real.widest));
        for (const f of block.floors) expect(f.rooms).toHaveLength(block.columns);
      }
      const cells = plan.entrances.flatMap((e) => e.floors.flatMap((f) => f.rooms)).filter((r) => r !== null);
      expect(cells).toHaveLength(real.rooms);
      expect(plan.counts.rooms).toBe(real.rooms);
      // every room sits in its own entrance block and floor row
      for (const e of plan.entrances)
        for (const f of e.floors) for (const r of f.rooms) if (r) expect([r.entrance, r.floor]).toEqual([e.entrance, f.floor]);
    }
  });

  it("counts people and uses like the base tables", async () => {
    const b = (await buildings())[0];
    const plan = await getBuildingFloorPlan({ ctx, input: { id: b.id } });
    const { rows } = await sql<Record<string, number>>`
      select (select count(*)::int from household h join room r on r.id = h.room_id where r.building_id = ${b.id}) as households,
             (select count(*)::int from resident p join household h on h.id = p.household_id join room r on r.id = h.room_id where r.building_id = ${b.id}) as residents,
             (select count(*)::int from room where building_id = ${b.id} and use = 'rented') as rented,
             (select count(*)::int from room where building_id = ${b.id} and use = 'vacant') as vacant,
             (select count(*)::int from resident p join household h on h.id = p.household_id join room r on r.id = h.room_id where r.building_id = ${b.id} and p.key_person) as "keyPersons"`.execute(
      conn.db,
    );
    expect(plan.counts).toMatchObject(rows[0]);
    expect(plan.counts.residents).toBeGreaterThan(0);
  });

  it("carries the header and the grid breadcrumb", async () => {
    const b = (await buildings())[0];
    const plan = await getBuildingFloorPlan({ ctx, input: { id: b.id } });
    expect(plan.building.floors).toBe(b.floors);
    expect(plan.building.entrances).toBe(b.entrances);
    expect(plan.building.typeName).not.toBe("");
    expect(plan.building.breadcrumb.map((c) => c.level)).toEqual([0, 1, 2, 3, 4]);
    expect(plan.building.breadcrumb.at(-1)?.id).toBe(b.grid_id);
  });

  it("throws NOT_FOUND for an unknown building and VALIDATION for a non-numeric id", async () => {
    await expect(getBuildingFloorPlan({ ctx, input: { id: 987_654_321 } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getBuildingFloorPlan({ ctx, input: { id: "abc" as unknown as number } })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await expect(getBuilding({ ctx, input: { id: "12abc" as unknown as number } })).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("hides a building whose grid is outside the scope", async () => {
    const b = (await buildings())[0];
    const { rows } = await sql<{ path: string }>`
      select s.path::text as path from region s
       where s.level = 1 and not exists (select 1 from region g where g.id = ${b.grid_id} and g.path <@ s.path) limit 1`.execute(
      conn.db,
    );
    await expect(getBuilding({ ctx: narrowedTo(ctx, rows[0].path), input: { id: b.id } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
