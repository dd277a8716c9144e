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
  // A person's day with a counted patrol; the replay opens on the day's first patrol, whose fixes are counted here.
  const { rows } = await sql<{ staffId: number; day: string; points: number }>`
    with d as (select staff_id, day from patrol where counted and point_count >= 5 order by day desc, staff_id limit 1),
         first as (select p.id, p.staff_id, p.day from patrol p join d using (staff_id, day) order by p.started_at, p.id limit 1)
    select first.staff_id as "staffId", to_char(first.day, 'YYYY-MM-DD') as day,
           (select count(*)::int from patrol_point pp where pp.patrol_id = first.id) as points
      from first`.execute(conn.db);
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
