import { spawnSync } from "node:child_process";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { sql } from "kysely";
import type { Connection } from "../db/client";
import { addDays, beijingDay } from "../lib/format/time";
import { consoleDriver } from "./drivers/console-driver";
import { E2E_PASSWORD, storageStateOf } from "./support/accounts";
import { openE2eDb } from "./support/db";
import { e2eDatabaseUrl } from "./support/e2e-env";

/**
 * Transfers (调动, issue 11 part 2): the HR clerk asks to move a 兼职网格员 from one community's grid office to
 * another's; the releasing side's named approver and the receiving side's community head each sign in (from a
 * context without the project's storage state) and approve; the effective-date job applies it on its day; the
 * person's sign-in follows to the new grid, and the transfer sits under 已完成 with both decisions and the timeline.
 */
let db: Connection;
const run = Date.now().toString(36);
const tomorrow = addDays(beijingDay(), 1);
let facts: { staffId: number; fromGrid: number; toGrid: number; toGridName: string; officeB: string; moverUserId: number };

test.beforeAll(async () => {
  db = openE2eDb();
  // Two communities of one street, a basic grid in each, and the demo password's hash for the approvers' accounts.
  const { rows } = await sql<{ a: number; b: number; ga: number; gb: number; gbName: string }>`
    with g as (
      select g.id, g.name, c.id as community, c.parent_id as street, row_number() over (partition by c.id order by g.code) as n
        from region g join region x on x.id = g.parent_id join region c on c.id = x.parent_id where g.level = 4)
    select ga.community as a, gb.community as b, ga.id as ga, gb.id as gb, gb.name as "gbName"
      from g ga join g gb on gb.street = ga.street and gb.community > ga.community and gb.n = 1
     where ga.n = 1 order by ga.community, gb.community limit 1`.execute(db.db);
  const r = rows[0];
  const hash = (
    await db.db.selectFrom("app_user").select("password_hash").where("username", "=", "community").executeTakeFirstOrThrow()
  ).password_hash;
  const account = async (username: string, role: string, regionId: number) => {
    const user = await db.db
      .insertInto("app_user")
      .values({
        username,
        display_name: username === `tfrel${run}` ? "调出审批人" : username === `tfrcv${run}` ? "调入审批人" : "调动人员",
        password_hash: hash,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db.db.insertInto("role_assignment").values({ user_id: user.id, role, region_id: regionId }).execute();
    return user.id;
  };
  const release = await account(`tfrel${run}`, "community_head", r.a);
  await account(`tfrcv${run}`, "community_head", r.b);
  const mover = await account(`tfmov${run}`, "grid_worker", r.ga);
  const department = async (name: string, regionId: number) =>
    (
      await db.db
        .insertInto("department")
        .values({ code: `tfe2e-${run}-${regionId}`, name, kind: "grid_office", level: 2, region_id: regionId })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const officeA = await department(`调出网格站${run.slice(-4)}`, r.a);
  const officeBName = `调入网格站${run.slice(-4)}`;
  await department(officeBName, r.b);
  const position = await db.db
    .insertInto("staff_position")
    .values({ code: `tfe2e-pt-${run}`, name: "兼职网格员", grid_role: "part_time", sort_order: -1 })
    .returning("id")
    .executeTakeFirstOrThrow();
  const rank = await db.db.selectFrom("staff_rank").select("id").orderBy("ordinal").executeTakeFirst();
  const rankId =
    rank?.id ??
    (
      await db.db
        .insertInto("staff_rank")
        .values({ code: `tfe2e-${run}`, name: "科员", ordinal: 900 })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const staff = await db.db
    .insertInto("staff")
    .values({
      staff_no: `TF${run}`.slice(0, 32),
      name: "钱调动",
      department_id: officeA,
      position_id: position.id,
      rank_id: rankId,
      hire_date: sql<Date>`'2026-01-01'::date`,
      user_id: mover,
      district_code: "110112",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db.db
    .insertInto("staff_job")
    .values({
      staff_id: staff.id,
      department_id: officeA,
      position_id: position.id,
      rank_id: rankId,
      valid_from: sql<Date>`'2026-01-01'::date`,
      reason: "hire",
    })
    .execute();
  await db.db
    .insertInto("grid_post")
    .values({ staff_id: staff.id, region_id: r.ga, grid_role: "part_time", valid_from: sql<Date>`'2026-01-01'::date` })
    .execute();
  // the releasing office names its approver; the receiving office names none (its community head approves by the rule)
  await db.db.insertInto("transfer_approver").values({ department_id: officeA, side: "release", user_id: release }).execute();
  facts = { staffId: staff.id, fromGrid: r.ga, toGrid: r.gb, toGridName: r.gbName, officeB: officeBName, moverUserId: mover };
});
test.afterAll(async () => {
  await db.db.destroy();
});

/** The value of the first option of a select whose text holds `text`. */
async function optionValue(page: Page, select: string, text: string): Promise<string> {
  const option = page.locator(`${select} option`, { hasText: text }).first();
  await expect(option).toBeAttached();
  return (await option.getAttribute("value")) ?? "";
}

async function signIn(browser: Browser, username: string): Promise<Page> {
  // From an empty storage state: a sign-in from the project's state would revoke the commander's session.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByTestId("sign-in-username").fill(username);
  await page.getByTestId("sign-in-password").fill(E2E_PASSWORD);
  await page.getByTestId("sign-in-submit").click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  return page;
}

test.describe("a transfer from request to its effective day", () => {
  test.use({ storageState: storageStateOf("hrclerk") });

  test("HR asks, both sides approve, the job applies it and the history keeps it", async ({ page, browser }, testInfo) => {
    // HR: the form from the person's link, the post's role following the position
    await page.goto(`/transfers/new?staffId=${facts.staffId}`);
    await expect(page.getByTestId("transfer-form-staff")).toContainText("钱调动");
    await page.locator("#tf-department").selectOption(await optionValue(page, "#tf-department", facts.officeB));
    await page.locator("#tf-position").selectOption({ label: "兼职网格员" });
    await expect(page.locator("#tf-region option", { hasText: facts.toGridName }).first()).toBeAttached();
    await page.locator("#tf-region").selectOption(await optionValue(page, "#tf-region", facts.toGridName));
    await expect(page.locator("#tf-grid-role")).toHaveValue("part_time");
    await page.locator("#tf-date").fill(tomorrow);
    await page.locator("#tf-reason").fill("乙社区网格员空缺，工作需要");
    await consoleDriver(page, testInfo).then.screenshot("transfer-1-form");
    await page.getByTestId("transfer-submit").click();
    await page.waitForURL(/\/transfers\/\d+$/);
    const transferId = Number(new URL(page.url()).pathname.split("/").pop());
    await expect(page.getByTestId("transfer-side-release")).toContainText("待审批");

    // the releasing side's named approver finds it under 待我审批 and approves
    const releaser = await signIn(browser, `tfrel${run}`);
    await releaser.goto("/transfers");
    await expect(releaser.getByTestId("transfer-tab-mine")).toHaveAttribute("aria-current", "page");
    await expect(releaser.locator(`[data-transfer-id="${transferId}"]`)).toBeVisible();
    await consoleDriver(releaser, testInfo).then.screenshot("transfer-2-mine");
    await releaser.goto(`/transfers/${transferId}`);
    await expect(releaser.getByTestId("transfer-approve-receive")).toHaveCount(0);
    await releaser.getByTestId("transfer-approve-release").click();
    await expect(releaser.getByTestId("transfer-side-release")).toContainText("同意");

    // the receiving community's head approves: approved, waiting for its day
    const receiver = await signIn(browser, `tfrcv${run}`);
    await receiver.goto(`/transfers/${transferId}`);
    await receiver.getByTestId("transfer-approve-receive").click();
    await expect(receiver.getByTestId("transfer-side-receive")).toContainText("同意");
    await expect(receiver.getByTestId("transfer-facts")).toContainText("已批准（待生效）");

    // the effective-date job on its day
    const job = spawnSync(
      "npx",
      ["tsx", "--conditions=react-server", "e2e/support/apply-transfers-e2e.ts", e2eDatabaseUrl(), tomorrow],
      {
        encoding: "utf8",
      },
    );
    expect(job.status, job.stderr).toBe(0);
    expect(JSON.parse(job.stdout).outcomes).toContainEqual(expect.objectContaining({ transferId, applied: true }));
    const assignments = await db.db
      .selectFrom("role_assignment")
      .select(["role", "region_id"])
      .where("user_id", "=", facts.moverUserId)
      .execute();
    expect(assignments).toEqual([{ role: "grid_worker", region_id: facts.toGrid }]);

    // HR sees it done, with both decisions and the timeline
    await page.goto("/transfers?tab=done");
    await expect(page.locator(`[data-transfer-id="${transferId}"]`)).toContainText("已生效");
    await consoleDriver(page, testInfo).then.screenshot("transfer-3-done");
    await page.goto(`/transfers/${transferId}`);
    await expect(page.getByTestId("transfer-timeline").locator("li")).toHaveCount(4);
    await expect(page.getByTestId("transfer-timeline")).toContainText("调动生效");
    await consoleDriver(page, testInfo).then.screenshot("transfer-4-detail");

    // the person's record keeps the transfer in its 调动记录
    await page.goto(`/staff/${facts.staffId}`);
    await expect(page.getByTestId("staff-transfer-history").locator(`[data-transfer-id="${transferId}"]`)).toContainText(
      "已生效",
    );
    await page.getByTestId("staff-transfers").scrollIntoViewIfNeeded();
    await consoleDriver(page, testInfo).then.screenshot("transfer-5-staff-history");
    await releaser.context().close();
    await receiver.context().close();
  });
});
