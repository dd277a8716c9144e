import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { sql } from "kysely";
import { NextRequest } from "next/server";
import { productConnection, type Connection } from "../../../../db/client";
import { deleteAllCases, insertTestCases } from "../../../../lib/testing/case-list-fixtures";
import { resetCaseConfigForTests } from "../../../../lib/testing/reset-case-config";
import { filenameFromDisposition } from "../../../../lib/format/content-disposition";
import { withSeededDistrict } from "../../../../lib/testing/seeded-district";
import { createSignedInAccount } from "../../../../lib/testing/test-sessions";
import { PATCH as settingRoute } from "../../case-config/settings/[key]/route";
import { GET as ratesRoute } from "./rates/route";
import { GET as exportRoute } from "./route";

let owner: Connection;
withSeededDistrict((c) => {
  owner = c;
});
afterAll(async () => {
  // The shared test database keeps the shipped configuration (this file changes a share).
  await resetCaseConfigForTests(owner.db);
  await productConnection().db.destroy();
});

const ORIGIN = "http://gridatlas.test";
let commander: string;
let department: string;

beforeAll(async () => {
  const { rows } = await sql<{ district: number; grid: number }>`
    select (select id from region where level = 0) as district, (select id from region where level = 4 order by code limit 1) as grid`.execute(
    owner.db,
  );
  await deleteAllCases(owner.db);
  await insertTestCases(owner.db, [
    { gridId: rows[0].grid, reportedAt: "2026-08-01T02:00:00Z", description: "路灯不亮" },
    {
      gridId: rows[0].grid,
      reportedAt: "2026-08-02T02:00:00Z",
      description: "井盖缺失",
      state: "evaluated",
      satisfaction: "satisfied",
    },
  ]);
  commander = (
    await createSignedInAccount(owner.db, "desk_route_cmd", [{ role: "district_commander", regionId: rows[0].district }])
  ).cookie;
  department = (
    await createSignedInAccount(owner.db, "desk_route_dept", [{ role: "department_handler", regionId: rows[0].district }])
  ).cookie;
});

const get = (path: string, cookie: string | null, headers: Record<string, string> = {}) =>
  new NextRequest(`${ORIGIN}${path}`, { headers: { ...(cookie ? { cookie } : {}), ...headers } });

describe("GET /api/cases/export", () => {
  it("streams an xlsx attachment with a Chinese file name, the row count and no caching", async () => {
    const response = await exportRoute(get("/api/cases/export?format=xlsx&from=2026-08-01", commander));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("spreadsheetml");
    expect(filenameFromDisposition(response.headers.get("content-disposition"))).toMatch(/^案件列表_\d{8}\.xlsx$/);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("x-row-count")).toBe("2");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.getWorksheet("案件")!.rowCount).toBe(3);
  });

  it("refuses: no session 401, a role without case.export 403, a link from another site 403, a bad filter 400 in Chinese", async () => {
    expect((await exportRoute(get("/api/cases/export?format=csv", null))).status).toBe(401);
    expect((await exportRoute(get("/api/cases/export?format=csv", department))).status).toBe(403);
    expect((await exportRoute(get("/api/cases/export?format=csv", commander, { "sec-fetch-site": "cross-site" }))).status).toBe(
      403,
    );
    const bad = await exportRoute(get("/api/cases/export?format=csv&from=2026-02-30", commander));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "VALIDATION", details: { from: "日期格式应为 YYYY-MM-DD。" } } });
  });
});

describe("GET /api/cases/export/rates", () => {
  it("answers a CSV of the rates", async () => {
    const response = await ratesRoute(get("/api/cases/export/rates?format=csv&period=month&month=2026-08", commander));
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text.split("\r\n").at(-2)).toMatch(/^合计,/);
  });
});

describe("PATCH /api/case-config/settings/:key", () => {
  const patch = (cookie: string, origin: string, body: unknown) =>
    settingRoute(
      new Request(`${ORIGIN}/api/case-config/settings/yellow_share`, {
        method: "PATCH",
        headers: { cookie, origin, host: new URL(ORIGIN).host, "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
      { params: Promise.resolve({ key: "yellow_share" }) },
    );

  it("saves for a configurer, refuses another site's page and a role without case.configure", async () => {
    const { rows } = await sql<{ version: number }>`select version from case_setting where key = 'yellow_share'`.execute(
      owner.db,
    );
    expect((await patch(commander, "http://evil.example", { value: 0.7, expectedVersion: rows[0].version })).status).toBe(403);
    expect((await patch(department, ORIGIN, { value: 0.7, expectedVersion: rows[0].version })).status).toBe(403);
    const ok = await patch(commander, ORIGIN, { value: 0.7, expectedVersion: rows[0].version });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ key: "yellow_share", version: rows[0].version + 1, value: 0.7 });
    const stale = await patch(commander, ORIGIN, { value: 0.8, expectedVersion: rows[0].version });
    expect(stale.status).toBe(409);
  });
});
