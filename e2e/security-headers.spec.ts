import { expect, test } from "@playwright/test";
import { sql } from "kysely";
import { consoleDriver } from "./drivers/console-driver";
import { storageStateOf } from "./support/accounts";
import { openE2eDb } from "./support/db";

const db = openE2eDb();
test.afterAll(async () => {
  await db.db.destroy();
});

const expectSecurityHeaders = (headers: Record<string, string>, what: string) => {
  expect([what, headers["x-frame-options"]]).toEqual([what, "DENY"]);
  expect([what, headers["x-content-type-options"]]).toEqual([what, "nosniff"]);
  expect([what, headers["referrer-policy"]]).toEqual([what, "strict-origin-when-cross-origin"]);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
};

test.describe("security headers and the map under its Content-Security-Policy", () => {
  test("the map page, an API answer and a tile carry them, and the map draws with no CSP refusal", async ({ page }, testInfo) => {
    const refusals: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) refusals.push(m.text());
    });
    const tileHeaders: Record<string, string>[] = [];
    page.on("response", (r) => {
      if (r.url().includes("/tiles/") && r.status() === 200) tileHeaders.push(r.headers());
    });
    const { given, then } = consoleDriver(page, testInfo);
    const main = page.waitForResponse((r) => new URL(r.url()).pathname === "/" && r.request().resourceType() === "document");
    await given.theMapIsOpen();
    expectSecurityHeaders((await main).headers(), "page");
    await then.theMapHasDrawn();
    await then.screenshot("map-under-csp");
    expect(tileHeaders.length).toBeGreaterThan(0);
    expectSecurityHeaders(tileHeaders[0], "tile");
    expectSecurityHeaders((await page.request.get("/api/district")).headers(), "api");
    expect(refusals).toEqual([]);
    then.noPageErrors();
  });

  test.describe("a role without the right to buildings", () => {
    test.use({ storageState: storageStateOf("admin") });
    test("gets HTTP 403 for /buildings/<id>, not a 500", async ({ page }) => {
      const { rows } = await sql<{ id: number }>`select id from building order by id limit 1`.execute(db.db);
      const response = await page.goto(`/buildings/${rows[0].id}`);
      expect(response?.status()).toBe(403);
      expectSecurityHeaders(response!.headers(), "403 page");
    });
  });
});
