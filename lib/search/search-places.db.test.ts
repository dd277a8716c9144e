import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import type { Connection } from "../../db/client";
import type { RequestContext } from "../context";
import { t } from "../i18n";
import { narrowedTo, withSeededDistrict } from "../testing/seeded-district";
import { searchPlaces } from "./search-places";

let conn: Connection;
let ctx: RequestContext;

withSeededDistrict((c, x) => {
  conn = c;
  ctx = x;
});

async function aCommunity() {
  const { rows } = await sql<{ id: number; code: string; name: string; path: string }>`
    select id, code, name, path::text as path from region where level = 2 order by code limit 1`.execute(conn.db);
  return rows[0];
}

describe("searchPlaces", () => {
  it("finds a region by its exact code first", async () => {
    const c = await aCommunity();
    const hits = await searchPlaces({ ctx, input: { q: c.code } });
    expect(hits[0]).toMatchObject({ kind: "region", id: c.id, level: 2 });
  });

  it("finds regions by code prefix: a street code finds its communities", async () => {
    const c = await aCommunity();
    const hits = await searchPlaces({ ctx, input: { q: c.code.slice(0, 9), limit: 50 } });
    expect(hits.some((h) => h.kind === "region" && h.id === c.id)).toBe(true);
    expect(hits.filter((h) => h.kind === "region").every((h) => h.code.startsWith(c.code.slice(0, 9)))).toBe(true);
  });

  it("finds by name prefix and by a fragment inside the name", async () => {
    const c = await aCommunity();
    const chars = Array.from(c.name);
    const byPrefix = await searchPlaces({ ctx, input: { q: chars.slice(0, 2).join(""), limit: 50 } });
    expect(byPrefix.some((h) => h.id === c.id && h.kind === "region")).toBe(true);
    const byContains = await searchPlaces({ ctx, input: { q: chars.slice(1, 3).join(""), limit: 50 } });
    expect(byContains.some((h) => h.id === c.id && h.kind === "region")).toBe(true);
    // an exact name match ranks before contains-matches
    const exact = await searchPlaces({ ctx, input: { q: c.name } });
    expect(exact[0]).toMatchObject({ kind: "region", id: c.id });
  });

  it("finds a building by its address, with a type badge and bounds", async () => {
    const { rows } = await sql<{ id: number; address: string; type: string }>`
      select id, address, type from building order by id limit 1`.execute(conn.db);
    const hits = await searchPlaces({ ctx, input: { q: rows[0].address } });
    expect(hits[0]).toMatchObject({ kind: "building", id: rows[0].id, detail: rows[0].address });
    // the building's type in Chinese (住宅楼, 商业楼, …)
    expect(hits[0].badge).toBe(t.building.types[rows[0].type]);
    const [w, s, e, n] = hits[0].bounds;
    expect(w).toBeLessThanOrEqual(e);
    expect(s).toBeLessThanOrEqual(n);
  });

  it("returns nothing for a query that matches nothing, and treats LIKE wildcards literally", async () => {
    expect(await searchPlaces({ ctx, input: { q: "不存在的地名XYZ" } })).toEqual([]);
    expect(await searchPlaces({ ctx, input: { q: "%" } })).toEqual([]);
    expect(await searchPlaces({ ctx, input: { q: "_" } })).toEqual([]);
  });

  it("keeps to the caller's scope", async () => {
    const c = await aCommunity();
    const { rows } = await sql<{ path: string }>`
      select path::text as path from region where level = 1 and not (${c.path}::ltree <@ path) limit 1`.execute(conn.db);
    const hits = await searchPlaces({ ctx: narrowedTo(ctx, rows[0].path), input: { q: c.code } });
    expect(hits.some((h) => h.id === c.id && h.kind === "region")).toBe(false);
  });

  it("rejects an empty or overlong query with VALIDATION", async () => {
    await expect(searchPlaces({ ctx, input: { q: "   " } })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(searchPlaces({ ctx, input: { q: "很".repeat(51) } })).rejects.toMatchObject({ code: "VALIDATION" });
  });
});
