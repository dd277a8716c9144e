import type { Bounds, RegionCrumb } from "../grid/dto";

export type RoomUse = "self" | "rented" | "vacant" | "commercial";

export type BuildingSummary = {
  id: number;
  code: string;
  name: string;
  address: string;
  type: string;
  typeName: string;
  floors: number;
  entrances: number;
  roomsPerFloor: number;
  gridId: number;
  bounds: Bounds;
  /** 区 → 街道 → 社区 → 小区 → 网格 of the building's basic grid. */
  breadcrumb: RegionCrumb[];
};

export type RoomCell = {
  id: number;
  number: string;
  entrance: number;
  floor: number;
  use: RoomUse;
  useName: string;
  area: number;
  households: number;
  residents: number;
  specialResidents: number;
  keyPersons: number;
  floatingResidents: number;
};

export type FloorRow = { floor: number; rooms: (RoomCell | null)[] };

export type EntranceBlock = {
  entrance: number;
  /** Room slots per floor in this entrance (the widest floor). */
  columns: number;
  /** Top floor first, as a 楼盘表 reads. */
  floors: FloorRow[];
};

export type FloorPlanCounts = {
  rooms: number;
  households: number;
  residents: number;
  self: number;
  rented: number;
  vacant: number;
  commercial: number;
  special: number;
  keyPersons: number;
  floating: number;
};

export type BuildingFloorPlan = { building: BuildingSummary; entrances: EntranceBlock[]; counts: FloorPlanCounts };

/** A building in a basic grid's list (the map panel): enough to find it and open its 楼盘表. */
export type GridBuildingItem = { id: number; name: string; address: string; floors: number; rooms: number };

/** A page of a grid's buildings; `nextAfter` is the last building's id when more follow, else null. */
export type GridBuildingPage = { buildings: GridBuildingItem[]; nextAfter: number | null };
