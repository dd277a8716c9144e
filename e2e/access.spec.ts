import { expect, test, type Page } from "@playwright/test";
import { sql } from "kysely";
import { consoleDriver } from "./drivers/console-driver";
import { E2E_PASSWORD, storageStateOf, type E2eAccount } from "./support/accounts";
import { openE2eDb } from "./support/db";

const db = openE2eDb();
test.afterAll(async () => {
  await db.db.destroy();
});

type Area = { id: number; code: string; name: string; path: string };

/** The basic grid the demo grid worker is assigned to, read from the database. */
async function gridWorkersGrid(): Promise<Area> {
  const { rows } = await sql<Area>`
    select r.id, r.code, r.name, r.path::text as path from role_assignment a
      join app_user u on u.id = a.user_id join region r on r.id = a.region_id
     where u.username = 'gridworker'`.execute(db.db);
  return rows[0];
}

/** Another basic grid with buildings, outside `path`. */
async function aGridOutside(path: string): Promise<Area & { buildingId: number }> {
  const { rows } = await sql<Area & { buildingId: number }>`
    select r.id, r.code, r.name, r.path::text as path, (select min(b.id)::int from building b where b.grid_id = r.id) as "buildingId"
      from region r where r.level = 4 and not (r.path <@ ${path}::ltree)
       and exists (select 1 from building b where b.grid_id = r.id) order by r.code limit 1`.execute(db.db);
  return rows[0];
}

async function apiStatus(page: Page, url: string) {
  return (await page.request.get(url)).status();
}

test.describe("signing in", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("an anonymous visitor is sent to the sign-in page; a wrong password is refused in Chinese", async ({ page }, testInfo) => {
    const { then } = consoleDriver(page, testInfo);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
    expect(await apiStatus(page, "/api/district")).toBe(401);
    expect(await apiStatus(page, "/tiles/grid/14/13500/6200")).toBe(401);
    await page.getByTestId("sign-in-username").fill("gridworker");
    await page.getByTestId("sign-in-password").fill("not-the-password-1");
    await page.getByTestId("sign-in-submit").click();
    await expect(page.getByTestId("sign-in-error")).toHaveText("用户名或密码错误。");
    await then.screenshot("sign-in-refused");
  });

  test("a grid worker signs in with the keyboard and lands on the own grid; sign-out ends the session", async ({
    page,
  }, testInfo) => {
    const { then } = consoleDriver(page, testInfo);
    const grid = await gridWorkersGrid();
    await page.goto("/sign-in");
    await page.getByTestId("sign-in-username").fill("gridworker");
    await page.getByTestId("sign-in-password").fill(E2E_PASSWORD);
    await page.getByTestId("sign-in-password").press("Enter");
    await expect(page.getByTestId("district-name")).toHaveText(grid.name);
    await page.getByTestId("user-menu").click();
    await expect(page.getByTestId("user-roles")).toContainText("网格员");
    await page.getByTestId("sign-out").click();
    await expect(page.getByTestId("sign-in-notice")).toBeVisible();
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
    then.noPageErrors();
  });
});

test.describe("a grid worker", () => {
  test.use({ storageState: storageStateOf("gridworker") });

  test("sees only the own grid on the map, in search and through the API", async ({ page }, testInfo) => {
    const { given, then } = consoleDriver(page, testInfo);
    const own = await gridWorkersGrid();
    const other = await aGridOutside(own.path);
    await given.theMapIsOpen();
    await then.theMapHasDrawn();
    await expect(page.getByTestId("district-name")).toHaveText(own.name);
    const buildingIds = await then.renderedBuildingIds();
    expect(buildingIds.length).toBeGreaterThan(0);
    const { rows } = await sql<{ id: number }>`select id from building where grid_id = ${own.id}`.execute(db.db);
    const ownIds = new Set(rows.map((r) => r.id));
    expect(buildingIds.every((id) => ownIds.has(id))).toBe(true);
    await then.screenshot("access-grid-worker-map");

    // Lists and details of another grid: not found, as if they did not exist.
    expect(((await (await page.request.get(`/api/search?q=${other.code}`)).json()) as { hits: unknown[] }).hits).toEqual([]);
    expect(await apiStatus(page, `/api/regions/${other.id}`)).toBe(404);
    expect(await apiStatus(page, `/api/buildings/${other.buildingId}`)).toBe(404);
    expect(await apiStatus(page, `/api/regions/${own.id}`)).toBe(200);
    await page.goto(`/buildings/${other.buildingId}`);
    await expect(page.getByTestId("not-found")).toBeVisible();
  });
});

test.describe("the district commander", () => {
  test("sees the whole district and any grid", async ({ page }, testInfo) => {
    const { given, then } = consoleDriver(page, testInfo);
    const own = await gridWorkersGrid();
    const other = await aGridOutside(own.path);
    await given.theMapIsOpen();
    await then.theMapHasDrawn();
    const { rows } = await sql<{ name: string }>`select name from region where level = 0`.execute(db.db);
    await expect(page.getByTestId("district-name")).toHaveText(rows[0].name);
    expect(await apiStatus(page, `/api/regions/${other.id}`)).toBe(200);
    expect(await apiStatus(page, `/api/regions/${own.id}`)).toBe(200);
    const hits = ((await (await page.request.get(`/api/search?q=${other.code}`)).json()) as { hits: { id: number }[] }).hits;
    expect(hits.map((h) => h.id)).toContain(other.id);
    await page.getByTestId("user-menu").click();
    await expect(page.getByTestId("user-roles")).toContainText("区级指挥中心");
    await then.screenshot("access-commander-map");
  });
});

/** Pages a role may not open answer HTTP 403 with the page's own Chinese notice (console pages under the top bar). */
const REFUSED_PAGES: { account: E2eAccount; paths: (ids: { resident: number; case: number }) => [string, string][] }[] = [
  {
    account: "analyst",
    paths: ({ resident }) => [
      ["/audit", "您的角色无权查看审计日志。审计日志仅对具有审计权限的角色开放。"],
      ["/admin/accounts", "您的角色无权管理账户。如需开通，请联系系统管理员。"],
      ["/admin/api-keys", "只有系统管理员可以创建和吊销 Open311 接口密钥。"],
      ["/admin/case-config/categories", "只有具备案件配置权限的角色（区级指挥中心、系统管理员）可以修改这些设置。"],
      ["/hotline", "只有街道分中心和区级指挥中心可以导入 12345 工单、处理待定位工单和导出回复。"],
      ["/hotline/queue", "只有街道分中心和区级指挥中心可以导入 12345 工单、处理待定位工单和导出回复。"],
      [`/residents/${resident}`, "您的角色无权查看居民信息。"],
    ],
  },
  {
    account: "admin",
    paths: ({ case: caseId }) => [
      ["/cases", "您的角色不能查看案件。"],
      ["/cases/rates", "您的角色不能查看案件统计。"],
      [`/cases/${caseId}`, "您没有权限执行此操作。"],
      ["/exports", "您的角色没有导出权限。如需导出居民名单或区域统计，请联系系统管理员。"],
      ["/m", "您的角色没有需要在手机上办理的案件。"],
      ["/m/tasks", "您的角色无权查看案件。"],
      ["/m/report", "您的角色无权上报事件。"],
      [`/m/cases/${caseId}`, "您的角色无权查看案件。"],
    ],
  },
  { account: "gridworker", paths: () => [["/topology", "您的角色无权查看拓扑检查。"]] },
];

for (const { account, paths } of REFUSED_PAGES) {
  test.describe(`the ${account} on pages the role may not open`, () => {
    test.use({ storageState: storageStateOf(account) });

    test("gets HTTP 403 and the page's notice under the top bar", async ({ page }, testInfo) => {
      const { then } = consoleDriver(page, testInfo);
      const { rows } = await sql<{ resident: number; case: number }>`
        select (select min(id)::int from resident) as resident, (select min(id)::int from case_record) as case`.execute(db.db);
      for (const [path, notice] of paths(rows[0])) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(403);
        await expect(page.getByTestId("forbidden"), path).toContainText(notice);
        // The console's pages keep their top bar; the phone's have their own header instead.
        if (!path.startsWith("/m")) await expect(page.getByTestId("top-bar"), path).toBeVisible();
      }
      if (account === "analyst") await then.screenshot("access-refused-page");
      then.noPageErrors();
    });
  });
}
