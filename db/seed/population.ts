/**
 * Everything that lives in the basic grids: buildings, rooms, households, residents (人进户、户进房、
 * 房进楼、楼进格), organisations and city components. Generated grid by grid in code order and streamed
 * straight into COPY, so memory stays flat however large the district.
 *
 * Each grid draws from its own random stream (seed + grid code); only the row ids and the identity
 * number sequence codes run across the district, in code order.
 */
import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { makeIdNumber } from "../../lib/pii/id-number";
import { maskIdNumber, maskPhone } from "../../lib/pii/mask";
import { createBulkProtector } from "../../lib/pii/protect";
import { COPY_NULL, copyBytea, copyFileInto, copyInto, copyText, spoolTo, type RowWriter } from "./copy";
import type { Obstacle } from "./features";
import { pointWkt, polygonWkt, type Pt } from "./geometry";
import {
  layoutUrbanGrid,
  layoutVillageGrid,
  pickEstateStyle,
  pointInFootprint,
  pointsInGrid,
  prepareGrid,
  type PlannedBuilding,
} from "./layout";
import { firmPlace, pickEnterpriseName, pickShopName, pickSocialName, STREET_ROAD_NAMES } from "./names";
import { createIdSequencer, draftHousehold } from "./people";
import type { DistrictPlan } from "./plan";
import { rngFor, type Rng } from "./random";
import type { GridInfo, RegionBuild, Sql } from "./regions";

export type PopulationCounts = {
  building: number;
  room: number;
  household: number;
  resident: number;
  organization: number;
  component: number;
};

export type PopulationOptions = {
  seed: number;
  /** Share of each grid's full-scale households generated (1.0 full, 0.1 medium, 0.05 small). */
  factor: number;
  /** Communities that get people and things; the others keep their polygons only. */
  populated: Set<string>;
};

const COLUMNS = {
  building: [
    "id",
    "district_code",
    "grid_id",
    "code",
    "name",
    "address",
    "type",
    "floors",
    "entrances",
    "rooms_per_floor",
    "geom",
  ],
  room: ["id", "district_code", "grid_id", "building_id", "entrance", "floor", "number", "area", "use"],
  household: ["id", "district_code", "grid_id", "room_id", "type", "registration", "head_resident_id", "work_unit"],
  resident: [
    "id",
    "district_code",
    "grid_id",
    "household_id",
    "name",
    "gender",
    "birth_date",
    "relation",
    "id_number_cipher",
    "id_number_hash",
    "id_number_masked",
    "phone_cipher",
    "phone_masked",
    "tags",
    "key_person",
  ],
  organization: ["id", "district_code", "grid_id", "building_id", "name", "kind", "address", "geom"],
  component: ["id", "district_code", "grid_id", "code", "kind", "geom"],
};

type Room = { entrance: number; floor: number; number: string; area: number; commercial: boolean; use?: string; id?: number };

/** Per-community shares: rented rooms (urban 15–25%, villages ~10%) and floating households (urban 20–35%). */
function communityRates(seed: number, g: GridInfo) {
  const rng = rngFor(seed, g.communityCode, "rates");
  const rented = g.kind === "urban" ? rng.range(0.15, 0.25) : rng.range(0.06, 0.14);
  const floating = g.kind === "urban" ? rng.range(0.2, 0.35) : rng.range(0.1, 0.2);
  // Tenants are mostly floating population; owners sometimes are too (bought without moving 户口).
  const ownerFloating = Math.max(0.02, (floating - 0.88 * rented) / (1 - rented));
  return { rented, ownerFloating };
}

function roomsOf(b: PlannedBuilding, rng: Rng): Room[] {
  const rooms: Room[] = [];
  const areas = Array.from({ length: b.roomsPerFloor }, () =>
    b.type === "village_house"
      ? rng.range(45, 150)
      : b.roomsPerFloor <= 2
        ? rng.range(75, 140)
        : b.roomsPerFloor <= 4
          ? rng.range(58, 120)
          : rng.range(40, 95),
  );
  for (let e = 1; e <= b.entrances; e++) {
    for (let f = 1; f <= b.floors; f++) {
      for (let r = 1; r <= b.roomsPerFloor; r++) {
        const commercial = b.commercialGround && f === 1;
        rooms.push({
          entrance: e,
          floor: f,
          number: `${e}-${f}${String(r).padStart(2, "0")}`,
          area: Math.round((commercial ? areas[r - 1] * 1.2 : areas[r - 1]) * 100) / 100,
          commercial,
        });
      }
    }
  }
  return rooms;
}

/** Generates and loads the population of the `populated` communities. */
export async function loadPopulation(
  sql: Sql,
  plan: DistrictPlan,
  build: RegionBuild,
  obstacles: Obstacle[],
  opts: PopulationOptions,
): Promise<PopulationCounts> {
  const d = plan.code;
  const districtName = plan.name;
  const place = firmPlace(plan.code, plan.name);
  const spool = fs.mkdtempSync(path.join(os.tmpdir(), "gridatlas-seed-"));
  const protector = createBulkProtector();
  const nextId = createIdSequencer();
  const ids = { building: 0, room: 0, household: 0, resident: 0, organization: 0, component: 0 };
  const writers = {
    room: await copyInto(sql, "room", COLUMNS.room),
    household: await copyInto(sql, "household", COLUMNS.household),
    resident: await copyInto(sql, "resident", COLUMNS.resident),
    building: spoolTo(path.join(spool, "building.tsv")),
    organization: spoolTo(path.join(spool, "organization.tsv")),
    component: spoolTo(path.join(spool, "component.tsv")),
  };
  const buildingNumbers = new Map<string, number>();

  try {
    const grids = build.grids.filter((g) => opts.populated.has(g.communityCode)).sort((a, b) => a.code.localeCompare(b.code));
    let lastCommunity = "";
    for (const g of grids) {
      const firstOfCommunity = g.communityCode !== lastCommunity;
      lastCommunity = g.communityCode;
      const rng = rngFor(opts.seed, g.code, "population");
      const households = Math.round(g.households * opts.factor);
      const shape = prepareGrid(g.geom, g.site, obstacles);
      const village = g.kind === "village";
      const buildings = village
        ? layoutVillageGrid(
            shape,
            households,
            rngFor(opts.seed, g.communityCode, "village-angle").range(-0.35, 0.35),
            rngFor(opts.seed, g.code, "layout"),
          )
        : layoutUrbanGrid(
            shape,
            households,
            pickEstateStyle(rngFor(opts.seed, g.xiaoquCode, "style")),
            rngFor(opts.seed, g.code, "layout"),
          );

      // Buildings and their rooms.
      const numberKey = village ? g.communityCode : g.xiaoquCode;
      const placeName = village ? g.communityName : g.xiaoquName;
      const prefix = `${districtName}${g.streetName}${placeName}`;
      const built: { id: number; plan: PlannedBuilding; address: string; rooms: Room[] }[] = [];
      buildings.forEach((b, k) => {
        const id = ++ids.building;
        const n = (buildingNumbers.get(numberKey) ?? 0) + 1;
        buildingNumbers.set(numberKey, n);
        const name = village ? `${placeName}${n}号` : `${n}号楼`;
        const address = village ? `${prefix}${n}号` : `${prefix}${n}号楼`;
        const code = `${g.code}${String(k + 1).padStart(4, "0")}`;
        writers.building.row(
          `${id}\t${d}\t${g.id}\t${code}\t${copyText(name)}\t${copyText(address)}\t${b.type}\t${b.floors}\t${b.entrances}\t${b.roomsPerFloor}\t${polygonWkt(build.frame, b.corners)}\n`,
        );
        built.push({ id, plan: b, address, rooms: roomsOf(b, rng) });
      });

      // Which rooms are lived in: exactly `households` of the non-commercial rooms (all, if fewer).
      // Village houses keep their first room for the owner's family; others are picked at random.
      const candidates: Room[] = [];
      const secondary: Room[] = [];
      for (const b of built) {
        b.rooms.forEach((r, i) => {
          if (r.commercial) r.use = "commercial";
          else if (village && (i === 0 || (b.plan.commercialGround && i === b.plan.roomsPerFloor))) candidates.push(r);
          else secondary.push(r);
        });
      }
      const order = [...(village ? candidates : []), ...rng.shuffle(village ? secondary : [...candidates, ...secondary])];
      const rates = communityRates(opts.seed, g);
      order.forEach((r, i) => {
        r.use = i < households ? (rng.chance(rates.rented) ? "rented" : "self") : "vacant";
      });

      for (const b of built) {
        for (const r of b.rooms) {
          r.id = ++ids.room;
          writers.room.row(`${r.id}\t${d}\t${g.id}\t${b.id}\t${r.entrance}\t${r.floor}\t${r.number}\t${r.area}\t${r.use}\n`);
        }
      }

      // Households and residents in the occupied rooms.
      for (const b of built) {
        for (const r of b.rooms) {
          if (r.use !== "self" && r.use !== "rented") continue;
          const rented = r.use === "rented";
          const registration = rng.chance(rented ? 0.88 : rates.ownerFloating) ? "floating" : "registered";
          const collective = rng.chance(rented ? 0.07 : 0.004);
          const h = draftHousehold(rng, { village, registration, collective, place });
          const hid = ++ids.household;
          writers.household.row(
            `${hid}\t${d}\t${g.id}\t${r.id}\t${h.type}\t${h.registration}\t${ids.resident + 1}\t${h.workUnit ? copyText(h.workUnit) : COPY_NULL}\n`,
          );
          for (const m of h.members) {
            const rid = ++ids.resident;
            const seq = nextId(m.birthDate, m.gender);
            const idNumber = makeIdNumber({ addressCode: d, birthDate: seq.birthDate, ordinal: seq.ordinal, gender: m.gender });
            const phone = m.phone
              ? `${copyBytea(protector.encrypt(m.phone))}\t${maskPhone(m.phone)}`
              : `${COPY_NULL}\t${COPY_NULL}`;
            writers.resident.row(
              `${rid}\t${d}\t${g.id}\t${hid}\t${m.name}\t${m.gender}\t${seq.birthDate}\t${m.relation}\t${copyBytea(protector.encrypt(idNumber))}\t${copyBytea(protector.hashIdNumber(idNumber))}\t${maskIdNumber(idNumber)}\t${phone}\t{${m.tags.join(",")}}\t${m.keyPerson ? "t" : "f"}\n`,
            );
          }
        }
      }

      // Organisations: shops in ground-floor commercial rooms, enterprises and social organisations.
      for (const b of built) {
        const shops = b.rooms.filter((r) => r.use === "commercial");
        shops.forEach((r, i) => {
          if (!rng.chance(0.8)) return;
          const [x, y] = pointInFootprint(b.plan, (i + 0.5) / shops.length);
          writers.organization.row(
            `${++ids.organization}\t${d}\t${g.id}\t${b.id}\t${pickShopName(rng)}\tshop\t${copyText(`${b.address}底商${r.number}`)}\t${pointWkt(build.frame, x, y)}\n`,
          );
        });
      }
      const enterprises = village ? rng.int(0, 2) : rng.int(1, 4);
      const social = (firstOfCommunity ? 1 : 0) + (rng.chance(0.25) ? 1 : 0);
      const orgPoints = pointsInGrid(shape, enterprises + social, rng, buildings);
      orgPoints.forEach(([x, y], i) => {
        const isSocial = i >= enterprises;
        const name = isSocial ? pickSocialName(rng, g.communityName) : pickEnterpriseName(rng, place);
        const road = g.streetName.replace(/(街道|地区|镇|乡)$/, "").replace(/回族$/, "") + rng.pick(STREET_ROAD_NAMES);
        const address = isSocial
          ? `${prefix}${g.communityName}居委会`
          : `${districtName}${g.streetName}${road}${rng.int(1, 299)}号`;
        writers.organization.row(
          `${++ids.organization}\t${d}\t${g.id}\t${COPY_NULL}\t${copyText(name)}\t${isSocial ? "social" : "enterprise"}\t${copyText(address)}\t${pointWkt(build.frame, x, y)}\n`,
        );
      });

      // City components (部件): lamps, manhole covers, hydrants, cameras.
      const counts: [string, string, number][] = village
        ? [
            ["lamp", "L", rng.int(3, 8)],
            ["manhole", "M", rng.int(2, 5)],
            ["hydrant", "H", rng.int(1, 2)],
            ["camera", "C", rng.int(1, 3)],
          ]
        : [
            ["lamp", "L", rng.int(10, 20)],
            ["manhole", "M", rng.int(8, 15)],
            ["hydrant", "H", rng.int(2, 5)],
            ["camera", "C", rng.int(3, 8)],
          ];
      for (const [kind, letter, n] of counts) {
        pointsInGrid(shape, n, rng, buildings).forEach(([x, y]: Pt, i) => {
          writers.component.row(
            `${++ids.component}\t${d}\t${g.id}\t${g.code}${letter}${String(i + 1).padStart(3, "0")}\t${kind}\t${pointWkt(build.frame, x, y)}\n`,
          );
        });
      }

      await Promise.all(Object.values(writers).map((w: RowWriter) => w.flushIfFull()));
    }

    await Promise.all([
      writers.room.end(),
      writers.household.end(),
      writers.resident.end(),
      writers.building.end(),
      writers.organization.end(),
      writers.component.end(),
    ]);
    await copyFileInto(sql, path.join(spool, "building.tsv"), "building", COLUMNS.building);
    await Promise.all([
      copyFileInto(sql, path.join(spool, "organization.tsv"), "organization", COLUMNS.organization),
      copyFileInto(sql, path.join(spool, "component.tsv"), "component", COLUMNS.component),
    ]);
  } catch (error) {
    for (const w of Object.values(writers)) w.abort(error as Error);
    throw error;
  } finally {
    fs.rmSync(spool, { recursive: true, force: true });
  }
  return ids;
}
