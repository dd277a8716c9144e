import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "../../db/client";
import { contextWithAssignments, type RequestContext } from "../context";
import { withSeededDistrict } from "../testing/seeded-district";
import { deleteAllCases, insertTestCases, twoCommunities, type TwoCommunities } from "../testing/case-list-fixtures";
import { listCases } from "./list-cases";

let owner: Connection;
let app: Connection;
let district: RequestContext;

withSeededDistrict((c, ctx, a) => {
  owner = c;
  district = ctx;
  app = a;
});

let area: TwoCommunities;
let communityHead: RequestContext;

beforeAll(async () => {
  area = await twoCommunities(owner.db);
  communityHead = await contextWithAssignments(app.db, [{ role: "community_head", regionId: area.own.community }]);
});

/** Every id of the list under the filters, walking all pages of `limit`. */
async function allIds(ctx: RequestContext, filters: Record<string, string | number> = {}, limit = 50): Promise<number[]> {
  const ids: number[] = [];
  let after: string | undefined;
  for (let i = 0; i < 1000; i++) {
    const page = await listCases({ ctx, input: { ...filters, after, limit } as never });
    ids.push(...page.cases.map((c) => c.id));
    if (!page.nextCursor) return ids;
    after = page.nextCursor;
  }
  throw new Error("too many pages");
}

describe("listCases: scope", () => {
  let own: number[];
  let other: number[];
  beforeAll(async () => {
    await deleteAllCases(owner.db);
    own = await insertTestCases(owner.db, [
      { gridId: area.own.grid, reportedAt: "2026-03-02T02:00:00Z", description: "本社区垃圾暴露" },
      { gridId: area.own.grid, reportedAt: "2026-03-03T02:00:00Z", description: "本社区井盖缺失", category: "component.manhole" },
    ]);
    other = await insertTestCases(owner.db, [
      { gridId: area.other.grid, reportedAt: "2026-03-02T03:00:00Z", description: "邻社区垃圾暴露" },
    ]);
  });

  it("a community head sees the own community's cases and never another community's", async () => {
    const ids = await allIds(communityHead);
    expect(ids.sort()).toEqual([...own].sort());
    expect(ids).not.toContain(other[0]);
    // Not by a text search, not by naming the other community as the area.
    expect(await allIds(communityHead, { q: "邻社区" })).toEqual([]);
    await expect(listCases({ ctx: communityHead, input: { area: area.other.community } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("the district sees both, and the area filter narrows to one community", async () => {
    expect((await allIds(district)).sort()).toEqual([...own, ...other].sort());
    expect((await allIds(district, { area: area.other.community })).sort()).toEqual(other);
  });

  it("row-level security hides other areas even if the query's own filter were missing", async () => {
    // The application role inside a transaction scoped to the own community: the other case does not exist for it.
    const seen = await app.db.transaction().execute(async (trx) => {
      await sql`select set_config('gridatlas.scope', ${`{${area.own.communityPath}}`}, true)`.execute(trx);
      const { rows } = await sql<{ id: number }>`select id from case_record order by id`.execute(trx);
      return rows.map((r) => r.id);
    });
    expect(seen.sort()).toEqual([...own].sort());
  });

  it("a role without case.read is refused", async () => {
    const hr = await contextWithAssignments(app.db, [{ role: "hr_clerk", regionId: area.own.community }]);
    await expect(listCases({ ctx: hr, input: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("listCases: filters", () => {
  let ids: Record<string, number>;
  beforeAll(async () => {
    await deleteAllCases(owner.db);
    const g = area.own.grid;
    const [garbage, manhole, family, red, hotline, closed, streetLevel, emergency, lateOnDay, nextDay] = await insertTestCases(
      owner.db,
      [
        {
          gridId: g,
          reportedAt: "2026-04-01T02:00:00Z",
          category: "event.exposed_garbage",
          description: "小区门口垃圾堆放",
          address: "悟仙观路 12 号",
        },
        { gridId: g, reportedAt: "2026-04-02T02:00:00Z", category: "component.manhole", description: "井盖缺失" },
        { gridId: g, reportedAt: "2026-04-03T02:00:00Z", category: "dispute.family", description: "邻里噪音纠纷" },
        { gridId: g, reportedAt: "2026-04-04T02:00:00Z", light: "red", state: "dispatched", description: "超期案件" },
        { gridId: g, reportedAt: "2026-04-05T02:00:00Z", source: "hotline", description: "热线工单" },
        { gridId: g, reportedAt: "2026-04-06T02:00:00Z", state: "closed", light: "red", description: "已结案（灯为旧值）" },
        { gridId: g, reportedAt: "2026-04-07T02:00:00Z", level: "street", description: "街道级案件" },
        { gridId: g, reportedAt: "2026-04-08T02:00:00Z", urgency: "emergency", description: "特急案件" },
        // 23:59:59 on 10 April in Beijing, and midnight starting 11 April.
        { gridId: g, reportedAt: "2026-04-10T15:59:59Z", description: "四月十日深夜" },
        { gridId: g, reportedAt: "2026-04-10T16:00:00Z", description: "四月十一日零点" },
      ],
    );
    ids = { garbage, manhole, family, red, hotline, closed, streetLevel, emergency, lateOnDay, nextDay };
  });

  const only = async (filters: Record<string, string | number>) => (await allIds(district, filters)).sort((a, b) => a - b);

  it("category includes its subtree", async () => {
    const { rows } = await sql<{ id: number }>`select id from case_category where code = 'dispute'`.execute(owner.db);
    expect(await only({ category: rows[0].id })).toEqual([ids.family]);
    const { rows: leaf } = await sql<{ id: number }>`select id from case_category where code = 'component.manhole'`.execute(
      owner.db,
    );
    expect(await only({ category: leaf[0].id })).toEqual([ids.manhole]);
  });

  it("state, open states, light (open cases only), source, level, urgency", async () => {
    expect(await only({ state: "closed" })).toEqual([ids.closed]);
    expect(await only({ state: "open" })).not.toContain(ids.closed);
    expect((await only({ state: "open" })).length).toBe(9);
    expect(await only({ light: "red" })).toEqual([ids.red]);
    expect(await only({ source: "hotline" })).toEqual([ids.hotline]);
    expect(await only({ level: "street" })).toEqual([ids.streetLevel]);
    expect(await only({ urgency: "emergency" })).toEqual([ids.emergency]);
  });

  it("text search finds the number, description and address; LIKE wildcards are taken literally", async () => {
    const { rows } = await sql<{ number: string }>`select number from case_record where id = ${ids.manhole}`.execute(owner.db);
    expect(await only({ q: rows[0].number })).toEqual([ids.manhole]);
    expect(await only({ q: "噪音" })).toEqual([ids.family]);
    expect(await only({ q: "悟仙观路" })).toEqual([ids.garbage]);
    expect(await only({ q: "%" })).toEqual([]);
  });

  it("dates are Beijing calendar days, `to` including its whole day", async () => {
    expect(await only({ from: "2026-04-10", to: "2026-04-10" })).toEqual([ids.lateOnDay]);
    expect(await only({ from: "2026-04-11" })).toEqual([ids.nextDay]);
  });

  it("refuses malformed filters with Chinese messages", async () => {
    await expect(listCases({ ctx: district, input: { from: "2026-02-30" } })).rejects.toMatchObject({
      code: "VALIDATION",
      details: { from: "日期格式应为 YYYY-MM-DD。" },
    });
    await expect(listCases({ ctx: district, input: { from: "2026-04-02", to: "2026-04-01" } })).rejects.toMatchObject({
      code: "VALIDATION",
      details: { to: "结束日期不能早于开始日期。" },
    });
    await expect(listCases({ ctx: district, input: { state: "lost" as never } })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(listCases({ ctx: district, input: { after: "yesterday" } })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(listCases({ ctx: district, input: { category: 999999 } })).rejects.toMatchObject({
      code: "VALIDATION",
      message: "未找到该事件类别。",
    });
  });
});

describe("listCases: keyset pages", () => {
  it("walk every case once, newest first, ties on the same instant included, while new cases arrive", async () => {
    await deleteAllCases(owner.db);
    const base = Date.parse("2026-05-01T00:00:00Z");
    const cases = Array.from({ length: 137 }, (_, i) => ({
      gridId: i % 2 ? area.own.grid : area.other.grid,
      // Groups of three share an instant (ties broken by id); some differ by one microsecond only.
      reportedAt: new Date(base + Math.floor(i / 3) * 60_000).toISOString(),
    }));
    const ids = await insertTestCases(owner.db, cases);
    // Two cases a microsecond apart: a millisecond cursor would lose one of them.
    const [a, b] = await insertTestCases(owner.db, [
      { gridId: area.own.grid, reportedAt: "2026-05-01T00:10:00.000001Z" },
      { gridId: area.own.grid, reportedAt: "2026-05-01T00:10:00.000002Z" },
    ]);
    const expected = (
      await sql<{ id: number }>`select id from case_record order by reported_at desc, id desc`.execute(owner.db)
    ).rows.map((r) => r.id);
    expect(expected).toHaveLength(139);

    const seen: number[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await listCases({ ctx: district, input: { after, limit: 20 } });
      seen.push(...page.cases.map((c) => c.id));
      after = page.nextCursor ?? undefined;
      pages += 1;
      // A case reported while someone pages through does not shift the pages that follow.
      if (pages === 2) await insertTestCases(owner.db, [{ gridId: area.own.grid, reportedAt: new Date() }]);
    } while (after);
    expect(pages).toBe(7);
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining([a, b, ...ids]));
  });
});
