import { expect, test } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { sql } from "kysely";
import type { Connection } from "../db/client";
import { bumpLayerVersions } from "../db/queries/layer-version";
import { caseDriver } from "./drivers/case-driver";
import { consoleDriver } from "./drivers/console-driver";
import { storageStateOf } from "./support/accounts";
import { openE2eDb } from "./support/db";
import { e2eDatabaseUrl } from "./support/e2e-env";

/**
 * The closed loop end to end, each role in its own browser: a grid worker reports from the phone page →
 * the community files it (no routing rule: it rises to the street) → the street dispatches to 城管 → the
 * department acknowledges, handles and reports back → a verifier (not the reporter: 采办分离) verifies and
 * closes → the return visit rates it. The case shows on the commander's map with its light at every step.
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
     where u.username = 'gridworker' order by b.id limit 1`.execute(db.db);
  return [rows[0].lon, rows[0].lat];
}

test("a case runs the whole loop, from the phone to the return visit", async ({ browser }, testInfo) => {
  test.setTimeout(300_000);
  const cases = caseDriver(browser);
  const [lon, lat] = await pointInWorkersGrid();

  // 1. The grid worker reports from the phone page.
  const phone = await browser.newContext({
    storageState: storageStateOf("gridworker"),
    viewport: { width: 390, height: 844 },
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  });
  const m = await phone.newPage();
  await m.goto("/m/report");
  await m.getByTestId("coordinates-toggle").click();
  await m.getByTestId("coordinate-lon").fill(lon.toFixed(6));
  await m.getByTestId("coordinate-lat").fill(lat.toFixed(6));
  await m.getByTestId("coordinates-apply").click();
  await m.getByTestId("category-group-dispute").click();
  await m.getByTestId("category-option-dispute.property").click();
  await m.getByTestId("report-description").fill("小区东门物业与业主因停车收费发生争执，需协调处理");
  await m.getByTestId("report-send").click();
  await expect(m.getByTestId("report-success-number")).toHaveText(/^SJ\d{15}$/);
  const number = (await m.getByTestId("report-success-number").textContent())!.trim();
  await consoleDriver(m, testInfo).then.screenshot("case-loop-1-phone-report");
  const { id: caseId } = await db.db
    .selectFrom("case_record")
    .select("id")
    .where("number", "=", number)
    .executeTakeFirstOrThrow();

  const map = consoleDriver(await cases.as("commander"), testInfo);
  const lightOnMap = async () => {
    // What the worker's case.changed job does after every step (no worker runs during e2e tests): move the
    // case layer's version so the tile cache lets go; the web process re-reads versions every second.
    await bumpLayerVersions(db.db, ["case"]);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    return map.then.caseLightOnMap(caseId);
  };
  expect(await lightOnMap()).toBe("green");

  // 2. A dispute is filed only with its risk assessment (LEC): the community's filing is refused until it
  // assesses the risk on the case page (重要: a warning to the community and the street; 重大 would ask for a plan).
  let page = await cases.openCase("community", caseId);
  await expect(page.getByTestId("case-risk-none")).toContainText("须先完成风险评估");
  await page.getByTestId("case-action-file").click();
  await page.getByTestId("case-action-submit").click();
  await expect(page.getByTestId("case-action-form")).toContainText("须先完成风险评估（LEC）才能立案");
  await page.getByTestId("risk-edit").click();
  await page.getByTestId("risk-form-l").selectOption("6");
  await page.getByTestId("risk-form-e").selectOption("6");
  await page.getByTestId("risk-form-c").selectOption("7");
  await expect(page.getByTestId("risk-form-preview")).toHaveText("D = 252，重大");
  await page.getByTestId("risk-form-save").click();
  // 重大 without a plan: the browser asks for the required field first
  await expect(page.getByTestId("risk-form")).toBeVisible();
  await page.getByTestId("risk-form-c").selectOption("3");
  await expect(page.getByTestId("risk-form-preview")).toHaveText("D = 108，重要");
  await page.getByTestId("risk-form-save").click();
  await expect(page.getByTestId("case-risk-value")).toHaveText("D = 108（重要）");
  await expect(page.getByTestId("case-risk-note")).toContainText("重要风险");
  await expect(page.getByTestId("case-risk-badge")).toHaveText("风险重要");
  await consoleDriver(page, testInfo).then.screenshot("case-loop-1b-risk-assessed");
  // The street revises it to 重大 with an emergency plan; the timeline keeps the old value.
  page = await cases.openCase("street", caseId);
  await page.getByTestId("risk-edit").click();
  await page.getByTestId("risk-form-c").selectOption("7");
  await page.getByTestId("risk-form-plan").fill("一、社区、派出所联合约谈双方；二、物业暂停收费争议条款；三、每日报告化解进展。");
  await page.getByTestId("risk-form-save").click();
  await expect(page.getByTestId("case-risk-value")).toHaveText("D = 252（重大）");
  await expect(page.getByTestId("case-emergency-plan")).toContainText("联合约谈双方");
  await expect(page.getByTestId("case-timeline")).toContainText("原评估：D = 108（重要）");
  await consoleDriver(page, testInfo).then.screenshot("case-loop-1c-risk-major");

  // The community files it; without a routing rule it rises to the street for a manual dispatch.
  page = await cases.step("community", caseId, "file", async () => {}, "filed");
  await expect(page.getByTestId("case-level")).toHaveText("街道（镇）级");
  await expect(page.getByTestId("case-timeline")).toContainText("无匹配的派遣规则");

  // 3. The street dispatches to 城管.
  page = await cases.step(
    "street",
    caseId,
    "dispatch",
    async (p) => {
      await p.getByTestId("dispatch-lead-unit").selectOption({ label: "区城市管理委员会（城管）" });
      await p.getByTestId("case-action-note").fill("请城管执法队到场协调");
    },
    "dispatched",
  );
  await expect(page.getByTestId("case-lead-unit")).toHaveText("区城市管理委员会（城管）");
  await consoleDriver(page, testInfo).then.screenshot("case-loop-2-dispatched");
  expect(await lightOnMap()).toBe("green");

  // The handling deadline passes (moved into the past here): the clock turns the light red, and the street
  // level's rule (突出问题不出镇街) raises it to the district with a red warning.
  const day = 86_400_000;
  await db.db
    .updateTable("case_record")
    .set({
      handle_started_at: new Date(Date.now() - 30 * day),
      yellow_at: new Date(Date.now() - 12 * day),
      deadline_at: new Date(Date.now() - 10 * day),
      handle_deadline_at: new Date(Date.now() - 10 * day),
    })
    .where("id", "=", caseId)
    .execute();
  expect(await runClockPass()).toMatchObject({ toRed: 1, escalations: 1 });
  expect(await lightOnMap()).toBe("red");
  page = await cases.openCase("commander", caseId);
  await expect(page.getByTestId("case-level")).toHaveText("区级");
  await page.getByTestId("notice-bell").click();
  await expect(page.getByTestId("notice-item").filter({ hasText: number }).first()).toBeVisible();
  await consoleDriver(page, testInfo).then.screenshot("case-loop-3-red-warning");

  // 4. The department acknowledges, handles and reports back. Its limit has run out: 延期 must be asked for
  // before it, so the request shows disabled with the reason.
  page = await cases.step("department", caseId, "acknowledge", async () => {}, "acknowledged");
  await expect(page.getByTestId("case-action-extension_request")).toHaveCount(0);
  await expect(page.getByTestId("case-blocked-extension_request")).toBeDisabled();
  await expect(page.getByTestId("case-blocked-extension_request-reason")).toHaveText(
    "办理时限已过，不能再申请延期：延期须在时限届满前申请。请尽快办结并反馈，本案将按超期办结计。",
  );
  await consoleDriver(page, testInfo).then.screenshot("case-loop-3b-extension-closed");
  page = await cases.step("department", caseId, "handle", async () => {}, "handled");
  // Timeliness waits for the report back (反馈).
  await expect(page.getByTestId("case-ratings")).toContainText("办理时效—");
  page = await cases.step(
    "department",
    caseId,
    "report_back",
    async (p) => p.getByTestId("case-action-note").fill("已约谈物业，停车收费按公示标准执行，业主表示认可"),
    "reported_back",
  );

  // 5. 采办分离: the reporter may not verify; a community head verifies and closes.
  page = await cases.openCase("gridworker", caseId);
  await expect(page.getByTestId("case-action-start_verification")).toHaveCount(0);
  await cases.step("community", caseId, "start_verification", async () => {}, "verifying");
  page = await cases.step(
    "community",
    caseId,
    "close",
    async (p) => p.getByTestId("case-action-note").fill("现场核查，问题已解决"),
    "closed",
  );
  expect(await lightOnMap()).toBe(null);

  // 6. The district, where the case now is, records the return visit: handled late and very satisfied → 2 stars.
  page = await cases.step(
    "commander",
    caseId,
    "evaluate",
    async (p) => {
      await p.getByTestId("evaluate-satisfaction").selectOption("very_satisfied");
      await p.getByTestId("evaluate-resolution").selectOption("resolved");
    },
    "evaluated",
  );
  await expect(page.getByTestId("case-disposal-stars")).toHaveText("★★☆☆☆");
  await expect(page.getByTestId("case-ratings")).toContainText("办理时效超期办结");
  // eleven steps of the loop and the two risk assessments
  await expect(page.getByTestId("case-event")).toHaveCount(13);
  await expect(page.getByTestId("case-resolution")).toHaveText("已解决");
  await expect(page.getByTestId("case-timeline")).toContainText("问题是否解决：已解决");
  // A satisfied return visit is final: no 返工, no 督办.
  await expect(page.getByTestId("case-action-reopen")).toHaveCount(0);
  await expect(page.getByTestId("case-action-supervision_order")).toHaveCount(0);
  await consoleDriver(page, testInfo).then.screenshot("case-loop-4-evaluated");

  // 7. The rates page: 响应率, 解决率, 满意率 and 办结率, each with its definition (tooltip and the 口径 note).
  const rates = await cases.as("commander");
  await rates.goto("/cases/rates");
  for (const kind of ["response", "resolution", "satisfaction", "completion"])
    await expect(rates.getByTestId(`rate-${kind}`)).toHaveText(/^(\d+\.\d%|—)$/);
  await expect(rates.getByTestId("rates-summary").locator("[title]").nth(1)).toHaveAttribute(
    "title",
    /^解决率 = 回访答复“已解决”/,
  );
  await expect(rates.getByTestId("rates-formula")).toContainText("响应率 = 在签收时限内签收的派遣单数");
  await expect(rates.getByTestId("rates-formula")).toContainText("0.8 × 基本满意");
  await consoleDriver(rates, testInfo).then.screenshot("rates-page");
  // The weight of 基本满意 is a setting, 0..1.
  await rates.goto("/admin/case-config/settings");
  await expect(rates.getByTestId("setting-rates-fairlyWeight")).toHaveValue("0.8");
  await rates.getByTestId("setting-rates").scrollIntoViewIfNeeded();
  await consoleDriver(rates, testInfo).then.screenshot("rates-settings");
  await cases.close();
  await phone.close();
});

test("a dissatisfied return visit draws 督办 and 返工 back to the same unit", async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const cases = caseDriver(browser);
  // A closed demo case at the district (the commander's level), handled by a unit the demo department
  // does not act for (so no other spec's inbox changes).
  const { rows } = await sql<{ id: number; unit: string }>`
    select c.id, u.name as unit from case_record c join case_unit u on u.id = c.lead_unit_id
     where c.state = 'closed' and c.level = 'district' and u.code <> 'dept.cg' order by c.id limit 1`.execute(db.db);
  expect(rows).toHaveLength(1);
  const { id: caseId, unit } = rows[0];

  let page = await cases.step(
    "commander",
    caseId,
    "evaluate",
    async (p) => {
      await p.getByTestId("evaluate-satisfaction").selectOption("dissatisfied");
      await p.getByTestId("evaluate-resolution").selectOption("unresolved");
    },
    "evaluated",
  );
  await expect(page.getByTestId("case-action-reopen")).toBeVisible();
  await expect(page.getByTestId("case-action-supervision_order")).toBeVisible();
  page = await cases.step("commander", caseId, "supervision_order", (p) =>
    p.getByTestId("case-action-note").fill("回访群众不满意，请重新处置并限期反馈"),
  );
  await expect(page.getByTestId("case-timeline")).toContainText("回访群众不满意");
  page = await cases.step(
    "commander",
    caseId,
    "reopen",
    (p) => p.getByTestId("case-action-note").fill("回访不满意，问题仍存在，返工处理"),
    "acknowledged",
  );
  await expect(page.getByTestId("case-lead-unit")).toHaveText(unit);
  await expect(page.getByTestId("case-disposal-stars")).toHaveText("—");
  // The answer of that visit stays on record until the next one.
  await expect(page.getByTestId("case-resolution")).toHaveText("未解决");
  await consoleDriver(page, testInfo).then.screenshot("case-loop-5-reopened-after-visit");
  await cases.close();
});

/** One pass of the clock worker on the e2e database (the worker process is not running here). */
async function runClockPass() {
  const run = spawnSync("npx", ["tsx", "--conditions=react-server", "e2e/support/run-clock-e2e.ts", e2eDatabaseUrl()], {
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`clock pass failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as { toRed: number; escalations: number };
}
