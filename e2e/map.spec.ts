import { expect, test } from "@playwright/test";
import { consoleDriver } from "./drivers/console-driver";
import { aCommunity, aGridWithBuildings, openE2eDb } from "./support/db";

const db = openE2eDb();
test.afterAll(async () => {
  await db.db.destroy();
});

test.describe("the district map", () => {
  test("opens on the whole district with the canvas drawn and Chinese labels", async ({ page }, testInfo) => {
    const { given, then } = consoleDriver(page, testInfo);
    await given.theMapIsOpen();
    await expect(page.getByTestId("product-name")).toHaveText("网格一张图");
    await expect(page.getByTestId("district-name")).not.toBeEmpty();
    await then.theMapHasDrawn();
    const labels = await then.renderedLabels();
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.every((l) => /[\u4e00-\u9fff]/.test(l))).toBe(true);
    await expect(page.getByTestId("map-legend")).toBeVisible();
    await expect(page.getByTestId("level-indicator")).toBeVisible();
    await then.screenshot("map-district");
    then.noPageErrors();
  });

  test("zooms in with the zoom control and the level indicator follows", async ({ page }, testInfo) => {
    const { given, when, then } = consoleDriver(page, testInfo);
    await given.theMapIsOpen();
    const before = await then.zoom();
    const levelBefore = Number(await page.getByTestId("level-indicator").getAttribute("data-level"));
    await when.zoomIn();
    await when.zoomIn();
    const after = await then.zoom();
    expect(after).toBeGreaterThan(before + 1.5);
    const levelAfter = Number(await page.getByTestId("level-indicator").getAttribute("data-level"));
    expect(levelAfter).toBeGreaterThanOrEqual(levelBefore);
  });

  test("clicking a basic grid shows its breadcrumb and its true counts; Esc closes the panel", async ({ page }, testInfo) => {
    const { given, when, then } = consoleDriver(page, testInfo);
    const grid = await aGridWithBuildings(db);
    await given.theMapIsOpen();
    // Get there by search, then let go of the selection and click the grid on the map itself.
    await when.searchFor(grid.code);
    await when.pickSearchResultWithKeyboard(0);
    await when.closeThePanelWithEscape();
    await expect(page.getByTestId("side-panel")).toHaveCount(0);
    await when.waitForMapIdle();
    // hovering lights the grid up (feature-state on its promoted id), clicking selects it
    await when.hoverMapAt(grid.inside);
    await expect.poll(async () => (await then.featureState("grid", grid.id)).hover).toBe(true);
    await when.clickMapAt(grid.inside);
    await expect.poll(async () => (await then.featureState("grid", grid.id)).selected).toBe(true);
    await then.thePanelShowsRegion({
      name: grid.name,
      households: grid.households,
      residents: grid.residents,
      floating: grid.floating,
      buildings: grid.buildings,
    });
    await expect(page.getByTestId("panel-level")).toHaveText("网格");
    await expect(page.getByTestId("crumb")).toHaveCount(5);
    await expect(page).toHaveURL(new RegExp(`[?&]region=${grid.id}\\b`));
    await when.waitForMapIdle();
    await then.screenshot("map-grid-panel");
    await when.closeThePanelWithEscape();
    await expect(page.getByTestId("side-panel")).toHaveCount(0);
    await expect(page).toHaveURL(/\/$/);
  });

  test("search by name, pick with ↑/↓ and Enter: the map jumps to the area and selects it", async ({ page }, testInfo) => {
    const { given, when, then } = consoleDriver(page, testInfo);
    const community = await aCommunity(db);
    await given.theMapIsOpen();
    // a fragment from inside the name (not only a prefix)
    await when.searchFor(Array.from(community.name).slice(1, 3).join(""));
    const results = page.getByTestId("search-result");
    const names = await results.allInnerTexts();
    const index = names.findIndex((n) => n.includes(community.name));
    expect(index).toBeGreaterThanOrEqual(0);
    await expect(results.nth(index).getByTestId("search-badge")).toHaveText(/社区|村/);
    await when.pickSearchResultWithKeyboard(index);
    await then.thePanelShowsRegion({ name: community.name });
    await expect(page).toHaveURL(new RegExp(`[?&]region=${community.id}\\b`));
    // the map went there: the community's level (or a finer one) is the one drawn and clickable
    await expect
      .poll(async () => Number(await page.getByTestId("level-indicator").getAttribute("data-level")))
      .toBeGreaterThanOrEqual(2);
    // the children list zooms further down
    const child = page.getByTestId("panel-child").first();
    const childName = (await child.locator("span").nth(1).innerText()).trim();
    await child.click();
    await expect(page.getByTestId("panel-title")).toHaveText(childName);
    // and the breadcrumb climbs back up
    await page.getByTestId("crumb").first().click();
    await expect(page.getByTestId("panel-level")).toHaveText("区");
  });

  test("search shows a clear empty state", async ({ page }, testInfo) => {
    const { given } = consoleDriver(page, testInfo);
    await given.theMapIsOpen();
    await page.getByTestId("search-input").fill("不存在的地名");
    await expect(page.getByTestId("search-empty")).toHaveText("没有找到匹配的结果");
  });
});
