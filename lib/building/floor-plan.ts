import type { RoomCellRow } from "../../db/queries/building";
import { t } from "../i18n";
import type { EntranceBlock, FloorPlanCounts, RoomCell, RoomUse } from "./dto";

/**
 * Lays rooms out as a 楼盘表: one block per entrance, floors from the top down, rooms in number order.
 * Every floor of every entrance appears even when it has no room registered (an empty row is
 * information too), and each entrance is as wide as its widest floor.
 */
export function layOutFloorPlan(
  shape: { floors: number; entrances: number; roomsPerFloor: number },
  rows: RoomCellRow[],
): EntranceBlock[] {
  const byEntrance = new Map<number, Map<number, RoomCell[]>>();
  let maxEntrance = shape.entrances;
  let maxFloor = shape.floors;
  for (const row of rows) {
    maxEntrance = Math.max(maxEntrance, row.entrance);
    maxFloor = Math.max(maxFloor, row.floor);
    const floors = byEntrance.get(row.entrance) ?? new Map<number, RoomCell[]>();
    byEntrance.set(row.entrance, floors);
    const list = floors.get(row.floor) ?? [];
    floors.set(row.floor, list);
    list.push(toRoomCell(row));
  }
  const blocks: EntranceBlock[] = [];
  for (let entrance = 1; entrance <= maxEntrance; entrance++) {
    const floors = byEntrance.get(entrance) ?? new Map<number, RoomCell[]>();
    let columns = shape.roomsPerFloor;
    for (const list of floors.values()) columns = Math.max(columns, list.length);
    const floorRows = [];
    for (let floor = maxFloor; floor >= 1; floor--) {
      const list = (floors.get(floor) ?? []).sort((a, b) => a.number.localeCompare(b.number, "zh-CN", { numeric: true }));
      const rooms: (RoomCell | null)[] = Array.from({ length: columns }, (_, i) => list[i] ?? null);
      floorRows.push({ floor, rooms });
    }
    blocks.push({ entrance, columns, floors: floorRows });
  }
  return blocks;
}

function toRoomCell(row: RoomCellRow): RoomCell {
  const use = row.use as RoomUse;
  return {
    id: row.id,
    number: row.number,
    entrance: row.entrance,
    floor: row.floor,
    use,
    useName: t.building.uses[use] ?? row.use,
    area: row.area,
    households: row.households,
    residents: row.residents,
    specialResidents: row.specialResidents,
    keyPersons: row.keyPersons,
    floatingResidents: row.floatingResidents,
  };
}

/** Totals shown above the matrix. */
export function countFloorPlan(rows: RoomCellRow[]): FloorPlanCounts {
  const counts: FloorPlanCounts = {
    rooms: 0,
    households: 0,
    residents: 0,
    self: 0,
    rented: 0,
    vacant: 0,
    commercial: 0,
    special: 0,
    keyPersons: 0,
    floating: 0,
  };
  for (const r of rows) {
    counts.rooms += 1;
    counts.households += r.households;
    counts.residents += r.residents;
    if (r.use === "self" || r.use === "rented" || r.use === "vacant" || r.use === "commercial") counts[r.use] += 1;
    counts.special += r.specialResidents;
    counts.keyPersons += r.keyPersons;
    counts.floating += r.floatingResidents;
  }
  return counts;
}
