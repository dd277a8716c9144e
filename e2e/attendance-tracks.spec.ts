import { expect, test } from "@playwright/test";
import { sql } from "kysely";
import fs from "node:fs";
import path from "node:path";
import { SCREENSHOT_DIR } from "./drivers/console-driver";
import { openE2eDb } from "./support/db";

/**
 * 巡查轨迹回放 (issue 11): the commander opens a grid worker's day from the team's month grid and replays the
 * day's patrol — the map draws it, play moves the walker along the fixes, the scrubber jumps. The patrol is one
 * the demo seed recorded (through lib's patrol rule), read from the database, not written into the test.
 */
test("a lead replays a worker's patrol of a day on the map", async ({ page }, testInfo) => {
  const conn = openE2eDb();
  const { rows } = await sql<{ staffId: number; day: string; points: number }>`
    select p.staff_id as "staffId", to_char(p.day, 'YYYY-MM-DD') as day, p.point_count as points
      from patrol p where p.counted and p.point_count >= 5
     order by p.day desc, p.staff_id limit 1`.execute(conn.db);
  await conn.db.destroy();
  const patrol = rows[0];
  expect(patrol, "the demo seed records patrols").toBeDefined();

  // Every day of the team's month grid opens that day's replay.
  await page.goto(`/attendance/days?month=${patrol.day.slice(0, 7)}`);
  await expect(page.locator('a[href^="/attendance/tracks?staff="]').first()).toBeVisible();
  await page.goto(`/attendance/tracks?staff=${patrol.staffId}&day=${patrol.day}`);
  await expect(page.getByTestId("track-replay-page")).toBeVisible();
  await expect(page.getByTestId("replay-patrol").first()).toBeVisible();
  await expect(page.getByTestId("replay-map")).toHaveAttribute("data-ready", "true", { timeout: 60_000 });

  const time = page.getByTestId("replay-time");
  const start = await time.textContent();
  await page.getByTestId("replay-play").click();
  await expect(time).not.toHaveText(start ?? "", { timeout: 10_000 });
  await page.getByTestId("replay-play").click();
  // The scrubber's last step stands the walker on the patrol's last fix (End key on a range input).
  await page.getByTestId("replay-scrubber").focus();
  await page.keyboard.press("End");
  await expect(page.getByTestId("replay-scrubber")).toHaveValue(String(patrol.points - 1));
  await expect(page.getByTestId("replay-map")).toHaveAttribute("data-idle", "true", { timeout: 60_000 });

  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, "attendance-track-replay.png");
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach("attendance-track-replay", { path: file, contentType: "image/png" });
});
