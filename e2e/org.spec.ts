import { expect, test } from "@playwright/test";
import { sql } from "kysely";
import { createOrgFixture, type OrgFixture } from "../lib/testing/org-fixtures";
import { consoleDriver } from "./drivers/console-driver";
import { storageStateOf } from "./support/accounts";
import { openE2eDb } from "./support/db";

/*
 * The HR clerk keeps the organisation: the org chart with counts, a department's staff list, a person's record
 * (masked, one field shown for a reason) and an edit that writes the job history. The organisation is the
 * spec's own (a per-run prefix), whatever the demo seed holds.
 */
const db = openE2eDb();
let fx: OrgFixture;

test.use({ storageState: storageStateOf("hrclerk") });

test.beforeAll(async () => {
  fx = await createOrgFixture(db);
  await sql`delete from grid_post where region_id = ${fx.regions.gridsA[0]}`.execute(db.db);
});
test.afterAll(async () => {
  await db.db.destroy();
});

test("HR: org chart → staff list → record → edit", async ({ page }, testInfo) => {
  const { then } = consoleDriver(page, testInfo);

  await page.goto("/org");
  await expect(page.getByTestId("org-page")).toBeVisible();
  const root = page.locator(`[data-testid="org-node"][data-department-id="${fx.departments.district}"]`);
  await expect(root).toBeVisible();
  await expect(root.getByTestId("org-node-count")).toHaveText("1/4");
  // keyboard: focus the root, open it, go down to its first child
  await root.focus();
  await page.keyboard.press("ArrowRight");
  await expect(root).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("ArrowRight");
  const childA = page.locator(`[data-testid="org-node"][data-department-id="${fx.departments.communityA}"]`);
  await expect(childA).toBeFocused();
  await expect(childA.getByTestId("org-node-count")).toHaveText("1/2");
  await expect(page.getByTestId("grid-gaps")).toContainText("网格空缺");
  await then.screenshot("org-chart");

  // Enter opens the department's staff list (the subtree)
  await root.focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(
    (url) => url.pathname === "/staff" && url.searchParams.get("department") === String(fx.departments.district),
  );
  await expect(page.getByTestId("staff-count")).toHaveText("共 4 人");
  await expect(page.getByTestId("staff-row")).toHaveCount(4);
  await expect(page.getByTestId("staff-table")).not.toContainText(fx.workerAPhone);
  await then.screenshot("staff-list");

  // % is a character: only the one whose name holds it
  await page.getByTestId("filter-q").fill("%");
  await page.getByTestId("filter-apply").click();
  await expect(page.getByTestId("staff-row")).toHaveCount(1);
  await expect(page.getByTestId("staff-row")).toContainText("网格员丙%");
  await page.getByTestId("filter-q").fill("没有这个人");
  await page.getByTestId("filter-apply").click();
  await expect(page.getByTestId("staff-empty")).toContainText("没有符合条件的人员");
  await page.goBack();
  await page.getByTestId("staff-link").first().click();

  await expect(page.getByTestId("staff-detail-page")).toBeVisible();
  await expect(page.getByTestId("staff-name")).toHaveText("网格员丙%");
  await expect(page.getByTestId("masked-id_number")).toHaveText(/^110105\*{8}/);
  await page.getByTestId("reveal-id_number").click();
  await expect(page.getByTestId("reveal-dialog")).toBeVisible();
  await page.getByTestId("reveal-dialog").locator("textarea").fill("核对社保缴纳信息");
  await page.getByTestId("reveal-submit").click();
  await expect(page.getByTestId("revealed-id_number")).toContainText(fx.workerAIdNumber);
  await expect(page.getByTestId("staff-jobs")).toContainText("入职");
  await then.screenshot("staff-detail");

  await page.getByTestId("staff-edit-link").click();
  await expect(page.getByTestId("staff-edit-form")).toBeVisible();
  await page.getByTestId("edit-rank").selectOption({ label: "二级" });
  await page.getByTestId("edit-change-reason").selectOption("promotion");
  await page.getByTestId("edit-effective-date").fill("2026-12-01");
  await then.screenshot("staff-edit");
  await page.getByTestId("edit-save").click();
  await page.waitForURL((url) => url.pathname === `/staff/${fx.staff.workerA}`);
  await expect(page.getByTestId("fact-rank")).toHaveText("二级");
  await expect(page.getByTestId("staff-job-row").first()).toContainText("晋升/调整");
  await expect(page.getByTestId("staff-job-row")).toHaveCount(2);

  // a stale form (opened before someone else's save) is refused with the Chinese message
  await page.goto(`/staff/${fx.staff.workerA}/edit`);
  await sql`update staff set version = version + 1 where id = ${fx.staff.workerA}`.execute(db.db);
  await page.getByTestId("edit-name").fill("过期的修改");
  await page.getByTestId("edit-save").click();
  await expect(page.getByTestId("staff-edit-error")).toContainText("该人员档案已被他人修改");
  await then.screenshot("staff-edit-stale");
  then.noPageErrors();
});
