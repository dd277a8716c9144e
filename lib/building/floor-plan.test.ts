import { describe, expect, it } from "vitest";
import type { RoomCellRow } from "../../db/queries/building";
import { countFloorPlan, layOutFloorPlan } from "./floor-plan";

function room(
  id: number,
  entrance: number,
  floor: number,
  number: string,
  use = "self",
  extra: Partial<RoomCellRow> = {},
): RoomCellRow {
  return {
    id,
    entrance,
    floor,
    number,
    area: 80,
    use,
    households: 1,
    residents: 3,
    specialResidents: 0,
    keyPersons: 0,
    floatingResidents: 0,
    ...extra,
  };
}

describe("layOutFloorPlan", () => {
  const rows = [
    room(1, 1, 1, "101"),
    room(2, 1, 1, "102", "rented", { floatingResidents: 2 }),
    room(3, 1, 2, "202", "vacant", { households: 0, residents: 0 }),
    room(4, 1, 2, "201"),
    room(5, 2, 2, "201", "commercial", { specialResidents: 1, keyPersons: 1 }),
  ];

  it("gives every entrance every floor, top floor first, as wide as the building's rooms per floor", () => {
    const blocks = layOutFloorPlan({ floors: 2, entrances: 2, roomsPerFloor: 2 }, rows);
    expect(blocks.map((b) => b.entrance)).toEqual([1, 2]);
    expect(blocks[0].floors.map((f) => f.floor)).toEqual([2, 1]);
    expect(blocks[0].floors[0].rooms.map((r) => r?.number)).toEqual(["201", "202"]);
    expect(blocks[0].floors[1].rooms.map((r) => r?.number)).toEqual(["101", "102"]);
    // entrance 2 has one room on floor 2 and none on floor 1: the gaps are explicit nulls
    expect(blocks[1].floors[0].rooms.map((r) => r?.number ?? null)).toEqual(["201", null]);
    expect(blocks[1].floors[1].rooms).toEqual([null, null]);
  });

  it("widens an entrance to its widest floor and grows to floors found in the data", () => {
    const blocks = layOutFloorPlan({ floors: 1, entrances: 1, roomsPerFloor: 1 }, rows);
    expect(blocks).toHaveLength(2);
    expect(blocks[0].columns).toBe(2);
    expect(blocks[0].floors.map((f) => f.floor)).toEqual([2, 1]);
  });

  it("orders room numbers numerically", () => {
    const blocks = layOutFloorPlan({ floors: 1, entrances: 1, roomsPerFloor: 3 }, [
      room(1, 1, 1, "110"),
      room(2, 1, 1, "19"),
      room(3, 1, 1, "101"),
    ]);
    expect(blocks[0].floors[0].rooms.map((r) => r?.number)).toEqual(["19", "101", "110"]);
  });

  it("names each room's use in Chinese", () => {
    const blocks = layOutFloorPlan({ floors: 2, entrances: 2, roomsPerFloor: 2 }, rows);
    expect(blocks[0].floors[1].rooms[1]?.useName).toBe("出租");
    expect(blocks[1].floors[0].rooms[0]?.useName).toBe("商用");
  });
});

describe("countFloorPlan", () => {
  it("adds up rooms by use and people by flag", () => {
    const counts = countFloorPlan([
      room(1, 1, 1, "101"),
      room(2, 1, 1, "102", "rented", { floatingResidents: 2 }),
      room(3, 1, 2, "201", "vacant", { households: 0, residents: 0 }),
      room(4, 2, 1, "101", "commercial", { specialResidents: 1, keyPersons: 1 }),
    ]);
    expect(counts).toEqual({
      rooms: 4,
      households: 3,
      residents: 9,
      self: 1,
      rented: 1,
      vacant: 1,
      commercial: 1,
      special: 1,
      keyPersons: 1,
      floating: 2,
    });
  });
});
