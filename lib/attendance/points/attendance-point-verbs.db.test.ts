import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "../../../db/client";
import { contextWithAssignments, type RequestContext } from "../../context";
import { attendancePoints } from "../../i18n/zh-CN/attendance-points";
import { makeDepartment, makeStaff } from "../../testing/attendance-org-fixtures";
import { withSeededDistrict } from "../../testing/seeded-district";
import { checkFence } from "./check-fence";
import { getAttendancePoint } from "./get-attendance-point";
import { listAttendancePoints } from "./list-attendance-points";
import { saveAttendancePoint } from "./save-attendance-point";
import { setAttendancePointActive } from "./set-attendance-point-active";

const e = attendancePoints.fence.errors;
let owner: Connection;
let app: Connection;
withSeededDistrict((c, _ctx, a) => {
  owner = c;
  app = a;
});

type Place = { id: number; lon: number; lat: number };
let grid: Place;
let farGrid: Place;
let hr: RequestContext;
let streetHr: RequestContext;
let otherStreetGrid: Place;
let staffElsewhere: number;

/** Metres → degrees near `lat` (good enough for fixtures of tens of metres). */
const dLat = (m: number) => m / 111_320;
const dLon = (m: number, lat: number) => m / (111_320 * Math.cos((lat * Math.PI) / 180));
/** A square of `side` metres centred on the place, as an open ring. */
const square = (p: { lon: number; lat: number }, side: number): [number, number][] => {
  const h = side / 2;
  return [
    [p.lon - dLon(h, p.lat), p.lat - dLat(h)],
    [p.lon + dLon(h, p.lat), p.lat - dLat(h)],
    [p.lon + dLon(h, p.lat), p.lat + dLat(h)],
    [p.lon - dLon(h, p.lat), p.lat + dLat(h)],
  ];
};
const layerVersion = async () =>
  (
    await sql<{ v: number }>`select coalesce((select version from layer_version where layer = 'fence'), 0)::int as v`.execute(
      owner.db,
    )
  ).rows[0].v;

beforeAll(async () => {
  const places = async (streetRank: number) =>
    (
      await sql<Place & { path: string }>`
        select g.id, st_x(st_pointonsurface(g.geom)) as lon, st_y(st_pointonsurface(g.geom)) as lat, g.path::text as path
          from region g
         where g.level = 4 and g.path <@ (select path from region where level = 1 order by code offset ${streetRank} limit 1)
         order by g.code`.execute(owner.db)
    ).rows;
  const first = await places(0);
  grid = first[0];
  // a grid of the same street at least 2 km away from the first
  const far = await sql<Place>`
    select g.id, st_x(st_pointonsurface(g.geom)) as lon, st_y(st_pointonsurface(g.geom)) as lat from region g, region a
     where a.id = ${grid.id} and g.level = 4 and not st_dwithin(g.geom::geography, a.geom::geography, 2000)
       and subpath(g.path, 0, 2) = subpath(a.path, 0, 2)
     limit 1`.execute(owner.db);
  farGrid = far.rows[0];
  otherStreetGrid = (await places(1))[0];
  const { rows: streets } = await sql<{ id: number }>`select id from region where level = 1 order by code limit 2`.execute(
    owner.db,
  );
  const { rows: district } = await sql<{ id: number }>`select id from region where level = 0 limit 1`.execute(owner.db);
  hr = await contextWithAssignments(app.db, [{ role: "hr_clerk", regionId: district[0].id }]);
  streetHr = await contextWithAssignments(app.db, [{ role: "hr_clerk", regionId: streets[0].id }]);
  const dept = await makeDepartment(owner.db, { code: "pv-b", name: "乙街道网格站", regionId: streets[1].id, level: 1 });
  staffElsewhere = await makeStaff(owner.db, { staffNo: "PV-9", name: "李四", departmentId: dept });
});

const polygonInput = (ring: [number, number][], over: Record<string, unknown> = {}) => ({
  name: "网格工作站",
  regionId: grid.id,
  fence: { shape: "polygon" as const, ring },
  ...over,
});

describe("attendance points", () => {
  it("stores a drawn polygon with its area, audits it and retires the fence tiles", async () => {
    const before = await layerVersion();
    const { id, version } = await saveAttendancePoint({ ctx: hr, input: polygonInput(square(grid, 50)) });
    expect(version).toBe(1);
    const point = await getAttendancePoint({ ctx: hr, id: String(id) });
    expect(point).toMatchObject({ shape: "polygon", regionId: grid.id, vertices: 4, active: true, center: null, radiusM: null });
    expect(point.areaM2 / 2500).toBeGreaterThan(0.99);
    expect(point.areaM2 / 2500).toBeLessThan(1.01);
    expect(await layerVersion()).toBe(before + 1);
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_log where action = 'attendance_point.create' and entity_id = ${String(id)}`.execute(
      owner.db,
    );
    expect(rows[0].n).toBe(1);
  });

  it("refuses a self-intersecting polygon with the clear message, and stores nothing", async () => {
    const [a, b, c, d] = square(grid, 60);
    const bowTie: [number, number][] = [a, c, b, d];
    const count = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from attendance_point`.execute(owner.db)).rows[0].n;
    const n = await count();
    await expect(saveAttendancePoint({ ctx: hr, input: polygonInput(bowTie) })).rejects.toMatchObject({
      code: "VALIDATION",
      message: "围栏边线自相交，请重新绘制",
      details: { fence: "围栏边线自相交，请重新绘制" },
    });
    await expect(
      checkFence({ ctx: hr, input: { regionId: grid.id, fence: { shape: "polygon", ring: bowTie } } }),
    ).rejects.toMatchObject({
      message: e.selfIntersecting,
    });
    expect(await count()).toBe(n);
  });

  it("refuses a fence with no area, too few corners, too many corners, or too small", async () => {
    const [a, , c] = square(grid, 60);
    const mid: [number, number] = [(a[0] + c[0]) / 2, (a[1] + c[1]) / 2];
    await expect(saveAttendancePoint({ ctx: hr, input: polygonInput([a, mid, c]) })).rejects.toMatchObject({ message: e.noArea });
    await expect(saveAttendancePoint({ ctx: hr, input: polygonInput([a, c, a, c]) })).rejects.toMatchObject({
      message: e.tooFewPoints,
    });
    const many: [number, number][] = Array.from({ length: 600 }, (_, i) => {
      const t = (2 * Math.PI * i) / 600;
      return [grid.lon + dLon(40 * Math.cos(t), grid.lat), grid.lat + dLat(40 * Math.sin(t))];
    });
    await expect(saveAttendancePoint({ ctx: hr, input: polygonInput(many) })).rejects.toMatchObject({
      message: e.tooManyVertices(500),
    });
    await expect(saveAttendancePoint({ ctx: hr, input: polygonInput(square(grid, 9)) })).rejects.toMatchObject({
      message: e.tooSmall(100),
    });
  });

  it("stores a circle as centre + radius with its polygon computed in PostGIS (area within 1 % of πr²)", async () => {
    const { id } = await saveAttendancePoint({
      ctx: hr,
      input: { name: "社区服务站", regionId: grid.id, fence: { shape: "circle", center: [grid.lon, grid.lat], radiusM: 100 } },
    });
    const point = await getAttendancePoint({ ctx: hr, id });
    expect(point).toMatchObject({ shape: "circle", radiusM: 100 });
    expect(point.center![0]).toBeCloseTo(grid.lon, 6);
    expect(point.center![1]).toBeCloseTo(grid.lat, 6);
    expect(point.vertices).toBe(64);
    expect(Math.abs(point.areaM2 / (Math.PI * 100 * 100) - 1)).toBeLessThan(0.01);
    // the stored polygon's corners lie 100 m from the centre on the ellipsoid
    const { rows } = await sql<{ min: number; max: number }>`
      select min(st_distance(p.geom::geography, a.center::geography)) as min, max(st_distance(p.geom::geography, a.center::geography)) as max
        from attendance_point a, st_dumppoints(a.geom) p where a.id = ${id}`.execute(owner.db);
    expect(rows[0].min).toBeGreaterThan(99);
    expect(rows[0].max).toBeLessThan(101);
    await expect(
      saveAttendancePoint({
        ctx: hr,
        input: { name: "x", regionId: grid.id, fence: { shape: "circle", center: [grid.lon, grid.lat], radiusM: 5001 } },
      }),
    ).rejects.toMatchObject({ details: { "fence.radiusM": e.radiusRange } });
  });

  it("refuses a fence outside the district, and one far from its region", async () => {
    await expect(
      saveAttendancePoint({ ctx: hr, input: polygonInput(square({ lon: 121.47, lat: 31.23 }, 50)) }),
    ).rejects.toMatchObject({
      message: e.outsideDistrict,
    });
    await expect(saveAttendancePoint({ ctx: hr, input: polygonInput(square(farGrid, 50)) })).rejects.toMatchObject({
      message: e.farFromRegion(500),
    });
  });

  it("keeps to the caller's area: regions, points and members", async () => {
    await expect(
      saveAttendancePoint({ ctx: streetHr, input: polygonInput(square(otherStreetGrid, 50), { regionId: otherStreetGrid.id }) }),
    ).rejects.toMatchObject({ message: e.regionOutside });
    const { id } = await saveAttendancePoint({
      ctx: hr,
      input: polygonInput(square(otherStreetGrid, 50), { regionId: otherStreetGrid.id, name: "乙街道站" }),
    });
    await expect(getAttendancePoint({ ctx: streetHr, id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const seen = await listAttendancePoints({ ctx: streetHr, input: { status: "all" } });
    expect(seen.items.some((p) => p.id === id)).toBe(false);
    await expect(
      saveAttendancePoint({ ctx: streetHr, input: polygonInput(square(grid, 50), { staffIds: [staffElsewhere] }) }),
    ).rejects.toMatchObject({
      message: e.memberOutside,
    });
  });

  it("edits with the version it read, replaces members, deactivates, and filters the list", async () => {
    const { id } = await saveAttendancePoint({
      ctx: hr,
      input: polygonInput(square(grid, 80), { name: "待改考勤点", staffIds: [staffElsewhere] }),
    });
    expect((await getAttendancePoint({ ctx: hr, id })).members).toEqual([
      { kind: "staff", id: staffElsewhere, name: "李四", detail: "PV-9" },
    ]);
    const edited = await saveAttendancePoint({
      ctx: hr,
      input: polygonInput(square(grid, 70), { id, expectedVersion: 1, name: "已改考勤点" }),
    });
    expect(edited.version).toBe(2);
    expect((await getAttendancePoint({ ctx: hr, id })).members).toEqual([]);
    await expect(
      saveAttendancePoint({ ctx: hr, input: polygonInput(square(grid, 70), { id, expectedVersion: 1 }) }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const listed = await listAttendancePoints({ ctx: hr, input: { q: "已改" } });
    expect(listed.items.map((p) => p.name)).toEqual(["已改考勤点"]);
    await setAttendancePointActive({ ctx: hr, input: { id, expectedVersion: 2, active: false } });
    expect((await listAttendancePoints({ ctx: hr, input: { q: "已改" } })).items).toEqual([]);
    expect((await listAttendancePoints({ ctx: hr, input: { q: "已改", status: "inactive" } })).items.map((p) => p.id)).toEqual([
      id,
    ]);
    const { rows } = await sql<{
      action: string;
    }>`select action from audit_log where entity = 'attendance_point' and entity_id = ${String(id)} order by id`.execute(
      owner.db,
    );
    expect(rows.map((r) => r.action)).toEqual([
      "attendance_point.create",
      "attendance_point.update",
      "attendance_point.deactivate",
    ]);
  });
});
