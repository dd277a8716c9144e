import { expect, test } from "@playwright/test";
import { sql } from "kysely";
import { consoleDriver } from "./drivers/console-driver";
import { E2E_PASSWORD } from "./support/accounts";
import { aGridWithBuildings, openE2eDb } from "./support/db";

const db = openE2eDb();
test.afterAll(async () => {
  await db.db.destroy();
});

test.describe("every role lands on a page of its own", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  const LANDINGS = [
    { username: "admin", path: "/admin/accounts", testId: "account-filters" },
    { username: "analyst", path: "/cases/rates", testId: null },
    { username: "payroll", path: "/welcome", testId: "welcome-page" },
    { username: "hrclerk", path: "/org", testId: "org-page" },
  ] as const;

  for (const { username, path, testId } of LANDINGS) {
    test(`${username} signs in and lands on ${path}, and "/" never refuses`, async ({ page }, testInfo) => {
      const { then } = consoleDriver(page, testInfo);
      await page.goto("/sign-in");
      await page.getByTestId("sign-in-username").fill(username);
      await page.getByTestId("sign-in-password").fill(E2E_PASSWORD);
      await page.getByTestId("sign-in-submit").click();
      await page.waitForURL((url) => url.pathname === path);
      if (testId) await expect(page.getByTestId(testId)).toBeVisible();
      await expect(page.getByText("无权查看地图")).toHaveCount(0);
      if (path === "/welcome") {
        await expect(page.getByTestId("welcome-coming-soon")).toContainText("正在建设中");
        await expect(page.getByTestId("welcome-links")).toContainText("修改密码");
        await then.screenshot(`landing-${username}`);
      }
      // The logo's "/" is the map for roles that have it; the others are sent to their own page.
      const response = await page.goto("/");
      expect(response?.status()).toBe(200);
      if (username === "admin" || username === "payroll") expect(new URL(page.url()).pathname).toBe(path);
      await expect(page.getByText("无权查看地图")).toHaveCount(0);
      then.noPageErrors();
    });
  }
});

test.describe("the place search", () => {
  test("finds a case by its number and a resident by name; the resident search is logged", async ({ page }, testInfo) => {
    const { given, when, then } = consoleDriver(page, testInfo);
    const { rows: cases } = await sql<{ id: number; number: string }>`
      select c.id::int as id, c.number from case_record c where c.state not in ('cancelled') order by c.id desc limit 1`.execute(
      db.db,
    );
    const { rows: people } = await sql<{ id: number; name: string }>`
      select p.id::int as id, p.name from resident p
       where not p.key_person and (select count(*) from resident x where x.name = p.name) = 1 order by p.id limit 1`.execute(
      db.db,
    );
    await given.theMapIsOpen();

    await when.searchFor(cases[0].number.slice(0, 12));
    await expect(page.locator('[data-testid="search-result"][data-kind="case"]').first()).toBeVisible();
    await when.searchFor(cases[0].number);
    const caseHit = page.locator(`[data-testid="search-result"][data-kind="case"][data-id="${cases[0].id}"]`);
    await expect(caseHit).toContainText("案件");
    await then.screenshot("search-case-number");
    await caseHit.click();
    await expect(page.getByTestId("side-panel")).toHaveAttribute("data-status", "case");
    await expect(page.getByTestId("side-panel")).toContainText(cases[0].number);

    const { rows: before } = await sql<{ id: number }>`select coalesce(max(id), 0)::int as id from pii_access_log`.execute(db.db);
    await when.searchFor(people[0].name);
    const personHit = page.locator(`[data-testid="search-result"][data-kind="resident"][data-id="${people[0].id}"]`);
    await expect(personHit).toContainText(people[0].name);
    await then.screenshot("search-resident-name");
    const { rows: logged } = await sql<{ kind: string; field: string; username: string }>`
      select kind, field, username from pii_access_log where id > ${before[0].id} and resident_id = ${people[0].id}`.execute(
      db.db,
    );
    expect(logged).toEqual([{ kind: "lookup", field: "name", username: "commander" }]);
    then.noPageErrors();
  });
});

test.describe("a basic grid's panel", () => {
  test("lists the grid's buildings, each opening its 楼盘表", async ({ page }, testInfo) => {
    const { given, then } = consoleDriver(page, testInfo);
    const grid = await aGridWithBuildings(db);
    const { rows } = await sql<{ id: number; name: string; address: string }>`
      select id::int as id, name, address from building where grid_id = ${grid.id} order by address, id limit 1`.execute(db.db);
    await given.theMapIsOpen(`?region=${grid.id}`);
    const list = page.getByTestId("grid-buildings");
    await expect(list).toBeVisible();
    await expect(page.getByTestId("grid-building").first()).toContainText(rows[0].address);
    await expect(page.getByTestId("grid-building")).toHaveCount(Math.min(grid.buildings, 30));
    await then.screenshot("grid-panel-buildings");
    await page.getByTestId("grid-building").first().click();
    await expect(page).toHaveURL(new RegExp(`/buildings/${rows[0].id}$`));
    then.noPageErrors();
  });
});

test.describe("the change audit", () => {
  test("names actions, tables and fields in Chinese", async ({ page }, testInfo) => {
    const { then } = consoleDriver(page, testInfo);
    await sql`
      insert into audit_log (actor_user_id, actor_name, action, entity, entity_id, before, after, address)
      values (null, '测试（e2e）', 'account.create', 'app_user', '9999', null,
              ${JSON.stringify({ username: "e2e_desk", disabled: false })}::jsonb, '127.0.0.1')`.execute(db.db);
    await page.goto("/audit?tab=changes&action=account.create");
    const row = page.getByTestId("change-log-row").first();
    await expect(row.getByTestId("change-action")).toHaveText("新建账户");
    await expect(row.getByTestId("change-entity")).toHaveText("账户");
    await expect(row).toContainText("用户名: e2e_desk");
    await expect(row).toContainText("已停用: 否");
    await then.screenshot("audit-changes-labels");
    then.noPageErrors();
  });
});

test.describe("the map before it has loaded", () => {
  test("keeps a click made while the tiles are still coming and answers it once they are drawn", async ({ page }, testInfo) => {
    const { when, then } = consoleDriver(page, testInfo);
    const grid = await aGridWithBuildings(db);
    // Hold every tile until the click is made: the map has its style but nothing drawn to hit.
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/tiles\//, async (route) => {
      await gate;
      await route.continue();
    });
    // the case layer off, so the click lands on the area, not on a count of cases
    await page.goto("/?cases=0");
    await page.waitForFunction(() => Boolean((window as unknown as { __gridatlasMap?: unknown }).__gridatlasMap));
    await expect(page.getByTestId("map")).not.toHaveAttribute("data-idle", "true");
    await when.clickMapAt(grid.inside);
    await page.waitForTimeout(300);
    await expect(page.getByTestId("side-panel")).toHaveCount(0);
    release();
    await expect(page.getByTestId("region-panel")).toBeVisible({ timeout: 60_000 });
    await then.screenshot("map-click-before-load");
    then.noPageErrors();
  });
});
