import { expect, test } from "@playwright/test";
import { sql } from "kysely";
import { consoleDriver } from "./drivers/console-driver";
import { storageStateOf } from "./support/accounts";
import { openE2eDb } from "./support/db";

const db = openE2eDb();
test.afterAll(async () => {
  await db.db.destroy();
});

test.describe("account administration", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("the administrator creates a grid worker, who signs in with the temporary password, must change it and sees the own grid", async ({
    page,
    browser,
  }, testInfo) => {
    const { then } = consoleDriver(page, testInfo);
    const username = `worker${Date.now() % 100000}`;
    const { rows } = await sql<{ name: string; code: string }>`
      select name, code from region where level = 4 and residents > 0 order by code desc limit 1`.execute(db.db);
    const grid = rows[0];

    await page.goto("/admin/accounts");
    await expect(page.getByTestId("accounts-table")).toBeVisible();
    await page.getByTestId("create-account-toggle").click();
    await page.getByTestId("create-username").fill(username);
    await page.getByTestId("create-display-name").fill("测试网格员");
    await page.getByTestId("assignment-role").selectOption("grid_worker");
    await page.getByTestId("assignment-region").fill(grid.code);
    await page.getByTestId("region-option").first().click();
    await page.getByTestId("create-submit").click();
    await expect(page.getByTestId("temporary-password")).toBeVisible();
    // Shown once, in a read-only field the administrator can select or copy.
    const temporary = (await page.getByTestId("temporary-password").inputValue()).trim();
    expect(temporary).toMatch(/^[A-Za-z0-9]{14}$/);
    await then.screenshot("accounts-temporary-password");
    await page.getByTestId("close-temporary-password").click();
    await expect(page.getByTestId("account-row").filter({ hasText: username })).toContainText("网格员");
    await then.screenshot("accounts-list");

    // The new worker, in a browser of their own.
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const worker = await context.newPage();
    await worker.goto("/sign-in");
    await worker.getByTestId("sign-in-username").fill(username);
    await worker.getByTestId("sign-in-password").fill(temporary);
    await worker.getByTestId("sign-in-submit").click();
    await expect(worker.getByTestId("must-change-password")).toBeVisible();
    await worker.goto("/");
    await expect(worker).toHaveURL(/\/account\/password/);
    await worker.getByTestId("current-password").fill(temporary);
    await worker.getByTestId("new-password").fill("Patrol2026grid");
    await worker.getByTestId("repeat-password").fill("Patrol2026grid");
    await worker.getByTestId("change-password-submit").click();
    await expect(worker.getByTestId("district-name")).toHaveText(grid.name);
    await context.close();

    // Every change is in the audit log, with who did it.
    const audit = await sql<{ action: string; actor_name: string }>`
      select action, actor_name from audit_log where entity_id = (select id::text from app_user where username = ${username}) order by id`.execute(
      db.db,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(["account.create", "password.change"]);
    expect(audit.rows[0].actor_name).toContain("admin");
  });

  test("a grid worker is refused the administration page with a clear notice", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateOf("gridworker") });
    const page = await context.newPage();
    await page.goto("/admin/accounts");
    await expect(page.getByTestId("forbidden")).toContainText("无权");
    await context.close();
  });
});
