import { expect, test, type Page } from "@playwright/test";
import { sql } from "kysely";
import { consoleDriver } from "./drivers/console-driver";
import { storageStateOf } from "./support/accounts";
import { aGridWithBuildings, openE2eDb } from "./support/db";

const db = openE2eDb();
test.afterAll(async () => {
  await db.db.destroy();
});

test.use({ storageState: storageStateOf("hrclerk") });

type MapHandle = {
  project(lngLat: [number, number]): { x: number; y: number };
  jumpTo(o: { center: [number, number]; zoom: number }): void;
  queryRenderedFeatures(o: { layers: string[] }): { id?: number | string }[];
};

/** Metres → degrees around a latitude. */
const offset = ([lon, lat]: [number, number], east: number, north: number): [number, number] => [
  lon + east / (111_320 * Math.cos((lat * Math.PI) / 180)),
  lat + north / 111_320,
];

async function mapPoint(page: Page, lngLat: [number, number]) {
  const point = await page.evaluate(
    (p) => (window as unknown as { __gridatlasMap: MapHandle }).__gridatlasMap.project(p),
    lngLat,
  );
  const box = await page.getByTestId("map").boundingBox();
  if (!box) throw new Error("the map has no box");
  return { x: box.x + point.x, y: box.y + point.y };
}

/** Clicks the corners one by one (moving first, as a hand does), then Enter finishes the polygon. */
async function drawPolygon(page: Page, corners: [number, number][]) {
  await page.getByTestId("draw-polygon").click();
  await expect(page.getByTestId("draw-polygon")).toHaveAttribute("aria-pressed", "true");
  for (const c of corners) {
    const p = await mapPoint(page, c);
    await page.mouse.move(p.x, p.y, { steps: 4 });
    await page.mouse.click(p.x, p.y);
    await page.waitForTimeout(150);
  }
  await page.keyboard.press("Enter");
}

test.describe("attendance points (考勤点)", () => {
  test("HR draws a polygon fence on the map, saves it, and sees it in the list and as a tile layer", async ({
    page,
  }, testInfo) => {
    const { when, then } = consoleDriver(page, testInfo);
    const grid = await aGridWithBuildings(db);
    const name = `E2E 网格工作站 ${Date.now() % 100000}`;
    await page.goto("/attendance/points/new");
    await when.waitForMapIdle();
    await page.evaluate(
      (c) => (window as unknown as { __gridatlasMap: MapHandle }).__gridatlasMap.jumpTo({ center: c, zoom: 17 }),
      grid.inside,
    );
    await when.waitForMapIdle();

    const square: [number, number][] = [
      offset(grid.inside, -40, -30),
      offset(grid.inside, 40, -30),
      offset(grid.inside, 40, 30),
      offset(grid.inside, -40, 30),
    ];
    await drawPolygon(page, square);
    await expect(page.getByTestId("point-shape")).toContainText("多边形 · 4 个顶点");
    await expect(page.getByTestId("fence-check")).toHaveAttribute("data-state", "ok");
    await expect(page.getByTestId("fence-check")).toContainText("服务器校验通过");
    await expect(page.getByTestId("point-region")).not.toHaveValue("");
    await page.getByTestId("point-name").fill(name);
    await when.waitForMapIdle();
    await then.screenshot("attendance-point-draw");

    await page.getByTestId("point-save").click();
    await expect(page).toHaveURL(/\/attendance\/points\?saved=\d+/);
    const id = Number(new URL(page.url()).searchParams.get("saved"));
    await expect(page.getByTestId("point-saved")).toBeVisible();
    const row = page.locator(`[data-testid="point-row"][data-id="${id}"]`);
    await expect(row).toContainText(name);
    await expect(row).toContainText("多边形");

    // the fence is drawn from the fence tile layer, ringed as the one just saved
    await when.waitForMapIdle();
    await expect
      .poll(
        () =>
          page.evaluate(
            (fenceId) =>
              (window as unknown as { __gridatlasMap: MapHandle }).__gridatlasMap
                .queryRenderedFeatures({ layers: ["fence-fill"] })
                .some((f) => Number(f.id) === fenceId),
            id,
          ),
        { timeout: 30_000 },
      )
      .toBe(true);
    await then.screenshot("attendance-points-list");

    // the console map shows it too, behind its toggle
    await page.goto("/?fences=1");
    await when.waitForMapIdle();
    await page.evaluate(
      (c) => (window as unknown as { __gridatlasMap: MapHandle }).__gridatlasMap.jumpTo({ center: c, zoom: 16.5 }),
      grid.inside,
    );
    await when.waitForMapIdle();
    await expect(page.getByTestId("toggle-fences")).toHaveAttribute("aria-pressed", "true");
    await expect
      .poll(() =>
        page.evaluate(
          (fenceId) =>
            (window as unknown as { __gridatlasMap: MapHandle }).__gridatlasMap
              .queryRenderedFeatures({ layers: ["fence-fill"] })
              .some((f) => Number(f.id) === fenceId),
          id,
        ),
      )
      .toBe(true);
    await then.screenshot("attendance-fences-console");
    then.noPageErrors();
  });

  test("a self-intersecting polygon is named at once, and the server refuses it on save", async ({ page }, testInfo) => {
    const { when, then } = consoleDriver(page, testInfo);
    const grid = await aGridWithBuildings(db);
    await page.goto("/attendance/points/new");
    await when.waitForMapIdle();
    await page.evaluate(
      (c) => (window as unknown as { __gridatlasMap: MapHandle }).__gridatlasMap.jumpTo({ center: c, zoom: 17 }),
      grid.inside,
    );
    await when.waitForMapIdle();
    // a bow tie: the second edge crosses the fourth
    const bowTie: [number, number][] = [
      offset(grid.inside, -40, -30),
      offset(grid.inside, 40, 30),
      offset(grid.inside, 40, -30),
      offset(grid.inside, -40, 30),
    ];
    await drawPolygon(page, bowTie);
    await expect(page.getByTestId("fence-kinks")).toHaveText("围栏边线自相交，请重新绘制");
    await page.getByTestId("point-name").fill("自相交围栏");
    await page.getByTestId("point-save").click();
    await expect(page.getByTestId("point-error")).toHaveText("围栏边线自相交，请重新绘制");
    await expect(page).toHaveURL(/\/attendance\/points\/new$/);
    await when.waitForMapIdle();
    await then.screenshot("attendance-point-self-intersecting");
    then.noPageErrors();
  });
});

test.describe("attendance rules (考勤规则)", () => {
  test("HR sets a department's shift; a second rule over the same period is refused with the clear message", async ({
    page,
  }, testInfo) => {
    const { then } = consoleDriver(page, testInfo);
    const { rows } = await sql<{ name: string }>`
      select d.name from department d
       where d.valid_to is null and not exists (select 1 from attendance_rule r where r.department_id = d.id)
         and (select count(*) from department x where x.name = d.name) = 1
       order by d.level, d.id limit 1`.execute(db.db);
    const department = rows[0].name;
    const addRule = async (name: string) => {
      await page.getByTestId("rule-new").click();
      await page.getByTestId("rule-name").fill(name);
      await page.getByTestId("rule-holder-search").fill(department);
      await page
        .getByRole("button", { name: new RegExp(department) })
        .first()
        .click();
      await expect(page.getByTestId("rule-holder")).toContainText(department);
      await page.getByTestId("rule-start").fill("08:30");
      await page.getByTestId("rule-end").fill("17:30");
      await page.getByTestId("rule-requiredPatrols").fill("2");
      await page.getByTestId("rule-validFrom").fill("2026-01-01");
      await page.getByTestId("rule-save").click();
    };
    await page.goto("/attendance/rules");
    await addRule("标准班（E2E）");
    const row = page.getByTestId("rule-row").filter({ hasText: "标准班（E2E）" });
    await expect(row).toContainText(department);
    await expect(row).toContainText("08:30–17:30");
    await addRule("重复的班次");
    await expect(page.getByTestId("rule-error")).toHaveText("该部门在此期间已有考勤规则");
    await then.screenshot("attendance-rules");
    then.noPageErrors();
  });
});
