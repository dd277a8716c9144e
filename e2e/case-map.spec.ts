import { expect, test, type Page } from "@playwright/test";
import { sql } from "kysely";
import { connect } from "../db/client";
import { refreshCaseMapOpen } from "../tiles/case-map-open";
import { CASE_LIGHT_COLORS } from "../tiles/style";
import { consoleDriver } from "./drivers/console-driver";
import { e2eDatabaseUrl } from "./support/e2e-env";

/**
 * The case layers of the map as the district commander uses them: open cases drawn in their light colours,
 * a click opening the case beside the map, Escape closing it, filters from the keyboard, the heat layer.
 *
 * The spec brings its own cases (a red and a green open case side by side, with a timeline row) in a spot of
 * the district where no other case lies within 80 m, so clicks and colours are unambiguous whatever the demo
 * data holds; it removes them afterwards. E2E_DATABASE_URL points a private run at another database.
 */
const db = connect(process.env.E2E_DATABASE_URL ?? e2eDatabaseUrl(), { max: 2 });

type Facts = { id: number; number: string; lon: number; lat: number };
let red: Facts;
let green: Facts;

test.beforeAll(async () => {
  // a populated basic grid, and a point in it far from buildings and from every existing case
  const { rows: spots } = await sql<{ grid_id: number; path: string; lon: number; lat: number }>`
    select g.id as grid_id, g.path::text as path, st_x(p.pt) as lon, st_y(p.pt) as lat
      from region g
      cross join lateral (
        select st_pointonsurface(coalesce(nullif(st_difference(g.geom, coalesce(
          (select st_union(st_buffer(b.geom::geography, 40)::geometry) from building b where b.grid_id = g.id),
          'GEOMETRYCOLLECTION EMPTY'::geometry)), 'GEOMETRYCOLLECTION EMPTY'::geometry), g.geom)) as pt
      ) p
     where g.level = 4 and g.households > 0
       and not exists (select 1 from case_record c where st_dwithin(c.geom::geography, p.pt::geography, 80))
     order by g.code
     limit 1`.execute(db.db);
  const spot = spots[0];
  const insert = async (light: "red" | "green", dLon: number, state: string) => {
    const { rows } = await sql<Facts>`
      insert into case_record (district_code, source, kind, category_id, description, address, geom, grid_id, region_path,
                               urgency, level, state, stage, stage_started_at, yellow_at, deadline_at, light, reported_at, channel)
      select g.district_code, 'grid_worker', k.kind, k.id, ${`地图测试事件（${light}）：楼道堆放杂物`}, '通州区测试路1号',
             st_setsrid(st_makepoint(${spot.lon + dLon}, ${spot.lat}), 4326), g.id, g.path, 'urgent', 'community', ${state}, 'handle',
             now() - interval '2 days',
             now() + (case when ${light} = 'red' then interval '-2 days' else interval '3 days' end) - interval '1 hour',
             now() + (case when ${light} = 'red' then interval '-1 day' else interval '4 days' end),
             ${light}, now() - interval '2 days', 'console'
        from region g, case_category k
       where g.id = ${spot.grid_id} and k.code = 'hazard.fire_safety'
      returning id, number, st_x(geom) as lon, st_y(geom) as lat`.execute(db.db);
    const facts = rows[0];
    await sql`
      insert into case_event (case_id, at, actor_name, action, from_state, to_state, note)
      values (${facts.id}, now() - interval '2 days', '地图测试网格员', 'report', null, 'reported', '现场发现楼道堆放杂物')`.execute(
      db.db,
    );
    return facts;
  };
  // ~40 m apart: two separate points at z16
  red = await insert("red", 0, "dispatched");
  green = await insert("green", 0.0005, "acknowledged");
  // the cells below z15 read the open-case copy the worker keeps (there is no worker beside the e2e server)
  await refreshCaseMapOpen(db.db, { force: true });
});

test.afterAll(async () => {
  if (red && green) {
    await sql`delete from case_event where case_id in (${red.id}, ${green.id})`.execute(db.db);
    await sql`delete from case_record where id in (${red.id}, ${green.id})`.execute(db.db);
    await refreshCaseMapOpen(db.db, { force: true });
  }
  await db.db.destroy();
});

/** The case points drawn in the view: id → the colour the map painted it with (rgb 0–255). */
function drawnCases(page: Page) {
  return page.evaluate(() => {
    type Rgba = { r: number; g: number; b: number };
    const map = (
      window as unknown as {
        __gridatlasMap: { queryRenderedFeatures(o: object): { id?: number; layer: { paint: Record<string, Rgba> } }[] };
      }
    ).__gridatlasMap;
    const out: Record<number, [number, number, number]> = {};
    for (const f of map.queryRenderedFeatures({ layers: ["case-point"] })) {
      const c = f.layer.paint["circle-color"];
      out[Number(f.id)] = [Math.round(c.r * 255), Math.round(c.g * 255), Math.round(c.b * 255)];
    }
    return out;
  });
}

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

async function jumpTo(page: Page, facts: Facts, zoom: number) {
  await page.evaluate(
    ([lon, lat, z]) =>
      (window as unknown as { __gridatlasMap: { jumpTo(o: object): void } }).__gridatlasMap.jumpTo({
        center: [lon, lat],
        zoom: z,
      }),
    [facts.lon, facts.lat, zoom] as const,
  );
}

test.describe("cases on the map", () => {
  test("the commander sees open cases in their light colours; a click opens the case beside the map; Esc closes it", async ({
    page,
  }, testInfo) => {
    const { given, when, then } = consoleDriver(page, testInfo);
    await given.theMapIsOpen();
    await expect(page.getByTestId("case-filter-bar")).toBeVisible();
    await expect(page.getByTestId("map")).toHaveAttribute("data-case-layer", "visible");
    // the district view: cells with counts (at least our two cases)
    await expect
      .poll(async () => Number(await page.getByTestId("map").getAttribute("data-cases-in-view")))
      .toBeGreaterThanOrEqual(2);
    await expect(page.getByTestId("case-legend")).toContainText("红灯（超期）");
    await then.screenshot("case-map-district");

    await jumpTo(page, red, 16.5);
    await when.waitForMapIdle();
    const drawn = await drawnCases(page);
    expect(drawn[red.id]).toEqual(rgb(CASE_LIGHT_COLORS.red));
    expect(drawn[green.id]).toEqual(rgb(CASE_LIGHT_COLORS.green));
    await then.screenshot("case-map-points");

    await when.clickMapAt([red.lon, red.lat]);
    const panel = page.getByTestId("case-panel");
    await expect(panel).toBeVisible();
    await expect(panel).toHaveAttribute("data-case-id", String(red.id));
    await expect(page.getByTestId("panel-title")).toHaveText(red.number);
    await expect(panel.getByTestId("case-light")).toHaveAttribute("data-light", "red");
    await expect(panel.getByTestId("case-state")).toHaveText("已派遣");
    await expect(panel.getByTestId("case-category")).toContainText("安全消防");
    await expect(panel.getByTestId("case-deadline")).toContainText("已超期");
    await expect(panel.getByTestId("case-address")).toHaveText(/通州区测试路1号/);
    await expect(panel.getByTestId("case-event").first()).toContainText("上报");
    await expect(page.getByTestId("open-case")).toHaveAttribute("href", `/cases/${red.id}`);
    await expect(page).toHaveURL(new RegExp(`[?&]case=${red.id}\\b`));
    await when.waitForMapIdle();
    await then.screenshot("case-map-panel");

    await when.closeThePanelWithEscape();
    await expect(page.getByTestId("side-panel")).toHaveCount(0);
    await expect(page).not.toHaveURL(/[?&]case=/);
    then.noPageErrors();
  });

  test("filters work from the keyboard and live in the URL; a link restores them", async ({ page }, testInfo) => {
    const { given, when, then } = consoleDriver(page, testInfo);
    await given.theMapIsOpen();
    await jumpTo(page, red, 16.5);
    await when.waitForMapIdle();
    // Tab to the "超期" light chip and press Space: only red cases remain
    const redChip = page.getByTestId("case-filter-light-red");
    await redChip.focus();
    await page.keyboard.press("Space");
    await expect(redChip).toHaveAttribute("aria-pressed", "true");
    await expect(page).toHaveURL(/[?&]light=red\b/);
    await when.waitForMapIdle();
    await expect.poll(async () => Object.keys(await drawnCases(page)).map(Number)).toContain(red.id);
    expect(Object.keys(await drawnCases(page)).map(Number)).not.toContain(green.id);
    // the state select with the keyboard: 已办结 hides both (closed cases have no light)
    const state = page.getByTestId("case-filter-state");
    await state.focus();
    await page.keyboard.press("ArrowDown");
    await expect(page).toHaveURL(/[?&]state=done\b/);
    await when.waitForMapIdle();
    await expect.poll(async () => Object.keys(await drawnCases(page)).length).toBe(0);
    await expect(page.getByTestId("case-status")).toHaveText("当前范围和筛选条件下没有事件");
    // reset, then the same filter straight from a link
    await page.getByTestId("case-filter-reset").click();
    await expect(page).not.toHaveURL(/light=|state=/);
    await given.theMapIsOpen(`?light=green&case=${green.id}`);
    await expect(page.getByTestId("case-filter-light-green")).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByTestId("case-panel")).toHaveAttribute("data-case-id", String(green.id));
    then.noPageErrors();
  });

  test("the heat layer and the colouring by category", async ({ page }, testInfo) => {
    const { given, when, then } = consoleDriver(page, testInfo);
    await given.theMapIsOpen();
    await page.getByTestId("case-heat-toggle").click();
    await expect(page).toHaveURL(/[?&]heat=1\b/);
    await expect(page.getByTestId("map")).toHaveAttribute("data-heat-layer", "visible");
    await expect.poll(async () => Number(await page.getByTestId("map").getAttribute("data-heat-cells"))).toBeGreaterThan(0);
    await expect(page.getByTestId("heat-legend")).toBeVisible();
    await page.getByTestId("case-color-category").click();
    await expect(page.getByTestId("case-legend")).toHaveAttribute("data-color", "category");
    await when.waitForMapIdle();
    await then.screenshot("case-map-heat");
    then.noPageErrors();
  });
});
