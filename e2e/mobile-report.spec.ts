import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { sql } from "kysely";
import fs from "node:fs";
import path from "node:path";
import { connect } from "../db/client";
import { fixtureBytes, jpegBase64, pngBase64 } from "../lib/case/photos/testing/photo-fixtures";
import { storageStateOf } from "./support/accounts";
import { e2eDatabaseUrl } from "./support/e2e-env";
import { reportThroughApi } from "./support/report-case";

/**
 * Intake from the phone (issue 4): a grid worker reports with the phone's position, a photo and a category;
 * the duplicate warning; the offline draft that survives a reload and is sent once when the network is back
 * (also when the first answer is lost on the way); my tasks. At a phone's viewport, with screenshots.
 */

// E2E_DATABASE_URL lets this spec run against another prepared database (a helper's own server).
const db = connect(process.env.E2E_DATABASE_URL ?? e2eDatabaseUrl(), { max: 2 });
test.afterAll(async () => {
  await db.db.destroy();
});

test.use({ storageState: storageStateOf("gridworker"), viewport: { width: 390, height: 844 }, hasTouch: true });

const SCREENSHOT_DIR = path.resolve("test-results", "screenshots");

async function screenshot(page: Page, testInfo: TestInfo, name: string, fullPage = false) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

type Spot = { gridId: number; gridName: string; lon: number; lat: number };

/** Two points inside the demo grid worker's basic grid, apart from each other, read from the database. */
async function gridWorkerSpots(): Promise<[Spot, Spot]> {
  const { rows } = await sql<Spot>`
    select g.id as "gridId", g.name as "gridName", st_x(p.geom) as lon, st_y(p.geom) as lat
      from role_assignment a join app_user u on u.id = a.user_id join region g on g.id = a.region_id
      -- a fixed seed: the same two points on every run
      cross join lateral st_dump(st_generatepoints(st_buffer(g.geom, -0.0002), 2, 7)) p
     where u.username = 'gridworker'`.execute(db.db);
  if (rows.length < 2) throw new Error("no grid for the demo grid worker");
  return [rows[0], rows[1]];
}

async function casesOfRequest(clientRequestId: string) {
  const { rows } = await sql<{
    id: number;
    number: string;
    channel: string;
    grid_id: number;
    photos: number;
    category: string;
    risk_value: string | null;
  }>`
    select c.id, c.number, c.channel, c.grid_id, c.risk_value::text as risk_value, cat.code as category,
           (select count(*)::int from case_photo p where p.case_id = c.id) as photos
      from case_record c join case_category cat on cat.id = c.category_id
     where c.client_request_id = ${clientRequestId}::uuid`.execute(db.db);
  return rows;
}

function watchErrors(page: Page) {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

async function waitForReportMap(page: Page) {
  await expect(page.getByTestId("report-map")).toHaveAttribute("data-ready", "true", { timeout: 60_000 });
}

async function chooseCategory(page: Page, group: string, code: string) {
  const change = page.getByTestId("category-change");
  if (await change.isVisible()) await change.click();
  await page.getByTestId(`category-group-${group}`).click();
  await page.getByTestId(`category-option-${code}`).click();
  await expect(page.getByTestId("category-chosen")).toBeVisible();
}

test.describe("reporting from the phone", () => {
  test("a grid worker reports at the phone's position with a photo, gets the number, and a second report of the same thing is warned", async ({
    page,
    context,
  }, testInfo) => {
    const errors = watchErrors(page);
    const [spot] = await gridWorkerSpots();
    await context.grantPermissions(["geolocation"]);
    await context.setGeolocation({ longitude: spot.lon, latitude: spot.lat, accuracy: 8 });

    await page.goto("/m");
    await expect(page.getByTestId("mobile-greeting")).toContainText("您好");
    await screenshot(page, testInfo, "mobile-home");
    await page.getByTestId("home-report").click();
    await expect(page).toHaveURL(/\/m\/report$/);

    // The phone's position arrives by itself; the pin sits on it.
    await expect(page.getByTestId("location-status")).toHaveAttribute("data-source", "gps");
    await expect(page.getByTestId("location-status")).toContainText("精度约 8 米");
    await waitForReportMap(page);
    await expect(page.getByTestId("report-pin")).toBeVisible();

    await chooseCategory(page, "event", "event.exposed_garbage");
    await page.getByTestId("report-description").fill("楼下垃圾桶满溢，垃圾散落路面");
    await page.getByTestId("report-address").fill(`${spot.gridName} 楼前`);
    await page
      .getByTestId("photo-input")
      .setInputFiles({ name: "现场.jpg", mimeType: "image/jpeg", buffer: Buffer.from(fixtureBytes(jpegBase64)) });
    await expect(page.getByTestId("photo-item")).toHaveCount(1);
    await expect(page.getByTestId("draft-status")).toHaveText("草稿已自动保存在本机");
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, testInfo, "mobile-report");

    const clientRequestId = (await page.getByTestId("report-form").getAttribute("data-client-request-id"))!;
    await page.getByTestId("report-send").click();
    await expect(page.getByTestId("report-success")).toBeVisible();
    const number = (await page.getByTestId("report-success-number").textContent())!.trim();
    expect(number).toMatch(/^SJ\d{15}$/);
    await screenshot(page, testInfo, "mobile-report-success");

    const stored = await casesOfRequest(clientRequestId);
    expect(stored).toEqual([
      expect.objectContaining({ number, channel: "phone", grid_id: spot.gridId, photos: 1, category: "event.exposed_garbage" }),
    ]);

    // The same problem again, at the same place: the form warns before sending, with a link to the first case.
    await page.getByTestId("report-another").click();
    await expect(page.getByTestId("location-status")).toHaveAttribute("data-source", "gps");
    await chooseCategory(page, "event", "event.exposed_garbage");
    const warning = page.getByTestId("duplicate-warning");
    await expect(warning).toContainText("附近已有同类案件，可能重复");
    await expect(warning.getByTestId("duplicate-item").filter({ hasText: number })).toHaveAttribute(
      "href",
      `/m/cases/${stored[0].id}`,
    );
    await warning.scrollIntoViewIfNeeded();
    await screenshot(page, testInfo, "mobile-report-duplicate");
    // a new draft: a new request id
    expect(await page.getByTestId("report-form").getAttribute("data-client-request-id")).not.toBe(clientRequestId);
    await page.getByTestId("report-description").fill("重复");
    page.once("dialog", (d) => void d.accept());
    await page.getByTestId("clear-draft").click();
    await expect(page.getByTestId("report-description")).toHaveValue("");
    expect(errors).toEqual([]);
  });

  test("without geolocation the point is typed; the draft survives a reload; offline it waits, and sending later makes exactly one case", async ({
    page,
    context,
  }, testInfo) => {
    const errors = watchErrors(page);
    const [, spot] = await gridWorkerSpots();
    await context.clearPermissions();

    await page.goto("/m/report");
    // No permission: a clear message, and the point can still be set by hand.
    await expect(page.getByTestId("location-error")).toContainText("在地图上选点");
    // 在地图上选点 turns itself on, and reads as a pressed button: light text on a dark ground, never white on white.
    const pick = page.getByTestId("pick-on-map");
    await expect(pick).toHaveAttribute("aria-pressed", "true");
    const colours = await pick.evaluate((el) => {
      const style = getComputedStyle(el);
      return { background: style.backgroundColor, text: style.color };
    });
    expect(colours.background).not.toBe(colours.text);
    expect(colours.background).not.toMatch(/^rgb\(255, 255, 255\)$/);
    await screenshot(page, testInfo, "mobile-report-location-denied");
    await page.getByTestId("coordinates-toggle").click();
    await page.getByTestId("coordinate-lon").fill(spot.lon.toFixed(7));
    await page.getByTestId("coordinate-lat").fill(spot.lat.toFixed(7));
    await page.getByTestId("coordinate-lat").press("Enter");
    await expect(page.getByTestId("location-status")).toHaveAttribute("data-source", "typed");

    // A hazard: the LEC risk appears; keyboard only for the selects.
    await chooseCategory(page, "hazard", "hazard.fire_safety");
    await page.getByTestId("risk-l").selectOption("3");
    await page.getByTestId("risk-e").selectOption("6");
    await page.getByTestId("risk-c").selectOption("15");
    await expect(page.getByTestId("risk-value")).toHaveText("风险值 D = 270");
    await page.getByTestId("report-description").fill("楼道堆放电动车电池，存在火灾隐患");
    await page.getByTestId("report-urgency").selectOption("urgent");
    await page
      .getByTestId("photo-input")
      .setInputFiles({ name: "楼道.png", mimeType: "image/png", buffer: Buffer.from(fixtureBytes(pngBase64)) });
    await expect(page.getByTestId("photo-item")).toHaveCount(1);
    await expect(page.getByTestId("draft-status")).toHaveText("草稿已自动保存在本机");
    const clientRequestId = (await page.getByTestId("report-form").getAttribute("data-client-request-id"))!;

    // Reload: everything is back, the same request id included.
    await page.reload();
    await expect(page.getByTestId("draft-status")).toHaveText("已恢复上次未发送的草稿");
    await expect(page.getByTestId("report-form")).toHaveAttribute("data-client-request-id", clientRequestId);
    await expect(page.getByTestId("report-description")).toHaveValue("楼道堆放电动车电池，存在火灾隐患");
    await expect(page.getByTestId("category-chosen")).toContainText("安全消防隐患");
    await expect(page.getByTestId("risk-c")).toHaveValue("15");
    await expect(page.getByTestId("report-urgency")).toHaveValue("urgent");
    await expect(page.getByTestId("photo-item")).toHaveCount(1);
    await expect(page.getByTestId("location-coordinates")).toContainText(spot.lon.toFixed(6));

    // Offline: nothing is sent, the page says the draft waits.
    await context.setOffline(true);
    await page.getByTestId("report-send").click();
    const banner = page.getByTestId("offline-banner");
    await expect(banner).toContainText("已保存草稿，联网后发送");
    await expect(banner).toHaveAttribute("data-waiting", "true");
    await screenshot(page, testInfo, "mobile-report-offline");
    expect(await casesOfRequest(clientRequestId)).toEqual([]);

    // Back online, the draft goes by itself — but the answer to the report is lost on the way: the server has
    // stored the case, the phone does not know. It keeps the draft.
    let lost = 0;
    await page.route("**/api/cases", async (route) => {
      if (route.request().method() !== "POST" || lost > 0) return route.continue();
      lost += 1;
      await route.fetch();
      await route.abort("connectionreset");
    });
    await context.setOffline(false);
    await expect.poll(() => lost).toBe(1);
    await expect(banner).toHaveAttribute("data-waiting", "true");
    expect(await casesOfRequest(clientRequestId)).toHaveLength(1);

    // Retrying names the same request: the same case comes back, no second one.
    await page.getByTestId("retry-send").click();
    await expect(page.getByTestId("report-success")).toContainText("此前已提交成功");
    const stored = await casesOfRequest(clientRequestId);
    expect(stored).toEqual([
      expect.objectContaining({ channel: "phone", photos: 1, category: "hazard.fire_safety", risk_value: "270" }),
    ]);
    await expect(page.getByTestId("report-success-number")).toHaveText(stored[0].number);

    // Sent: the draft is gone.
    await page.goto("/m/report");
    await expect(page.getByTestId("report-description")).toHaveValue("");
    await expect(page.getByTestId("draft-status")).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test("my tasks shows the grid worker's own reports with their state, and opens a case on the phone", async ({
    page,
  }, testInfo) => {
    // The grid worker's own report, made here (the test needs no other test before it).
    const [, spot] = await gridWorkerSpots();
    const report = await reportThroughApi(page.request, db, {
      categoryCode: "event.exposed_garbage",
      description: "小区北门垃圾桶满溢",
      lon: spot.lon,
      lat: spot.lat,
    });
    const rows = [{ id: report.caseId, number: report.number }];
    await page.goto("/m/tasks");
    const mine = page.getByTestId("tasks-mine");
    const item = mine.getByTestId("task-item").filter({ hasText: rows[0].number });
    await expect(item).toBeVisible();
    await expect(item.getByTestId("task-deadline")).toContainText("时限");
    await screenshot(page, testInfo, "mobile-tasks", true);
    await item.click();
    await expect(page.getByTestId("m-case")).toHaveAttribute("data-case-id", String(rows[0].id));
    await expect(page.getByTestId("case-timeline")).toContainText("上报");
    await screenshot(page, testInfo, "mobile-case");
  });
});

test.describe("acting on the phone", () => {
  test.use({ storageState: storageStateOf("street") });

  test("the street sub-centre finds the grid worker's report waiting at its level and files it from the phone", async ({
    page,
    playwright,
    baseURL,
  }, testInfo) => {
    const errors = watchErrors(page);
    // The grid worker reports a fire hazard from the phone (its category starts at the street level).
    const [, spot] = await gridWorkerSpots();
    const gridWorker = await playwright.request.newContext({ baseURL, storageState: storageStateOf("gridworker") });
    const report = await reportThroughApi(gridWorker, db, {
      categoryCode: "hazard.fire_safety",
      description: "楼道堆放电动车电池，存在火灾隐患",
      lon: spot.lon,
      lat: spot.lat,
      urgency: "urgent",
      // A hazard is filed only with its LEC assessment (issue 10); the worker gives one from the spot (D = 18, 一般).
      risk: { l: 1, e: 6, c: 3 },
    });
    await gridWorker.dispose();
    const { rows } = await sql<{ id: number; number: string }>`
      select c.id, c.number from case_record c join app_user u on u.id = c.reporter_user_id
       where c.id = ${report.caseId} and u.username = 'gridworker' and c.channel = 'phone' and c.state = 'reported' and c.level = 'street'`.execute(
      db.db,
    );
    expect(rows).toEqual([{ id: report.caseId, number: report.number }]);
    await page.goto("/m/tasks");
    const item = page.getByTestId("tasks-office").getByTestId("task-item").filter({ hasText: rows[0].number });
    await expect(item).toBeVisible();
    await item.click();
    await expect(page.getByTestId("m-case")).toHaveAttribute("data-state", "reported");
    await page.getByTestId("m-action-file").click();
    await page.getByTestId("m-action-note").fill("情况属实，予以立案");
    await page.getByTestId("m-action-submit").click();
    await expect(page.getByTestId("m-action-done")).toHaveText("已立案");
    await expect(page.getByTestId("m-case")).not.toHaveAttribute("data-state", "reported");
    await expect(page.getByTestId("case-timeline")).toContainText("情况属实，予以立案");
    await page.getByTestId("m-actions").scrollIntoViewIfNeeded();
    await screenshot(page, testInfo, "mobile-case-filed");
    const { rows: after } = await sql<{ state: string; events: number }>`
      select state, (select count(*)::int from case_event e where e.case_id = c.id and e.action = 'file') as events from case_record c where id = ${rows[0].id}`.execute(
      db.db,
    );
    expect(after[0].events).toBe(1);
    expect(after[0].state).not.toBe("reported");
    expect(errors).toEqual([]);
  });
});
