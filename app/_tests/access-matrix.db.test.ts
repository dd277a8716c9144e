import { afterAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { GET as accountsRoute } from "../api/accounts/route";
import { GET as caseRoute } from "../api/cases/[id]/route";
import { GET as caseNoticesRoute } from "../api/case-notices/route";
import { listCaseNotices } from "../../lib/case/case-notices";
import { getCase } from "../../lib/case/get-case";
import { reportCase } from "../../lib/case/report-case";
import { suggestDuplicates } from "../../lib/case/suggest-duplicates";
import { GET as buildingRoute } from "../api/buildings/[id]/route";
import { GET as exportRegionsRoute } from "../api/exports/regions/route";
import { GET as exportResidentsRoute } from "../api/exports/residents/route";
import { POST as revealRoute } from "../api/residents/[id]/reveal/route";
import { GET as districtRoute } from "../api/district/route";
import { GET as regionRoute } from "../api/regions/[id]/route";
import { GET as occupantsRoute } from "../api/rooms/[id]/occupants/route";
import { GET as searchRoute } from "../api/search/route";
import { GET as topologyRoute } from "../api/topology/route";
import { GET as tileJsonRoute } from "../tiles/[layer]/route";
import { GET as tileRoute } from "../tiles/[layer]/[z]/[x]/[y]/route";
import { productConnection, type Connection } from "../../db/client";
import { closeTileConnection } from "../../tiles/tile-connection";
import { lonLatToTile } from "../../tiles/tile-math";
import { getBuilding } from "../../lib/building/get-building";
import { getBuildingFloorPlan } from "../../lib/building/get-building-floor-plan";
import { contextWithAssignments, type RequestContext } from "../../lib/context";
import { getDistrictBounds } from "../../lib/grid/get-district-bounds";
import { getRegion } from "../../lib/grid/get-region";
import { getRegionBreadcrumb } from "../../lib/grid/get-region-breadcrumb";
import { listRegionChildren } from "../../lib/grid/list-region-children";
import { getRoomOccupants } from "../../lib/resident/get-room-occupants";
import { searchPlaces } from "../../lib/search/search-places";
import { withSeededDistrict } from "../../lib/testing/seeded-district";
import { createSignedInAccount } from "../../lib/testing/test-sessions";
import { checkTopology } from "../../lib/topology/check-topology";
import { listAuditLog } from "../../lib/audit/list-audit-log";
import { listPiiAccessLog } from "../../lib/audit/list-pii-access-log";
import { exportRegionStats } from "../../lib/grid/export-region-stats";
import { exportResidents } from "../../lib/resident/export-residents";
import { getResidentDetail } from "../../lib/resident/get-resident-detail";
import { revealResidentField } from "../../lib/resident/reveal-resident-field";
import { roleAllows, type Action } from "../../lib/auth/permissions";
import { ROLE_REGION_LEVEL, ROLES, type Role } from "../../lib/auth/roles";

let owner: Connection;
let app: Connection;
withSeededDistrict((c, _ctx, a) => {
  owner = c;
  app = a;
});
afterAll(async () => {
  await closeTileConnection();
  await productConnection().db.destroy();
});

/** The first populated basic grid, its ancestors by level, a building and a lived-in room of it. */
type Targets = {
  regionByLevel: number[];
  grid: number;
  gridCode: string;
  building: number;
  room: number;
  resident: number;
  tile: { z: number; x: number; y: number };
  /** A point inside the grid, and a case reported there. */
  point: { lon: number; lat: number };
  caseId: number;
  categoryId: number;
};

async function targets(): Promise<Targets> {
  const { rows } = await sql<{
    path: string;
    grid: number;
    code: string;
    building: number;
    room: number;
    lon: number;
    lat: number;
  }>`
    select g.path::text as path, g.id as grid, g.code, b.id as building, h.room_id as room,
           st_x(st_pointonsurface(g.geom)) as lon, st_y(st_pointonsurface(g.geom)) as lat
      from region g
      cross join lateral (select b.id from building b where b.grid_id = g.id and exists (
        select 1 from room r join household h on h.room_id = r.id where r.building_id = b.id) order by b.id limit 1) b
      cross join lateral (select h.room_id from household h join room r on r.id = h.room_id where r.building_id = b.id order by h.id limit 1) h
     where g.level = 4 order by g.code limit 1`.execute(owner.db);
  const t = rows[0];
  const category = await sql<{ id: number }>`select id from case_category where code = 'event.exposed_garbage'`.execute(owner.db);
  const categoryId = category.rows[0].id;
  const ancestors = await sql<{ id: number }>`select id from region where path @> ${t.path}::ltree order by level`.execute(
    owner.db,
  );
  // An ordinary resident (not a key person) with a phone: the reveal target every reveal-capable role may see.
  const resident = await sql<{ id: number }>`
    select id from resident where grid_id = ${t.grid} and not key_person and phone_cipher is not null order by id limit 1`.execute(
    owner.db,
  );
  return {
    regionByLevel: ancestors.rows.map((r) => r.id),
    grid: t.grid,
    gridCode: t.code,
    building: t.building,
    room: t.room,
    resident: resident.rows[0].id,
    tile: lonLatToTile(t.lon, t.lat, 14),
    point: { lon: t.lon, lat: t.lat },
    categoryId,
    caseId: await caseIn(t.grid, { lon: t.lon, lat: t.lat }, categoryId),
  };
}

/** One case in the target grid, reported once by the district (the case verbs' target). */
async function caseIn(grid: number, point: { lon: number; lat: number }, categoryId: number): Promise<number> {
  const existing = await owner.db
    .selectFrom("case_record")
    .select("id")
    .where("grid_id", "=", grid)
    .orderBy("id")
    .executeTakeFirst();
  if (existing) return existing.id;
  const district = await sql<{ id: number }>`select id from region where level = 0`.execute(owner.db);
  const ctx = await contextWithAssignments(app.db, [{ role: "district_commander", regionId: district.rows[0].id }]);
  const { caseId } = await reportCase({
    ctx,
    input: { clientRequestId: crypto.randomUUID(), categoryId, description: "矩阵测试案件", ...point },
  });
  return caseId;
}

/** Each role's assignment: at its own level of the target grid's ladder (the district for the offices). */
const regionFor = (role: Role, t: Targets) => t.regionByLevel[ROLE_REGION_LEVEL[role] ?? 0];

type Case = { name: string; action: Action; run: (t: Targets, ctx: RequestContext) => Promise<unknown> };

/** Every protected read verb, the action it needs, and a call on a target inside every role's area. */
const VERBS: Case[] = [
  { name: "getDistrictBounds", action: "map.view", run: (_t, ctx) => getDistrictBounds({ ctx }) },
  { name: "getRegion", action: "map.view", run: (t, ctx) => getRegion({ ctx, input: { id: t.grid } }) },
  { name: "getRegionBreadcrumb", action: "map.view", run: (t, ctx) => getRegionBreadcrumb({ ctx, input: { id: t.grid } }) },
  { name: "listRegionChildren", action: "map.view", run: (t, ctx) => listRegionChildren({ ctx, input: { id: t.grid } }) },
  { name: "searchPlaces", action: "map.view", run: (t, ctx) => searchPlaces({ ctx, input: { q: t.gridCode } }) },
  { name: "getBuilding", action: "building.read", run: (t, ctx) => getBuilding({ ctx, input: { id: t.building } }) },
  {
    name: "getBuildingFloorPlan",
    action: "building.read",
    run: (t, ctx) => getBuildingFloorPlan({ ctx, input: { id: t.building } }),
  },
  { name: "getRoomOccupants", action: "resident.read", run: (t, ctx) => getRoomOccupants({ ctx, input: { id: t.room } }) },
  { name: "checkTopology", action: "topology.read", run: (_t, ctx) => checkTopology({ ctx, input: {} }) },
  { name: "getResidentDetail", action: "resident.read", run: (t, ctx) => getResidentDetail({ ctx, input: { id: t.resident } }) },
  {
    name: "revealResidentField",
    action: "resident.reveal",
    run: (t, ctx) => revealResidentField({ ctx, input: { id: t.resident, field: "phone", reason: "入户走访核实" } }),
  },
  { name: "exportResidents", action: "resident.export", run: (t, ctx) => exportResidents({ ctx, input: { regionId: t.grid } }) },
  {
    name: "exportResidents unmasked",
    action: "resident.export_unmasked",
    run: (t, ctx) => exportResidents({ ctx, input: { regionId: t.grid, unmasked: true, reason: "社会救助审核" } }),
  },
  {
    name: "exportRegionStats",
    action: "region.export",
    run: (t, ctx) => exportRegionStats({ ctx, input: { regionId: t.grid } }),
  },
  { name: "listPiiAccessLog", action: "audit.read", run: (_t, ctx) => listPiiAccessLog({ ctx, input: {} }) },
  { name: "listAuditLog", action: "audit.read", run: (_t, ctx) => listAuditLog({ ctx, input: {} }) },
  { name: "getCase", action: "case.read", run: (t, ctx) => getCase({ ctx, caseId: t.caseId }) },
  { name: "listCaseNotices", action: "case.read", run: (_t, ctx) => listCaseNotices({ ctx }) },
  {
    name: "suggestDuplicates",
    action: "case.report",
    run: (t, ctx) => suggestDuplicates({ ctx, input: { categoryId: t.categoryId, ...t.point } }),
  },
];

type RouteCase = { name: string; action: Action; call: (t: Targets, cookie: string) => Promise<Response> };

const get = (path: string, cookie: string) =>
  new Request(`http://localhost:3000${path}`, { headers: cookie ? { cookie, "accept-encoding": "gzip" } : {} });
const params = <P>(p: P) => ({ params: Promise.resolve(p) });
/** A request with `nextUrl`, for the routes that read their query through NextRequest. */
const getNext = (path: string, cookie: string) =>
  Object.assign(get(path, cookie), { nextUrl: new URL(`http://localhost:3000${path}`) }) as never;

/** Every protected route, the action it needs, and a request on a target inside every role's area. */
const ROUTES: RouteCase[] = [
  { name: "GET /api/district", action: "map.view", call: (_t, c) => districtRoute(get("/api/district", c)) },
  {
    name: "GET /api/regions/:id",
    action: "map.view",
    call: (t, c) => regionRoute(get(`/api/regions/${t.grid}`, c), params({ id: String(t.grid) })),
  },
  { name: "GET /api/search", action: "map.view", call: (t, c) => searchRoute(getNext(`/api/search?q=${t.gridCode}`, c)) },
  { name: "GET /api/accounts", action: "account.manage", call: (_t, c) => accountsRoute(getNext("/api/accounts", c)) },
  {
    name: "GET /api/exports/residents",
    action: "resident.export",
    call: (t, c) => exportResidentsRoute(getNext(`/api/exports/residents?region=${t.grid}`, c)),
  },
  {
    name: "GET /api/exports/regions",
    action: "region.export",
    call: (t, c) => exportRegionsRoute(getNext(`/api/exports/regions?region=${t.grid}`, c)),
  },
  {
    name: "POST /api/residents/:id/reveal",
    action: "resident.reveal",
    call: (t, c) =>
      revealRoute(
        new Request(`http://localhost:3000/api/residents/${t.resident}/reveal`, {
          method: "POST",
          headers: {
            ...(c ? { cookie: c } : {}),
            "content-type": "application/json",
            host: "localhost:3000",
            origin: "http://localhost:3000",
          },
          body: JSON.stringify({ field: "phone", reason: "入户走访核实" }),
        }),
        params({ id: String(t.resident) }),
      ),
  },
  {
    name: "GET /api/buildings/:id",
    action: "building.read",
    call: (t, c) => buildingRoute(get(`/api/buildings/${t.building}`, c), params({ id: String(t.building) })),
  },
  {
    name: "GET /api/rooms/:id/occupants",
    action: "resident.read",
    call: (t, c) => occupantsRoute(get(`/api/rooms/${t.room}/occupants`, c), params({ id: String(t.room) })),
  },
  { name: "GET /api/topology", action: "topology.read", call: (_t, c) => topologyRoute(get("/api/topology", c)) },
  {
    name: "GET /api/cases/:id",
    action: "case.read",
    call: (t, c) => caseRoute(get(`/api/cases/${t.caseId}`, c), params({ id: String(t.caseId) })),
  },
  { name: "GET /api/case-notices", action: "case.read", call: (_t, c) => caseNoticesRoute(get("/api/case-notices", c)) },
  {
    name: "GET /tiles/grid (TileJSON)",
    action: "map.view",
    call: (_t, c) => tileJsonRoute(get("/tiles/grid", c), params({ layer: "grid" })),
  },
  {
    name: "GET /tiles/grid/z/x/y",
    action: "map.view",
    call: (t, c) =>
      tileRoute(
        get(`/tiles/grid/14/${t.tile.x}/${t.tile.y}`, c),
        params({ layer: "grid", z: "14", x: String(t.tile.x), y: String(t.tile.y) }),
      ),
  },
];

describe("the access matrix: every role × every protected verb", () => {
  it.each(ROLES)("%s: allowed where the permission table says so, FORBIDDEN elsewhere", async (role) => {
    const t = await targets();
    const ctx = await contextWithAssignments(app.db, [{ role, regionId: regionFor(role, t) }]);
    for (const verb of VERBS) {
      const outcome = await verb.run(t, ctx).then(
        () => "allowed",
        (e: { code?: string }) => e.code ?? String(e),
      );
      expect(`${verb.name}: ${outcome}`).toBe(`${verb.name}: ${roleAllows(role, verb.action) ? "allowed" : "FORBIDDEN"}`);
    }
  });
});

describe("the access matrix: every role × every protected route", () => {
  it.each(ROLES)("%s: 2xx where allowed, a clear 403 JSON error elsewhere, never a 500", async (role) => {
    const t = await targets();
    const { cookie } = await createSignedInAccount(owner.db, `matrix_${role}`, [{ role, regionId: regionFor(role, t) }]);
    for (const route of ROUTES) {
      const res = await route.call(t, cookie);
      const allowed = roleAllows(role, route.action);
      expect(`${route.name}: ${res.status}`).toBe(`${route.name}: ${allowed ? res.status : 403}`);
      if (allowed) expect(res.status, route.name).toBeLessThan(300);
      else
        expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({
          code: "FORBIDDEN",
          message: expect.stringMatching(/[\u4e00-\u9fff]/),
        });
    }
  });

  it("without a session every route answers 401, never data", async () => {
    const t = await targets();
    for (const route of ROUTES) {
      const res = await route.call(t, "");
      expect(`${route.name}: ${res.status}`).toBe(`${route.name}: 401`);
    }
  });
});
