import { expect, test, type APIRequestContext } from "@playwright/test";
import { sql } from "kysely";
import { consoleDriver } from "./drivers/console-driver";
import { storageStateOf } from "./support/accounts";
import { openE2eDb } from "./support/db";
import { reportThroughApi } from "./support/report-case";

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

test.describe("personal data typed into a case", () => {
  const CLEAR_ID = "11010519491231002X";
  const CLEAR_PHONE = "13812345678";

  async function caseWithNumbers(
    baseURL: string,
    playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } },
  ) {
    const { rows } = await sql<{ lon: number; lat: number }>`
      select st_x(st_pointonsurface(b.geom)) as lon, st_y(st_pointonsurface(b.geom)) as lat
        from app_user u join role_assignment ra on ra.user_id = u.id join building b on b.grid_id = ra.region_id
       where u.username = 'gridworker' order by b.id limit 1`.execute(db.db);
    const gridWorker = await playwright.request.newContext({ baseURL, storageState: storageStateOf("gridworker") });
    const created = await reportThroughApi(gridWorker, db, {
      categoryCode: "event.exposed_garbage",
      description: `楼道堆放杂物，住户身份证${CLEAR_ID}，电话${CLEAR_PHONE}`,
      lon: rows[0].lon,
      lat: rows[0].lat,
    });
    await gridWorker.dispose();
    return created;
  }

  async function caseTextLog(caseId: number) {
    const { rows } = await sql<{ username: string; reason: string }>`
      select username, reason from pii_access_log where kind = 'reveal' and field = 'case_text' and case_id = ${caseId} order by id`.execute(
      db.db,
    );
    return rows;
  }

  test("an analyst sees the description masked, the street office reveals it with a reason, and the reveal is logged", async ({
    browser,
    playwright,
    baseURL,
  }, testInfo) => {
    const { caseId } = await caseWithNumbers(baseURL!, playwright);

    const analystContext = await browser.newContext({ storageState: storageStateOf("analyst") });
    const analyst = await analystContext.newPage();
    const response = await analyst.goto(`/cases/${caseId}`);
    const html = await response!.text();
    expect(html).not.toContain(CLEAR_ID);
    expect(html).not.toContain(CLEAR_PHONE);
    await expect(analyst.getByTestId("case-description")).toHaveText(
      "楼道堆放杂物，住户身份证110105********002X，电话138****5678",
    );
    await expect(analyst.getByTestId("case-text-masked")).toBeVisible();
    await expect(analyst.getByTestId("case-text-reveal")).toHaveCount(0);
    await analystContext.close();

    const streetContext = await browser.newContext({ storageState: storageStateOf("street") });
    const page = await streetContext.newPage();
    const { then } = consoleDriver(page, testInfo);
    await page.goto(`/cases/${caseId}`);
    await expect(page.getByTestId("case-description")).toContainText("110105********002X");
    await expect(page.getByTestId("case-text-reveal")).toBeVisible();
    await then.screenshot("case-text-masked");
    // The log is append-only and outlives cases: a case id of a reseeded database may have older rows.
    const before = (await caseTextLog(caseId)).length;
    await page.getByTestId("case-text-reveal").click();
    await expect(page.getByTestId("reveal-dialog")).toBeVisible();
    const quickReason = page.getByTestId("reveal-quick-reason").first();
    const reason = (await quickReason.textContent())!.trim();
    await quickReason.click();
    await page.getByTestId("reveal-submit").click();
    await expect(page.getByTestId("case-text-revealed")).toContainText(CLEAR_ID);
    await then.screenshot("case-text-revealed");
    expect((await caseTextLog(caseId)).slice(before)).toEqual([{ username: "street", reason }]);
    await streetContext.close();
  });
});
