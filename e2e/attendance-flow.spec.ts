import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { sql } from "kysely";
import fs from "node:fs";
import path from "node:path";
import { connect } from "../db/client";
import { findRuleInForce } from "../db/queries/attendance-rule";
import { storageStateOf } from "./support/accounts";
import { e2eDatabaseUrl } from "./support/e2e-env";

/**
 * The attendance flow (issue 11, e2e): the demo grid worker has a normal day (punches inside the fence) and a
 * flagged one (an "in" outside the fence, the "out" forgotten); HR recomputes both days; the worker, on a phone
 * viewport, sees them and asks for a 补卡 of the missing out; the 小区网格长 approves it; HR's monthly report of
 * that month shows the correction and the day outside. The punches are written into the database here, as the
 * phone page would have (the punch spec drives that page itself). Screenshots in test-results/screenshots.
 */

const db = connect(process.env.E2E_DATABASE_URL ?? e2eDatabaseUrl(), { max: 2 });
test.afterAll(async () => {
  await db.db.destroy();
});

const SCREENSHOT_DIR = path.resolve("test-results", "screenshots");
async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

type Facts = { staffId: number; normalDay: string; flaggedDay: string };

/** The grid worker's staff record and the two working days before today (Beijing), from the calendar table. */
async function facts(): Promise<Facts> {
  const { rows } = await sql<{ staffId: number }>`
    select s.id as "staffId" from staff s join app_user u on u.id = s.user_id where u.username = 'gridworker'`.execute(db.db);
  if (!rows[0]) throw new Error("the demo grid worker has no staff record");
  const { rows: days } = await sql<{ day: string }>`
    select to_char(d, 'YYYY-MM-DD') as day
      from generate_series((now() at time zone 'Asia/Shanghai')::date - 14, (now() at time zone 'Asia/Shanghai')::date - 1, interval '1 day') d
     where (extract(isodow from d) < 6 and not exists (select 1 from calendar_day c where c.day = d::date and c.kind = 'holiday'))
        or exists (select 1 from calendar_day c where c.day = d::date and c.kind = 'workday')
     order by d desc limit 2`.execute(db.db);
  return { staffId: rows[0].staffId, flaggedDay: days[0].day, normalDay: days[1].day };
}

/** "HH:MM" of minutes after midnight. */
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** The shift of the person on a day (whatever rule another spec set), the documented default without one. */
async function shiftOf(staffId: number, day: string): Promise<{ start: number; end: number }> {
  const { rule } = await findRuleInForce(db.db, staffId, day);
  return { start: rule?.startMinute ?? 540, end: rule?.endMinute ?? 1020 };
}

async function punch(staffId: number, day: string, kind: "in" | "out", hhmm: string, inside: boolean) {
  await sql`
    insert into attendance_punch (staff_id, request_id, kind, server_at, day, position, accuracy_m, inside, review_flags)
    values (${staffId}, gen_random_uuid(), ${kind}, (${`${day} ${hhmm}:00`}::timestamp at time zone 'Asia/Shanghai'), ${day}::date,
            st_setsrid(st_makepoint(116.65, 39.9), 4326), 12, ${inside}, ${inside ? sql`'{}'` : sql`'{outside}'`}::text[])`.execute(
    db.db,
  );
}

test("a normal day, a flagged day, a 补卡 approved by the lead, the monthly report shows it", async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const f = await facts();
  const month = f.flaggedDay.slice(0, 7);
  // A clean slate for the two days (a rerun of the spec).
  await sql`delete from attendance_punch where staff_id = ${f.staffId} and day in (${f.normalDay}::date, ${f.flaggedDay}::date)`.execute(
    db.db,
  );
  await sql`delete from attendance_request where staff_id = ${f.staffId} and day in (${f.normalDay}::date, ${f.flaggedDay}::date)`.execute(
    db.db,
  );
  await sql`delete from attendance_month_report where month = ${`${month}-01`}::date`.execute(db.db);
  const normalShift = await shiftOf(f.staffId, f.normalDay);
  const flaggedShift = await shiftOf(f.staffId, f.flaggedDay);
  await punch(f.staffId, f.normalDay, "in", hhmm(normalShift.start - 8), true);
  await punch(f.staffId, f.normalDay, "out", hhmm(normalShift.end + 6), true);
  await punch(f.staffId, f.flaggedDay, "in", hhmm(flaggedShift.start - 3), false);

  const hr = await browser.newContext({ storageState: storageStateOf("hrclerk") });
  const hrPage = await hr.newPage();
  await hrPage.goto("/attendance/reports");
  for (const day of [f.normalDay, f.flaggedDay]) {
    const res = await hrPage.request.post("/api/attendance/days/recompute", { data: { day } });
    expect(res.status(), await res.text()).toBe(200);
  }

  // The grid worker on the phone: the two days, then a 补卡 for the forgotten out.
  const phone = await browser.newContext({
    storageState: storageStateOf("gridworker"),
    viewport: { width: 390, height: 844 },
    hasTouch: true,
  });
  const worker = await phone.newPage();
  await worker.goto(`/m/attendance/days?month=${month}`);
  await expect(worker.locator(`[data-testid=my-day][data-day="${f.flaggedDay}"]`)).toHaveAttribute(
    "data-status",
    "missing_punch",
  );
  if (f.normalDay.startsWith(month)) {
    await expect(worker.locator(`[data-testid=my-day][data-day="${f.normalDay}"]`)).toHaveAttribute("data-status", "normal");
  }
  await worker.getByTestId("request-kind-correction").click();
  await worker.getByTestId("request-day").fill(f.flaggedDay);
  await worker.getByTestId("request-punch-kind").selectOption("out");
  await worker.getByTestId("request-time").fill(hhmm(flaggedShift.end + 20));
  await worker.getByTestId("request-reason").fill("下班时手机没电，未能打卡");
  await worker.getByTestId("request-submit").click();
  await expect(worker.getByTestId("request-ok")).toBeVisible();
  await expect(worker.locator("[data-testid=my-request][data-state=pending]").first()).toBeVisible();
  await screenshot(worker, testInfo, "attendance-my-days-phone");

  // The 小区网格长 approves it.
  const lead = await browser.newContext({ storageState: storageStateOf("xiaoqu") });
  const leadPage = await lead.newPage();
  await leadPage.goto("/attendance/requests");
  const row = leadPage.locator("[data-testid=request-row]", { hasText: "下班时手机没电" });
  await expect(row).toBeVisible();
  await screenshot(leadPage, testInfo, "attendance-requests-queue");
  await row.getByTestId("request-approve").click();
  await expect(leadPage.locator("[data-testid=request-row]", { hasText: "下班时手机没电" })).toHaveCount(0);
  const { rows: decided } = await sql<{ state: string; punches: number; status: string }>`
    select q.state, (select count(*)::int from attendance_punch p where p.correction_id = q.id) as punches,
           (select d.status from attendance_day d where d.staff_id = q.staff_id and d.day = q.day) as status
      from attendance_request q where q.staff_id = ${f.staffId} and q.day = ${f.flaggedDay}::date`.execute(db.db);
  // The out is filled in; the in stays outside the fence, so the day stays flagged for review.
  expect(decided).toEqual([{ state: "approved", punches: 1, status: "outside" }]);

  // HR's monthly report of the month shows the correction and the day outside.
  await hrPage.goto(`/attendance/reports?month=${month}`);
  await hrPage.getByTestId("report-month").fill(month);
  await hrPage.getByTestId("report-generate").click();
  await expect(hrPage.getByTestId("report-message")).toBeVisible();
  await hrPage.goto(`/attendance/reports?month=${month}`);
  const { rows: staffNo } = await sql<{ no: string }>`select staff_no as no from staff where id = ${f.staffId}`.execute(db.db);
  const reportRow = hrPage.locator(`[data-testid=report-row][data-staff-no="${staffNo[0].no}"]`);
  await expect(reportRow.locator('[data-figure="补卡次数"]')).toHaveText("1");
  await expect(reportRow.locator('[data-figure="范围外打卡天数"]')).toHaveText("1");
  await screenshot(hrPage, testInfo, "attendance-month-report");
  await reportRow.scrollIntoViewIfNeeded();
  await screenshot(hrPage, testInfo, "attendance-month-report-row");

  // The team grid of the lead shows the two days coloured.
  await leadPage.goto(`/attendance/days?month=${month}`);
  await expect(leadPage.locator(`[data-testid=team-person][data-staff-no="${staffNo[0].no}"]`)).toBeVisible();
  await screenshot(leadPage, testInfo, "attendance-team-days");
  await Promise.all([hr.close(), phone.close(), lead.close()]);
});
