import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import type { Connection } from "../../db/client";
import type { RequestContext } from "../context";
import { t } from "../i18n";
import { insertTestCases } from "../testing/case-list-fixtures";
import { narrowedTo, withSeededDistrict } from "../testing/seeded-district";
import { searchPlaces } from "./search-places";

let conn: Connection;
let ctx: RequestContext;

withSeededDistrict((c, x) => {
  conn = c;
  ctx = x;
});

/** The district's path and another street than the one `gridPath` lies in. */
async function districtPath() {
  const { rows } = await sql<{ path: string }>`select path::text as path from region where level = 0`.execute(conn.db);
  return rows[0].path;
}

async function pathOutside(gridPath: string) {
  const { rows } = await sql<{ path: string }>`
    select path::text as path from region where level = 1 and not (${gridPath}::ltree <@ path) order by code limit 1`.execute(
    conn.db,
  );
  return rows[0].path;
}

/** The personal-data log rows written after `afterId`. */
async function piiRowsAfter(afterId: number) {
  const { rows } = await sql<{ kind: string; field: string; resident_id: number; region_id: number; username: string }>`
    select kind, field, resident_id::int, region_id, username from pii_access_log where id > ${afterId} order by id`.execute(
    conn.db,
  );
  return rows;
}

async function lastPiiId() {
  const { rows } = await sql<{ id: number }>`select coalesce(max(id), 0)::int as id from pii_access_log`.execute(conn.db);
  return rows[0].id;
}

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

describe("searchPlaces: cases by number", () => {
  it("finds a case by its whole number and by the number's start, newest number first, with category and state", async () => {
    const { rows } = await sql<{ id: number; path: string }>`
      select id, path::text as path from region where level = 4 order by code limit 1`.execute(conn.db);
    const [older, newer] = await insertTestCases(conn.db, [
      { gridId: rows[0].id, reportedAt: "2026-11-20T02:00:00Z", number: "SJ202611200000901", address: "测试路 1 号" },
      { gridId: rows[0].id, reportedAt: "2026-11-21T02:00:00Z", number: "SJ202611210000902", state: "dispatched" },
    ]);
    const exact = await searchPlaces({ ctx, input: { q: "SJ202611200000901" } });
    expect(exact[0]).toMatchObject({
      kind: "case",
      id: older,
      code: "SJ202611200000901",
      name: "SJ202611200000901",
      badge: "案件",
      detail: expect.stringContaining("测试路 1 号"),
    });
    expect(exact.filter((h) => h.kind === "case")).toHaveLength(1);
    const [w, s2, e, n] = exact[0].bounds;
    expect(w).toBe(e);
    expect(s2).toBe(n);

    // lower case, the start of the number: both, the newer first
    const prefix = await searchPlaces({ ctx, input: { q: "sj2026112" } });
    expect(prefix.filter((h) => h.kind === "case").map((h) => h.id)).toEqual([newer, older]);
    expect(prefix[0].detail).toContain("已派遣");
  });

  it("keeps to the case area, and a role without case.read gets no cases", async () => {
    const { rows } = await sql<{ id: number; path: string }>`
      select id, path::text as path from region where level = 4 order by code desc limit 1`.execute(conn.db);
    const [id] = await insertTestCases(conn.db, [
      { gridId: rows[0].id, reportedAt: "2026-11-22T02:00:00Z", number: "SJ202611220000903" },
    ]);
    expect((await searchPlaces({ ctx, input: { q: "SJ202611220000903" } })).map((h) => h.id)).toEqual([id]);
    const outside = narrowedTo(ctx, await pathOutside(rows[0].path), "street_operator");
    expect(await searchPlaces({ ctx: outside, input: { q: "SJ202611220000903" } })).toEqual([]);
    const hr = narrowedTo(ctx, await districtPath(), "hr_clerk");
    expect(await searchPlaces({ ctx: hr, input: { q: "SJ202611220000903" } })).toEqual([]);
    // the place pickers never get cases
    expect(await searchPlaces({ ctx, input: { q: "SJ202611220000903", kinds: "places" } })).toEqual([]);
  });
});

describe("searchPlaces: residents by name", () => {
  async function aNamedResident() {
    const { rows } = await sql<{ id: number; name: string; gridId: number; gridPath: string; masked: string }>`
      select p.id::int, p.name, p.grid_id as "gridId", g.path::text as "gridPath", p.id_number_masked as masked
        from resident p join region g on g.id = p.grid_id
       where not p.key_person and (select count(*) from resident x where x.name = p.name) = 1
       order by p.id limit 1`.execute(conn.db);
    return rows[0];
  }

  it("finds a resident by the whole name, masked, and logs the read in pii_access_log", async () => {
    const person = await aNamedResident();
    const before = await lastPiiId();
    const hits = await searchPlaces({ ctx, input: { q: person.name } });
    const residents = hits.filter((h) => h.kind === "resident");
    expect(residents[0]).toMatchObject({
      kind: "resident",
      id: person.id,
      name: person.name,
      code: person.masked,
      badge: "居民",
    });
    expect(residents[0].detail).toContain(person.masked);
    expect(residents[0].detail).not.toMatch(/[0-9]{17}[0-9X]/);
    const logged = await piiRowsAfter(before);
    expect(logged).toContainEqual({
      kind: "lookup",
      field: "name",
      resident_id: person.id,
      region_id: person.gridId,
      username: ctx.actor.username,
    });
    // one row for each resident shown, none for anyone else
    expect(logged.map((r) => r.resident_id).sort()).toEqual(residents.map((h) => h.id).sort());
  });

  it("finds residents by the start of a name, exact names first", async () => {
    const { rows } = await sql<{ name: string }>`
      select p.name from resident p
       where not p.key_person and char_length(p.name) = 2
         and exists (select 1 from resident x where x.name like p.name || '_%' and not x.key_person)
       order by p.name limit 1`.execute(conn.db);
    const hits = (await searchPlaces({ ctx, input: { q: rows[0].name, limit: 50 } })).filter((h) => h.kind === "resident");
    expect(hits.length).toBeGreaterThan(1);
    expect(hits.every((h) => h.name.startsWith(rows[0].name))).toBe(true);
    expect(hits[0].name).toBe(rows[0].name);
    expect(hits.length).toBeLessThanOrEqual(5);
  });

  it("never finds a key person by name", async () => {
    const { rows } = await sql<{ name: string; id: number }>`select name, id::int from resident where key_person limit 1`.execute(
      conn.db,
    );
    const hits = await searchPlaces({ ctx, input: { q: rows[0].name } });
    expect(hits.some((h) => h.kind === "resident" && h.id === rows[0].id)).toBe(false);
  });

  it("keeps to the resident area; roles without resident.read never get residents and nothing is logged", async () => {
    const person = await aNamedResident();
    const before = await lastPiiId();
    const outside = narrowedTo(ctx, await pathOutside(person.gridPath), "street_operator");
    expect((await searchPlaces({ ctx: outside, input: { q: person.name } })).filter((h) => h.kind === "resident")).toEqual([]);
    for (const role of ["department_handler", "analyst", "hr_clerk"] as const) {
      const other = narrowedTo(ctx, await districtPath(), role);
      const hits = await searchPlaces({ ctx: other, input: { q: person.name } });
      expect(
        hits.filter((h) => h.kind === "resident"),
        role,
      ).toEqual([]);
    }
    expect(await piiRowsAfter(before)).toEqual([]);
  });

  it("does not take a place name of one character or a code for a name", async () => {
    const before = await lastPiiId();
    const person = await aNamedResident();
    const one = Array.from(person.name)[0];
    expect((await searchPlaces({ ctx, input: { q: one } })).filter((h) => h.kind === "resident")).toEqual([]);
    expect((await searchPlaces({ ctx, input: { q: "1101" } })).filter((h) => h.kind === "resident")).toEqual([]);
    expect(await piiRowsAfter(before)).toEqual([]);
  });
});
