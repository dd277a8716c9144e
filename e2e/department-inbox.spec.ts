import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { Connection } from "../db/client";
import { fixtureBytes, jpegBase64, pngBase64 } from "../lib/case/photos/testing/photo-fixtures";
import { caseDriver } from "./drivers/case-driver";
import { consoleDriver } from "./drivers/console-driver";
import { E2E_PASSWORD, storageStateOf, type E2eAccount } from "./support/accounts";
import { openE2eDb } from "./support/db";

/**
 * The department's desk (issue 10): a case reported with a photo reaches 城管 by a dispatch; the department
 * handler signs in and lands on the inbox, sees the counts, signs for the case, handles it with a photo of
 * the spot before the disposal and reports back with a photo of the result; the verifier (the community head)
 * opens it at 核查 and sees the photos before | after, side by side.
 */
let db: Connection;
test.beforeAll(() => {
  db = openE2eDb();
});
test.afterAll(async () => {
  await db.db.destroy();
});

/** A point inside a building of the grid worker's own grid. */
async function pointInWorkersGrid(): Promise<[number, number]> {
  const { rows } = await sql<{ lon: number; lat: number }>`
    select st_x(st_pointonsurface(b.geom)) as lon, st_y(st_pointonsurface(b.geom)) as lat
      from app_user u join role_assignment ra on ra.user_id = u.id join building b on b.grid_id = ra.region_id
     where u.username = 'gridworker' order by b.id desc limit 1`.execute(db.db);
  return [rows[0].lon, rows[0].lat];
}

async function apiAs(
  playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } },
  baseURL: string,
  account: E2eAccount,
) {
  return playwright.request.newContext({ baseURL, storageState: storageStateOf(account) });
}

/** One step through the product's API, at the version the case has now. */
async function apiStep(request: APIRequestContext, caseId: number, action: string, extra: Record<string, unknown> = {}) {
  const { version } = await db.db.selectFrom("case_record").select("version").where("id", "=", caseId).executeTakeFirstOrThrow();
  const response = await request.post(`/api/cases/${caseId}/transitions`, {
    data: { action, expectedVersion: version, requestId: randomUUID(), ...extra },
  });
  if (!response.ok()) throw new Error(`${action} answered ${response.status()}: ${await response.text()}`);
}

/** The count badge of one tab, as a number. */
const countOf = async (page: Page, tab: string) => Number(await page.getByTestId(`inbox-count-${tab}`).textContent());

/** Picks a photo in the open action form and waits until it is uploaded. */
async function attachPhoto(page: Page, base64: string, name: string) {
  await page
    .getByTestId("step-photo-input")
    .setInputFiles({ name, mimeType: "image/png", buffer: Buffer.from(fixtureBytes(base64)) });
  await expect(page.getByTestId("step-photo")).toHaveCount(1);
}

test("the department lands on its inbox, signs, handles and reports back with photos; the verifier compares them", async ({
  browser,
  playwright,
  baseURL,
}, testInfo) => {
  test.setTimeout(240_000);

  // Given: the grid worker reports a dispute with a photo; the community files it, the street dispatches it to 城管.
  const [lon, lat] = await pointInWorkersGrid();
  const worker = await apiAs(playwright, baseURL!, "gridworker");
  const upload = await worker.post("/api/case-photos", {
    multipart: { file: { name: "report.jpg", mimeType: "image/jpeg", buffer: Buffer.from(fixtureBytes(jpegBase64)) } },
  });
  expect(upload.status()).toBe(201);
  const reportPhoto = ((await upload.json()) as { id: number }).id;
  const { id: categoryId } = await db.db
    .selectFrom("case_category")
    .select("id")
    .where("code", "=", "dispute.property")
    .executeTakeFirstOrThrow();
  const reported = await worker.post("/api/cases", {
    data: {
      clientRequestId: randomUUID(),
      categoryId,
      description: "小区北门建筑垃圾堆放占道，物业未清运",
      lon,
      lat,
      channel: "phone",
      photoIds: [reportPhoto],
      // A dispute is filed only with its LEC assessment (issue 10): D = 18, 一般.
      risk: { l: 1, e: 6, c: 3 },
    },
  });
  expect(reported.status()).toBe(201);
  const { caseId, number } = (await reported.json()) as { caseId: number; number: string };
  await worker.dispose();
  const community = await apiAs(playwright, baseURL!, "community");
  await apiStep(community, caseId, "file");
  await community.dispose();
  const street = await apiAs(playwright, baseURL!, "street");
  const { id: cg } = await db.db.selectFrom("case_unit").select("id").where("code", "=", "dept.cg").executeTakeFirstOrThrow();
  await apiStep(street, caseId, "dispatch", { leadUnitId: cg, note: "请城管到场处置" });
  await street.dispose();

  // The department signs in through the form and lands on its inbox.
  // No storage state: a context made here inherits the project's (the commander's), and signing in from it
  // would revoke that session (sign-in revokes the token the browser already had) for every later spec.
  const context = await browser.newContext({
    storageState: { cookies: [], origins: [] },
    viewport: { width: 1440, height: 900 },
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  });
  const page = await context.newPage();
  const desk = consoleDriver(page, testInfo);
  await page.goto("/sign-in");
  await page.getByTestId("sign-in-username").fill("department");
  await page.getByTestId("sign-in-password").fill(E2E_PASSWORD);
  await page.getByTestId("sign-in-submit").click();
  await page.waitForURL((url) => url.pathname === "/inbox");
  await expect(page.getByTestId("inbox-page")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("部门待办");
  await expect(page.getByTestId("inbox-tab-pending")).toHaveAttribute("aria-current", "page");

  // The badges are the counts of the database.
  const { rows: expected } = await sql<{ pending: number; in_progress: number; to_report: number }>`
    select count(*) filter (where state = 'dispatched')::int as pending,
           count(*) filter (where state = 'acknowledged')::int as in_progress,
           count(*) filter (where state = 'handled')::int as to_report
      from case_record where lead_unit_id = ${cg}`.execute(db.db);
  expect(await countOf(page, "pending")).toBe(expected[0].pending);
  expect(await countOf(page, "in_progress")).toBe(expected[0].in_progress);
  const inProgressBefore = await countOf(page, "in_progress");
  const row = page.getByTestId("case-row").filter({ hasText: number });
  await expect(row).toBeVisible();
  await expect(row).toContainText("物业管理");
  await desk.then.screenshot("department-inbox");

  // The bell shows the dispatch; the row's link opens the case (keyboard: the link is focusable).
  await page.getByTestId("notice-bell").click();
  await expect(page.getByTestId("notice-item").filter({ hasText: number }).first()).toBeVisible();
  await page.keyboard.press("Escape");
  await row.getByRole("link", { name: new RegExp(number) }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("case-page")).toHaveAttribute("data-state", "dispatched");
  await context.close();

  // 签收, 处置 with a photo of the spot before, 反馈 with a photo of the result: each step on the case page.
  const cases = caseDriver(browser);
  await cases.step("department", caseId, "acknowledge", async () => {}, "acknowledged");
  let casePage = await cases.step(
    "department",
    caseId,
    "handle",
    async (p) => {
      await expect(p.getByTestId("step-photos")).toContainText("处置前照片");
      await attachPhoto(p, pngBase64, "before.png");
    },
    "handled",
  );
  casePage = await cases.step(
    "department",
    caseId,
    "report_back",
    async (p) => {
      await expect(p.getByTestId("step-photos")).toContainText("处置后照片");
      await p.getByTestId("case-action-note").fill("已协调物业清运建筑垃圾，通道恢复畅通");
      await attachPhoto(p, jpegBase64, "after.jpg");
    },
    "reported_back",
  );
  // the acknowledge cleared the unit's notice about this case
  const { rows: unread } = await sql<{ n: number }>`
    select count(*)::int as n from case_notice where case_id = ${caseId} and unit_id = ${cg} and read_at is null`.execute(db.db);
  expect(unread[0].n).toBe(0);

  // Back on the inbox: the case has left 待签收 and 办理中, and no longer waits for a report back.
  await casePage.goto("/inbox?tab=in_progress");
  expect(await countOf(casePage, "in_progress")).toBe(inProgressBefore);
  await expect(casePage.getByTestId("case-row").filter({ hasText: number })).toHaveCount(0);

  // 核查: the community head (not the reporter, not the handling unit) compares before | after.
  const verifier = await cases.step("community", caseId, "start_verification", async () => {}, "verifying");
  const compare = verifier.getByTestId("photo-compare");
  await expect(compare).toBeVisible();
  const before = compare.getByTestId("photo-compare-before").getByTestId("compare-photo");
  const after = compare.getByTestId("photo-compare-after").getByTestId("compare-photo");
  await expect(before).toHaveCount(2);
  await expect(before.nth(0)).toHaveAttribute("data-stage", "report");
  await expect(before.nth(1)).toHaveAttribute("data-stage", "handle");
  await expect(after).toHaveCount(1);
  await expect(after.nth(0)).toHaveAttribute("data-stage", "report_back");
  // every photo actually loaded (decoded with a size), side by side: the after column right of the before column
  for (const img of await compare.locator("img").all()) {
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
  }
  const left = await compare.getByTestId("photo-compare-before").boundingBox();
  const right = await compare.getByTestId("photo-compare-after").boundingBox();
  expect(right!.x).toBeGreaterThan(left!.x + left!.width - 1);
  expect(Math.abs(right!.y - left!.y)).toBeLessThan(2);
  await compare.scrollIntoViewIfNeeded();
  await consoleDriver(verifier, testInfo).then.screenshot("department-inbox-verify-compare");
  await cases.close();
});
