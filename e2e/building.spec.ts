import { expect, test } from "@playwright/test";
import { FULL_ID_PATTERN, MASKED_ID_PATTERN, MASKED_PHONE_PATTERN } from "../lib/pii/mask";
import { consoleDriver } from "./drivers/console-driver";
import { aKeyPersonRoom, aPopulatedRoom, aTallBuilding, openE2eDb } from "./support/db";

const db = openE2eDb();
test.afterAll(async () => {
  await db.db.destroy();
});

test.describe("from a building to its 楼盘表 and its residents", () => {
  test("a building found by address offers its 楼盘表, which has floors × entrances × rooms", async ({ page }, testInfo) => {
    const { given, when, then } = consoleDriver(page, testInfo);
    const building = await aTallBuilding(db);
    await given.theMapIsOpen();
    await when.searchFor(building.address);
    await expect(page.getByTestId("search-result").first()).toHaveAttribute("data-kind", "building");
    await when.pickSearchResultWithKeyboard(0);
    await expect(page.getByTestId("building-panel")).toBeVisible();
    await expect(page.getByTestId("panel-title")).toHaveText(building.name);
    await when.waitForMapIdle();
    await then.screenshot("map-building-panel");
    // the building on the map itself: Esc lets go, a click on it selects it again
    await when.closeThePanelWithEscape();
    await expect(page.getByTestId("side-panel")).toHaveCount(0);
    await when.waitForMapIdle();
    await when.clickMapAt(building.inside);
    await expect(page.getByTestId("building-panel")).toHaveAttribute("data-building-id", String(building.id));
    await expect.poll(async () => (await then.featureState("building", building.id)).selected).toBe(true);
    then.noPageErrors();

    await when.openTheFloorPlan();
    await expect(page).toHaveURL(new RegExp(`/buildings/${building.id}$`));
    await expect(page.getByTestId("building-name")).toHaveText(building.name);
    await expect(page.getByTestId("building-address")).toHaveText(building.address);
    await expect(page.getByTestId("floor-row")).toHaveCount(building.floors);
    await expect(page.getByTestId("floor-row").first()).toHaveAttribute("data-floor", String(building.floors));
    await expect(page.getByTestId("entrance-header")).toHaveCount(building.entrances);
    await expect(page.getByTestId("room-cell")).toHaveCount(building.rooms);
    await expect(page.getByTestId("building-breadcrumb").getByRole("link")).toHaveCount(5);
    await then.screenshot("floor-plan");
  });

  test("a room shows its residents with masked identity numbers and phones, and no full number in the page", async ({
    page,
  }, testInfo) => {
    const { given, when, then } = consoleDriver(page, testInfo);
    const building = await aTallBuilding(db);
    const room = await aPopulatedRoom(db, building.id);
    await given.theFloorPlanOf(building.id);
    await when.openRoom(room.id);
    await expect(page.getByTestId("room-panel")).toContainText(`${room.number} 室`);
    await expect(page.getByTestId("resident-row")).toHaveCount(room.residents);
    for (const id of await page.getByTestId("resident-id").allInnerTexts()) expect(id.trim()).toMatch(MASKED_ID_PATTERN);
    for (const phone of await page.getByTestId("resident-phone").allInnerTexts())
      if (phone.trim() !== "—") expect(phone.trim()).toMatch(MASKED_PHONE_PATTERN);
    for (const reg of await page.getByTestId("resident-registration").allInnerTexts())
      expect(["户籍", "流动"]).toContain(reg.trim());
    if (room.keyPersonName) {
      await expect(page.getByTestId("room-panel")).not.toContainText(room.keyPersonName);
      await expect(page.getByTestId("room-panel")).toContainText("重点人员");
    }
    const html = await page.content();
    expect(FULL_ID_PATTERN.test(html)).toBe(false);
    await then.screenshot("room-panel");
    // Esc closes the room panel and gives focus back to the room
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("room-panel")).toHaveCount(0);
    await expect(page.locator(`[data-testid="room-cell"][data-room-id="${room.id}"]`)).toBeFocused();
  });

  test("a key person's name is masked in the room panel", async ({ page }, testInfo) => {
    const { given, when } = consoleDriver(page, testInfo);
    const key = await aKeyPersonRoom(db);
    await given.theFloorPlanOf(key.buildingId);
    await expect(page.locator(`[data-testid="room-cell"][data-room-id="${key.roomId}"] [data-marker="keyPerson"]`)).toHaveCount(
      1,
    );
    await when.openRoom(key.roomId);
    const masked = Array.from(key.name)[0] + "*".repeat(Array.from(key.name).length - 1);
    await expect(page.getByTestId("resident-name").filter({ hasText: masked })).toHaveCount(1);
    await expect(page.getByTestId("room-panel")).toContainText("重点人员");
    expect(await page.content()).not.toContain(key.name);
  });

  test("an unknown or malformed building id gets the Chinese 404 page", async ({ page }) => {
    for (const id of ["987654321", "abc", "-1"]) {
      const response = await page.goto(`/buildings/${id}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByTestId("not-found")).toContainText("页面不存在");
    }
  });
});
