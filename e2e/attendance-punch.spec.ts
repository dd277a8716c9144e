import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { sql } from "kysely";
import fs from "node:fs";
import path from "node:path";
import { connect } from "../db/client";
import { storageStateOf } from "./support/accounts";
import { e2eDatabaseUrl } from "./support/e2e-env";

/**
 * Punching from the phone (issue 11, part 4), as the demo grid worker at a phone's viewport with the position
 * set by Playwright: a punch in inside the fence (normal); on another day a punch outside the fence, asked for a
 * reason and stored flagged; a punch made without a network waits as 待发送 and is sent once on reconnect.
 * The 补卡 → approval → monthly report flow continues in the days spec (helper days).
 */

const db = connect(process.env.E2E_DATABASE_URL ?? e2eDatabaseUrl(), { max: 2 });
test.afterAll(async () => {
  await db.db.destroy();
});

test.use({
  storageState: storageStateOf("gridworker"),
  viewport: { width: 390, height: 844 },
  hasTouch: true,
  permissions: ["geolocation"],
});

const SCREENSHOT_DIR = path.resolve("e2e", "screenshots");

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

type World = { staffId: number; lon: number; lat: number; outside: { lon: number; lat: number } };

/**
 * The grid worker's staff record (the demo organisation's, else one made here) and a fence of ~110 m around a
 * point of their grid serving them; their earlier punches are cleared so the day starts empty.
 */
async function ensureWorld(): Promise<World> {
  const { rows: users } = await sql<{ userId: number; gridId: number; districtCode: string }>`
    select u.id as "userId", g.id as "gridId", g.district_code as "districtCode"
      from app_user u join role_assignment a on a.user_id = u.id join region g on g.id = a.region_id
     where u.username = 'gridworker' limit 1`.execute(db.db);
  const user = users[0];
  let { rows: staff } = await sql<{ id: number }>`select id from staff where user_id = ${user.userId}`.execute(db.db);
  if (staff.length === 0) {
    const { rows: dept } = await sql<{ id: number }>`
      insert into department (code, name, kind, level, region_id) values ('e2e-punch', 'E2E 网格工作站', 'grid_office', 4, ${user.gridId})
      on conflict (code) do update set name = excluded.name returning id`.execute(db.db);
    const { rows: pos } = await sql<{ id: number }>`
      insert into staff_position (code, name, grid_role) values ('e2e-punch', '专职网格员', 'full_time')
      on conflict (code) do update set name = excluded.name returning id`.execute(db.db);
    const { rows: rank } = await sql<{ id: number }>`
      insert into staff_rank (code, name, ordinal) values ('e2e-punch', 'E2E 职级', 9999)
      on conflict (code) do update set name = excluded.name returning id`.execute(db.db);
    ({ rows: staff } = await sql<{ id: number }>`
      insert into staff (staff_no, name, department_id, position_id, rank_id, hire_date, user_id, district_code)
      values ('E2E-GRIDWORKER', '网格员', ${dept[0].id}, ${pos[0].id}, ${rank[0].id}, '2026-01-01', ${user.userId}, ${user.districtCode})
      returning id`.execute(db.db));
  }
  const staffId = staff[0].id;
  const { rows: spot } = await sql<{ lon: number; lat: number }>`
    select st_x(p) as lon, st_y(p) as lat from (select st_pointonsurface(geom) as p from region where id = ${user.gridId}) s`.execute(
    db.db,
  );
  const { lon, lat } = spot[0];
  await sql`delete from attendance_point where name = 'E2E 社区考勤点'`.execute(db.db);
  const { rows: point } = await sql<{ id: number }>`
    insert into attendance_point (name, region_id, shape, geom)
    values ('E2E 社区考勤点', ${user.gridId}, 'polygon', st_makeenvelope(${lon - 0.0007}, ${lat - 0.0005}, ${lon + 0.0007}, ${lat + 0.0005}, 4326))
    returning id`.execute(db.db);
  await sql`insert into attendance_point_member (point_id, staff_id) values (${point[0].id}, ${staffId})`.execute(db.db);
  await sql`delete from attendance_punch where staff_id = ${staffId}`.execute(db.db);
  // ~400 m north-east: outside the fence, inside the district
  return { staffId, lon, lat, outside: { lon: lon + 0.003, lat: lat + 0.0025 } };
}

async function punchesOf(staffId: number) {
  const { rows } = await sql<{
    kind: string;
    inside: boolean;
    flags: string[];
    offline: boolean;
    reason: string | null;
    day: string;
  }>`
    select kind, inside, review_flags as flags, offline, outside_reason as reason, day::text as day
      from attendance_punch where staff_id = ${staffId} order by id`.execute(db.db);
  return rows;
}

async function openPunchPage(page: Page) {
  await page.goto("/m/attendance");
  await expect(page.getByTestId("punch-map")).toHaveAttribute("data-ready", "true", { timeout: 60_000 });
  await expect(page.getByTestId("punch-position")).toContainText("精度约");
}

let world: World;
test.beforeAll(async () => {
  world = await ensureWorld();
});

test("a punch in inside the fence is normal; a double tap is one punch", async ({ page, context }, testInfo) => {
  await context.setGeolocation({ longitude: world.lon, latitude: world.lat, accuracy: 12 });
  await openPunchPage(page);
  await expect(page.getByTestId("punch-status")).toHaveText("未打卡");
  await page.getByTestId("punch-in").dblclick();
  await expect(page.getByTestId("punch-notice")).toContainText("上班打卡成功");
  await expect(page.getByTestId("punch-item")).toHaveCount(1);
  await expect(page.getByTestId("punch-item").first()).toContainText("考勤点内");
  await expect(page.getByTestId("punch-status")).toHaveText("已上班打卡");
  await expect(page.getByTestId("punch-map")).toHaveAttribute("data-idle", "true");
  await screenshot(page, testInfo, "attendance-punch-inside");
  expect(await punchesOf(world.staffId)).toEqual([
    expect.objectContaining({ kind: "in", inside: true, flags: [], offline: false, reason: null }),
  ]);
});

test("another day: a punch outside the fence asks for a reason and is stored flagged", async ({ page, context }, testInfo) => {
  // the morning's punch becomes yesterday's: today starts empty, as on another day
  await sql`update attendance_punch set day = day - 1, server_at = server_at - interval '1 day' where staff_id = ${world.staffId}`.execute(
    db.db,
  );
  await context.setGeolocation({ longitude: world.outside.lon, latitude: world.outside.lat, accuracy: 20 });
  await openPunchPage(page);
  await expect(page.getByTestId("punch-status")).toHaveText("未打卡");
  await page.getByTestId("punch-in").click();
  await expect(page.getByTestId("punch-notice")).toContainText("不在范围内，请填写范围外打卡原因");
  await page.getByTestId("punch-reason").fill("入户走访独居老人");
  await page.getByTestId("punch-in").click();
  await expect(page.getByTestId("punch-notice")).toContainText("上班打卡成功");
  await expect(page.getByTestId("punch-item").first()).toContainText("考勤点外");
  await screenshot(page, testInfo, "attendance-punch-outside");
  const rows = await punchesOf(world.staffId);
  expect(rows).toHaveLength(2);
  expect(rows[1]).toEqual(expect.objectContaining({ kind: "in", inside: false, flags: ["outside"], reason: "入户走访独居老人" }));
  expect(rows[0].day < rows[1].day).toBe(true);
});

test("without a network the punch waits as 待发送 and is sent once on reconnect", async ({ page, context }, testInfo) => {
  await context.setGeolocation({ longitude: world.lon, latitude: world.lat, accuracy: 8 });
  await openPunchPage(page);
  await context.setOffline(true);
  await page.getByTestId("punch-out").click();
  await expect(page.getByTestId("punch-pending")).toContainText("待发送 1 条");
  await expect(page.getByTestId("punch-notice")).toContainText("已保存在手机上");
  await screenshot(page, testInfo, "attendance-punch-pending");
  await context.setOffline(false);
  await expect(page.getByTestId("punch-pending")).toHaveCount(0, { timeout: 40_000 });
  await expect(page.getByTestId("punch-item")).toHaveCount(2);
  const rows = await punchesOf(world.staffId);
  expect(rows).toHaveLength(3);
  expect(rows[2]).toEqual(expect.objectContaining({ kind: "out", inside: true, offline: true, flags: ["offline"] }));
});
