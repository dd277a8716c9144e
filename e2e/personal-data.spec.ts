import { expect, test } from "@playwright/test";
import { sql } from "kysely";
import { consoleDriver } from "./drivers/console-driver";
import { storageStateOf } from "./support/accounts";
import { openE2eDb } from "./support/db";

const db = openE2eDb();
test.afterAll(async () => {
  await db.db.destroy();
});

/** An ordinary resident with a phone in the demo grid worker's grid. */
async function aResidentOfTheWorkersGrid(): Promise<{ id: number; phoneMasked: string }> {
  const { rows } = await sql<{ id: number; phoneMasked: string }>`
    select p.id, p.phone_masked as "phoneMasked" from resident p
     where p.grid_id = (select a.region_id from role_assignment a join app_user u on u.id = a.user_id where u.username = 'gridworker')
       and not p.key_person and p.phone_cipher is not null order by p.id limit 1`.execute(db.db);
  return rows[0];
}

async function logRows(residentId: number) {
  const { rows } = await sql<{ kind: string; field: string; reason: string | null; username: string }>`
    select kind, field, reason, username from pii_access_log where resident_id = ${residentId} order by id`.execute(db.db);
  return rows;
}

test.describe("personal data", () => {
  test.use({ storageState: storageStateOf("gridworker") });

  test("a grid worker sees a resident masked, reveals the phone with a reason, and both reads are logged", async ({
    page,
  }, testInfo) => {
    const { then } = consoleDriver(page, testInfo);
    const resident = await aResidentOfTheWorkersGrid();
    const before = (await logRows(resident.id)).length;
    await page.goto(`/residents/${resident.id}`);
    await expect(page.getByTestId("resident-page")).toBeVisible();
    await expect(page.getByTestId("masked-phone")).toHaveText(resident.phoneMasked);
    await expect(page.getByTestId("masked-id_number")).toContainText("****");

    await page.getByTestId("reveal-phone").click();
    await expect(page.getByTestId("reveal-dialog")).toBeVisible();
    await page.getByTestId("reveal-submit").click();
    await expect(page.getByTestId("reveal-error")).toBeVisible();
    const quickReason = page.getByTestId("reveal-quick-reason").first();
    const reason = (await quickReason.textContent())!.trim();
    await quickReason.click();
    await page.getByTestId("reveal-submit").click();
    await expect(page.getByTestId("revealed-phone")).toContainText(/1\d{10}/);
    await then.screenshot("resident-revealed");

    const rows = (await logRows(resident.id)).slice(before);
    expect(rows.map((r) => `${r.kind}:${r.field}:${r.username}`)).toEqual(["view:detail:gridworker", "reveal:phone:gridworker"]);
    expect(rows[1].reason).toBe(reason);
  });
});

test.describe("the audit page", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("lists personal-data reads with filters, and changes on the other tab", async ({
    page,
    playwright,
    baseURL,
  }, testInfo) => {
    const { then } = consoleDriver(page, testInfo);
    // A read to list, made here: the grid worker opens a resident's page (the test needs no other test before it).
    const resident = await aResidentOfTheWorkersGrid();
    const before = (await logRows(resident.id)).length;
    const gridWorker = await playwright.request.newContext({ baseURL, storageState: storageStateOf("gridworker") });
    expect((await gridWorker.get(`/residents/${resident.id}`)).status()).toBe(200);
    await gridWorker.dispose();
    expect((await logRows(resident.id)).slice(before).map((r) => `${r.kind}:${r.field}:${r.username}`)).toEqual([
      "view:detail:gridworker",
    ]);
    await page.goto("/audit?tab=pii&user=gridworker");
    await expect(page.getByTestId("pii-log-row").first()).toContainText("gridworker");
    await then.screenshot("audit-pii-log");
    await page.goto("/audit?tab=changes");
    await expect(page.getByTestId("audit-page")).toBeVisible();
    await then.screenshot("audit-changes");
  });
});

test.describe("exports", () => {
  test("the district commander's export page offers residents (with the unmasked option) and area statistics", async ({
    page,
  }, testInfo) => {
    const { then } = consoleDriver(page, testInfo);
    await page.goto("/exports");
    await expect(page.getByTestId("export-panel")).toBeVisible();
    await expect(page.getByTestId("export-kind-residents")).toBeVisible();
    await expect(page.getByTestId("export-kind-stats")).toBeVisible();
    await then.screenshot("exports-commander");
  });
});
