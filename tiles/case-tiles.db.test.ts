import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { connect } from "../db/client";
import { caseTileStatement } from "./case-tile-sql";
import { openTestDb } from "../db/testing/test-db";
import { appDatabaseUrl, testDatabaseUrl } from "../db/url";
import { refreshCaseMapOpen } from "./case-map-open";
import { binCaseHeat } from "../workers/jobs/bin-case-heat";
import { EMPTY_CASE_FILTER, parseCaseFilter, type CaseTileFilter } from "./case-filter";
import { bumpLayerVersion } from "./layer-version";
import { renderTile } from "./render-tile";
import { categoryId, FIXTURE_CASES, insertCase, loadFixtureCases, type FixtureCaseKey } from "./testing/case-fixture";
import { decodeTile, type DecodedFeature } from "./testing/decode";
import { loadTileFixture, type TileFixture } from "./testing/fixture";
import { lonLatToTile, tilesCoveringBbox, type TileCoord } from "./tile-math";

// Fixtures are written as the owner; the tiles are also rendered as the application role, where
// case_record's row-level security applies (only rows inside `gridatlas.scope` exist).
const conn = openTestDb();
const sql = conn.sql;
const app = connect(appDatabaseUrl(testDatabaseUrl()), { max: 2 });
let fx: TileFixture;
let ids: Record<FixtureCaseKey, number>;

const DISTRICT = ["110112"];
const WEST_STREET = ["110112.110112001"];
const EAST_STREET = ["110112.110112002"];
const DISTRICT_BBOX: [number, number, number, number] = [116.6, 39.76, 116.7, 39.84];

beforeAll(async () => {
  fx = await loadTileFixture(conn);
});
beforeEach(async () => {
  ids = await loadFixtureCases(sql, fx);
  await refreshCaseMapOpen(conn.db, { force: true });
});
afterAll(async () => {
  await app.db.destroy();
  await conn.db.destroy();
});

const a1 = (z: number) => lonLatToTile(FIXTURE_CASES.c1.lon, FIXTURE_CASES.c1.lat, z);

function filter(query: string): CaseTileFilter {
  const parsed = parseCaseFilter(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.filter;
}

async function caseFeatures(
  tile: TileCoord,
  scope: string[] | null = DISTRICT,
  query = "",
  as = app.sql,
): Promise<DecodedFeature[]> {
  return decodeTile(await renderTile(as, { layer: "case", ...tile, scope, filter: filter(query) })).case ?? [];
}

const idsOf = (features: DecodedFeature[]) => features.map((f) => f.id).sort((a, b) => Number(a) - Number(b));
const expectIds = (...keys: FixtureCaseKey[]) => keys.map((k) => ids[k]).sort((a, b) => a - b);

describe("the case layer: single cases from z15", () => {
  it("one point per case in the caller's area, the case id as feature id, with what the style needs", async () => {
    const features = await caseFeatures(a1(15));
    expect(idsOf(features)).toEqual(expectIds("c1", "c2", "c3"));
    const c1 = features.find((f) => f.id === ids.c1)!;
    expect(c1.type).toBe("Point");
    expect(c1.properties).toEqual({
      light: "red",
      state: "dispatched",
      category_id: await categoryId(sql, "dispute.family"),
      category_group: "dispute",
      urgency: "general",
      source: "grid_worker",
      level: "grid",
    });
    // a closed case has no light at all (the style draws it grey)
    expect(features.find((f) => f.id === ids.c3)!.properties.light).toBeUndefined();
  });

  it("a case outside the caller's area never appears, whatever the filter", async () => {
    expect(await caseFeatures(a1(15), EAST_STREET)).toEqual([]);
    expect(await caseFeatures(a1(15), EAST_STREET, "state=open")).toEqual([]);
    const b1 = lonLatToTile(FIXTURE_CASES.c4.lon, FIXTURE_CASES.c4.lat, 15);
    expect(idsOf(await caseFeatures(b1, EAST_STREET))).toEqual(expectIds("c4"));
    expect(await caseFeatures(b1, WEST_STREET)).toEqual([]);
  });

  it("the area rule: the same statement run bare by the application role sees no case at all", async () => {
    const { text, params } = caseTileStatement("case", a1(15), DISTRICT, EMPTY_CASE_FILTER);
    const [row] = await app.sql.unsafe<{ mvt: Uint8Array }[]>(text, params as never[]);
    expect(row.mvt.byteLength).toBe(0);
    // …while renderTile sets gridatlas.scope in its transaction and gets them
    expect(await caseFeatures(a1(15))).toHaveLength(3);
    // the view the tiles read applies the policy's rule: without the setting, or for another area, no row
    expect((await app.sql<{ n: number }[]>`select count(*)::int as n from case_map_point`)[0].n).toBe(0);
    const east = await app.sql.begin(async (tx) => {
      await tx`select set_config('gridatlas.scope', ${"{" + EAST_STREET[0] + "}"}, true)`;
      return tx<{ id: number }[]>`select id from case_map_point`;
    });
    expect(east.map((r) => r.id)).toEqual([ids.c4]);
  });

  it.each([
    ["state=open", ["c1", "c2"]],
    ["state=done", ["c3"]],
    ["state=closed", ["c3"]],
    ["state=dispatched,closed", ["c1", "c3"]],
    ["state=all", ["c1", "c2", "c3"]],
    ["light=red", ["c1"]],
    ["light=red,green", ["c1", "c2"]],
    ["source=hotline", ["c2", "c3"]],
    ["source=hotline,grid_worker", ["c1", "c2", "c3"]],
    // c3 was reported at 07:00 on 1 Feb in Beijing (23:00 on 31 Jan UTC): it belongs to 1 Feb
    ["from=2026-02-01", ["c1", "c2", "c3"]],
    ["from=2026-02-02", ["c1", "c2"]],
    ["to=2026-01-31", []],
    ["to=2026-02-01", ["c3"]],
    ["from=2026-03-10&to=2026-03-10", ["c1"]],
    ["state=open&source=hotline", ["c2"]],
  ] as [string, FixtureCaseKey[]][])("filter %s → %j", async (query, expected) => {
    expect(idsOf(await caseFeatures(a1(15), DISTRICT, query))).toEqual(expectIds(...expected));
  });

  it("a category filter includes the whole subtree", async () => {
    const dispute = await categoryId(sql, "dispute");
    const family = await categoryId(sql, "dispute.family");
    const hazard = await categoryId(sql, "hazard");
    expect(idsOf(await caseFeatures(a1(15), DISTRICT, `category=${dispute}`))).toEqual(expectIds("c1", "c3"));
    expect(idsOf(await caseFeatures(a1(15), DISTRICT, `category=${family}`))).toEqual(expectIds("c1"));
    expect(idsOf(await caseFeatures(a1(15), DISTRICT, `category=${family},${hazard}`))).toEqual(expectIds("c1", "c2"));
  });
});

describe("the case layer: cells below z15", () => {
  it("the three A1 cases make one cell at z14 with their counts by light and the most frequent group, no id", async () => {
    const features = await caseFeatures(a1(14));
    expect(features).toHaveLength(1);
    expect(features[0].id).toBeUndefined();
    expect(features[0].properties).toEqual({ count: 3, red: 1, yellow: 0, green: 1, top_group: "dispute" });
    // filters apply to the cells too
    expect((await caseFeatures(a1(14), DISTRICT, "state=open"))[0].properties).toMatchObject({ count: 2, red: 1, green: 1 });
    expect(await caseFeatures(a1(14), DISTRICT, "light=yellow")).toEqual([]);
  });

  it("open-only filters read the open-case copy: a new case shows as a single case at once, in the cells after the refresh", async () => {
    const caseVersion = async () =>
      Number((await sql<{ version: number }[]>`select version from layer_version where layer = 'case'`)[0].version);
    await insertCase(sql, fx, { ...FIXTURE_CASES.c1, light: "yellow" });
    expect(await caseFeatures(a1(15), DISTRICT, "state=open")).toHaveLength(3);
    expect((await caseFeatures(a1(14), DISTRICT, "state=open"))[0].properties).toMatchObject({ count: 2, yellow: 0 });
    // all states: read live from case_record
    expect((await caseFeatures(a1(14)))[0].properties).toMatchObject({ count: 4, yellow: 1 });
    // the worker's refresh runs when the case layer's version moved, and moves it once more
    await bumpLayerVersion(conn.db, ["case"]);
    const before = await caseVersion();
    expect(await refreshCaseMapOpen(conn.db)).toMatchObject({ refreshed: true, cases: 4, caseVersion: before + 1 });
    expect((await caseFeatures(a1(14), DISTRICT, "state=open"))[0].properties).toMatchObject({
      count: 3,
      yellow: 1,
      red: 1,
      green: 1,
    });
    expect((await caseFeatures(a1(14), DISTRICT, "light=yellow"))[0].properties).toMatchObject({ count: 1 });
    // nothing changed since: no copy, no bump
    expect(await refreshCaseMapOpen(conn.db)).toMatchObject({ refreshed: false });
    expect(await caseVersion()).toBe(before + 1);
  });

  it("the open-case copy has the same row-level security as case_record", async () => {
    const [bare] = await app.sql<{ n: number }[]>`select count(*)::int as n from case_map_open`;
    expect(bare.n).toBe(0);
    const inScope = await app.sql.begin(async (tx) => {
      await tx`select set_config('gridatlas.scope', ${"{" + EAST_STREET[0] + "}"}, true)`;
      return tx<{ id: number }[]>`select id from case_map_open`;
    });
    expect(inScope.map((r) => r.id)).toEqual([ids.c4]);
    expect(await caseFeatures(a1(14), EAST_STREET, "state=open")).toEqual([]);
  });

  it.each([8, 10, 12, 14])("every case is counted exactly once over the tiles covering the district at z%i", async (z) => {
    let total = 0;
    let east = 0;
    for (const t of tilesCoveringBbox(DISTRICT_BBOX, z)) {
      for (const f of await caseFeatures(t)) total += Number(f.properties.count);
      for (const f of await caseFeatures(t, EAST_STREET)) east += Number(f.properties.count);
    }
    expect(total).toBe(5);
    expect(east).toBe(1);
    // and the open cases once, from the copy
    let open = 0;
    for (const t of tilesCoveringBbox(DISTRICT_BBOX, z))
      for (const f of await caseFeatures(t, DISTRICT, "state=open")) open += Number(f.properties.count);
    expect(open).toBe(3);
  });
});

describe("heat bins (workers/jobs/bin-case-heat.ts)", () => {
  const bins = () =>
    sql<{ day: string; code: string; cell_x: number; cell_y: number; count: number }[]>`
      select to_char(b.day, 'YYYY-MM-DD') as day, k.code, b.cell_x, b.cell_y, b.count
        from case_heat_bin b join case_category k on k.id = b.category_id order by b.day, k.code`;
  const heatVersion = async () =>
    Number(
      (
        await sql<
          { version: number }[]
        >`select coalesce((select version from layer_version where layer = 'case_heat'), 0) as version`
      )[0].version,
    );

  it("bins every case exactly once, by local day, category and 250 m cell, however often the job runs", async () => {
    const v0 = await heatVersion();
    expect(await binCaseHeat(conn)).toMatchObject({ cases: 5 });
    expect(await binCaseHeat(conn)).toEqual({ cases: 0, bins: 0, batches: 0 });
    const rows = await bins();
    expect(rows.reduce((n, r) => n + r.count, 0)).toBe(5);
    // c3: 07:00 on 1 Feb in Beijing is its day, not the UTC date (31 Jan)
    expect(rows.find((r) => r.code === "dispute.labour")!.day).toBe("2026-02-01");
    // the cell is floor(x / 250), floor(y / 250) of the 3857 point
    const [cell] = await sql<{ x: number; y: number }[]>`
      select floor(st_x(p) / 250)::int as x, floor(st_y(p) / 250)::int as y
        from st_transform(st_setsrid(st_makepoint(${FIXTURE_CASES.c1.lon}, ${FIXTURE_CASES.c1.lat}), 4326), 3857) p`;
    expect(rows.find((r) => r.code === "dispute.family")).toMatchObject({
      day: "2026-03-10",
      cell_x: cell.x,
      cell_y: cell.y,
      count: 1,
    });
    // the first run bumped the heat layer's version, the idle second run did not
    expect(await heatVersion()).toBe(v0 + 1);
  });

  it("adds to an existing bin (count = count + new) and marks only the new case", async () => {
    await binCaseHeat(conn);
    await insertCase(sql, fx, { ...FIXTURE_CASES.c1, reportedAt: "2026-03-10T18:00:00+08:00" });
    expect(await binCaseHeat(conn)).toMatchObject({ cases: 1, bins: 1 });
    expect((await bins()).find((r) => r.code === "dispute.family")!.count).toBe(2);
  });

  it("keeps the all-time totals per cell in the same statement, and rebuilds them after a bulk load of bins", async () => {
    await binCaseHeat(conn);
    await insertCase(sql, fx, { ...FIXTURE_CASES.c1, category: "hazard.transport" });
    await binCaseHeat(conn);
    const totals = async () =>
      (await sql<{ count: number }[]>`select count from case_heat_total where level = 0 order by count desc, cell_x`).map(
        (r) => r.count,
      );
    // c1, c2, c3 and the new case share one cell of grid A1; A2 and B1 have one each
    expect(await totals()).toEqual([4, 1, 1]);
    // every coarser level sums to the same 6 cases
    const levels = await sql<
      { level: number; n: number }[]
    >`select level, sum(count)::int as n from case_heat_total group by 1 order by 1`;
    expect(levels).toEqual([0, 1, 2, 3, 4].map((level) => ({ level, n: 6 })));
    // a loader that writes bins itself (the demo generator) leaves the totals empty: the next run derives them
    await sql`delete from case_heat_total`;
    expect(await binCaseHeat(conn)).toEqual({ cases: 0, bins: 0, batches: 0 });
    expect(await totals()).toEqual([4, 1, 1]);
  });

  it("two runs at once, in batches of one, still count each case once", async () => {
    const results = await Promise.all([binCaseHeat(conn, { batchSize: 1 }), binCaseHeat(conn, { batchSize: 1 })]);
    expect(results[0].cases + results[1].cases).toBe(5);
    expect((await bins()).reduce((n, r) => n + r.count, 0)).toBe(5);
    const [left] = await sql<{ n: number }[]>`select count(*)::int as n from case_record where not heat_binned`;
    expect(left.n).toBe(0);
  });
});

describe("the case_heat layer", () => {
  async function heat(tile: TileCoord, scope: string[] | null = DISTRICT, query = ""): Promise<DecodedFeature[]> {
    return decodeTile(await renderTile(app.sql, { layer: "case_heat", ...tile, scope, filter: filter(query) })).case_heat ?? [];
  }
  const weight = (features: DecodedFeature[]) => features.reduce((n, f) => n + Number(f.properties.weight), 0);

  beforeEach(async () => {
    await binCaseHeat(conn);
  });

  it("sums the bins of a cell: the three A1 cases are one 250 m cell of weight 3 at z14", async () => {
    const features = await heat(a1(14));
    expect(features).toHaveLength(1);
    expect(features[0].properties).toEqual({ weight: 3, k: 0 });
    expect(typeof features[0].id).toBe("number");
  });

  it("honours the time range (local days) and the category subtree", async () => {
    const dispute = await categoryId(sql, "dispute");
    expect(weight(await heat(a1(14), DISTRICT, `category=${dispute}`))).toBe(2);
    expect(weight(await heat(a1(14), DISTRICT, "from=2026-02-02"))).toBe(2);
    expect(weight(await heat(a1(14), DISTRICT, "to=2026-02-01"))).toBe(1);
    expect(weight(await heat(a1(14), DISTRICT, `from=2026-02-01&to=2026-03-31&category=${dispute}`))).toBe(2);
  });

  it("keeps to the caller's area through the bins' basic grid", async () => {
    expect(await heat(a1(14), EAST_STREET)).toEqual([]);
    let east = 0;
    for (const t of tilesCoveringBbox(DISTRICT_BBOX, 12)) east += weight(await heat(t, EAST_STREET));
    expect(east).toBe(1);
  });

  it.each([8, 10, 12, 14])(
    "each bin counts once over the tiles covering the district at z%i (coarser cells below z12)",
    async (z) => {
      let total = 0;
      const levels = new Set<number>();
      for (const t of tilesCoveringBbox(DISTRICT_BBOX, z)) {
        for (const f of await heat(t)) {
          total += Number(f.properties.weight);
          levels.add(Number(f.properties.k));
        }
      }
      expect(total).toBe(5);
      expect([...levels]).toEqual([{ 8: 4, 10: 2, 12: 0, 14: 0 }[z]]);
    },
  );

  it("is made from the bins only: a new case shows on the heat map after the job has binned it", async () => {
    await insertCase(sql, fx, FIXTURE_CASES.c2);
    expect(weight(await heat(a1(14)))).toBe(3);
    expect(await caseFeatures(a1(14))).toMatchObject([{ properties: { count: 4 } }]);
    await binCaseHeat(conn);
    expect(weight(await heat(a1(14)))).toBe(4);
  });
});
