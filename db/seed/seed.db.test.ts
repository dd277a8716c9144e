import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateIdNumber } from "../../lib/pii/id-number";
import { maskIdNumber, maskPhone } from "../../lib/pii/mask";
import { piiKeys } from "../../lib/pii/pii-keys";
import { decryptPii, hashIdNumber } from "../../lib/pii/protect";
import { openTestDb } from "../testing/test-db";
import { DEFAULT_DIVISIONS_CSV, LAYERS, seedDistrict, type SeedReport } from "./index";

const TWO_STREETS_CSV = fileURLToPath(new URL("./fixtures/divisions-two-streets.csv", import.meta.url));

const conn = openTestDb();
const { sql } = conn;
let report: SeedReport;

/** Checksums over everything generated except ciphertexts (random IVs by design). */
async function checksums() {
  const [row] = await sql<Record<string, string>[]>`
    select
      (select md5(string_agg(code || name || kind || level || path::text || encode(st_asbinary(geom), 'hex'), '|' order by code)) from region) as region,
      (select md5(string_agg(code || name || address || type || floors || entrances || rooms_per_floor || encode(st_asbinary(geom), 'hex'), '|' order by code)) from building) as building,
      (select md5(string_agg(id || ':' || building_id || number || area || use, '|' order by id)) from room) as room,
      (select md5(string_agg(id || ':' || room_id || type || registration || head_resident_id || coalesce(work_unit, ''), '|' order by id)) from household) as household,
      (select md5(string_agg(id || ':' || household_id || name || gender || birth_date || relation || encode(id_number_hash, 'hex') || id_number_masked || coalesce(phone_masked, '') || tags::text || key_person, '|' order by id)) from resident) as resident,
      (select md5(string_agg(id || name || kind || address || st_astext(geom), '|' order by id)) from organization) as organization,
      (select md5(string_agg(code || kind || st_astext(geom), '|' order by code)) from component) as component,
      (select md5(string_agg(kind || coalesce(name, '') || encode(st_asbinary(geom), 'hex'), '|' order by id)) from map_feature) as map_feature,
      (select md5(string_agg(id || code || name || kind || level || coalesce(parent_id, 0) || region_id || coalesce(case_unit_id, 0), '|' order by id)) from department) as department,
      (select md5(string_agg(staff_no || name || gender || department_id || hire_date || coalesce(leave_date::text, '') || encode(id_number_hash, 'hex') || id_number_masked || phone_masked, '|' order by id)) from staff) as staff,
      (select md5(string_agg(staff_id || ':' || department_id || ':' || valid_from || coalesce(valid_to::text, '') || reason, '|' order by id)) from staff_job) as staff_job,
      (select md5(string_agg(staff_id || ':' || region_id || grid_role || valid_from || coalesce(valid_to::text, ''), '|' order by id)) from grid_post) as grid_post`;
  return row;
}

const count = async (query: Promise<{ n: number }[]>) => (await query)[0].n;

beforeAll(async () => {
  report = await seedDistrict(conn, { divisionsCsv: DEFAULT_DIVISIONS_CSV, scale: "small", seed: 7 });
});

afterAll(async () => {
  await conn.sql.end();
});

describe("small Tongzhou district", () => {
  it("reports what it loaded: two streets, the whole region tree, a few thousand residents", () => {
    expect(report.district).toEqual({ code: "110112", name: "通州区" });
    expect(report.populatedStreets.map((s) => s.name)).toEqual(["中仓街道", "漷县镇"]);
    expect(report.populatedStreets.every((s) => s.communities <= 8)).toBe(true);
    expect(report.regions.slice(0, 3)).toEqual([1, 22, 656]);
    expect(report.regions[4]).toBeGreaterThan(1600);
    expect(report.counts.household).toBeGreaterThan(1000);
    expect(report.counts.resident).toBeGreaterThan(2000);
    expect(report.counts.resident).toBeLessThan(10000);
    expect(report.topology).toEqual([]);
  });

  it("passes the topology check at every level", async () => {
    expect(await sql`select * from topology_check(1.0)`).toEqual([]);
  });

  it("puts every building inside exactly one basic grid, and buildings never overlap", async () => {
    expect(
      await count(
        sql`select count(*)::int as n from building b join region g on g.id = b.grid_id where g.level <> 4 or not st_within(b.geom, g.geom)`,
      ),
    ).toBe(0);
    expect(
      await count(sql`
      select count(*)::int as n from building b join region o on o.level = 4 and o.id <> b.grid_id and o.geom && b.geom
       where st_relate(b.geom, o.geom, '2********')`),
    ).toBe(0);
    expect(
      await count(sql`
      select count(*)::int as n from building a join building b on a.id < b.id and a.geom && b.geom where st_intersects(a.geom, b.geom)`),
    ).toBe(0);
    expect(await count(sql`select count(*)::int as n from building where not st_isvalid(geom)`)).toBe(0);
  });

  it("puts every organisation and component inside its grid", async () => {
    expect(
      await count(
        sql`select count(*)::int as n from organization o join region g on g.id = o.grid_id where g.level <> 4 or not st_contains(g.geom, o.geom)`,
      ),
    ).toBe(0);
    expect(
      await count(
        sql`select count(*)::int as n from component c join region g on g.id = c.grid_id where g.level <> 4 or not st_contains(g.geom, c.geom)`,
      ),
    ).toBe(0);
    expect(
      await count(
        sql`select count(*)::int as n from organization o join building b on b.id = o.building_id where not st_contains(b.geom, o.geom)`,
      ),
    ).toBe(0);
  });

  it("completes the chains resident → household → room → building → basic grid", async () => {
    expect(
      await count(sql`
      select count(*)::int as n from resident p
        left join household h on h.id = p.household_id
        left join room r on r.id = h.room_id
        left join building b on b.id = r.building_id
        left join region g on g.id = b.grid_id
       where g.id is null or g.level <> 4`),
    ).toBe(0);
    // Every household has a head who is its own member; nobody lives in a vacant or commercial room.
    expect(
      await count(sql`
      select count(*)::int as n from household h left join resident p on p.id = h.head_resident_id
       where p.id is null or p.household_id <> h.id or p.relation <> 'head'`),
    ).toBe(0);
    expect(
      await count(
        sql`select count(*)::int as n from household h where not exists (select 1 from resident p where p.household_id = h.id)`,
      ),
    ).toBe(0);
    expect(
      await count(
        sql`select count(*)::int as n from household h join room r on r.id = h.room_id where r.use not in ('self', 'rented')`,
      ),
    ).toBe(0);
    expect(
      await count(sql`select count(*)::int as n from (select room_id from household group by room_id having count(*) > 1) x`),
    ).toBe(0);
  });

  it("keeps the region counts of refresh_region_stats equal to direct counts", async () => {
    const wrongGrids = await sql`
      with direct as (
        select b.grid_id, count(distinct h.id)::int as households, count(p.id)::int as residents,
               count(p.id) filter (where h.registration = 'floating')::int as floating,
               count(p.id) filter (where cardinality(p.tags) > 0)::int as special
          from household h join room r on r.id = h.room_id join building b on b.id = r.building_id
          left join resident p on p.household_id = h.id group by b.grid_id)
      select g.code from region g left join direct d on d.grid_id = g.id
       where g.level = 4 and (g.households <> coalesce(d.households, 0) or g.residents <> coalesce(d.residents, 0)
          or g.floating_residents <> coalesce(d.floating, 0) or g.special_group_residents <> coalesce(d.special, 0))`;
    expect(wrongGrids).toEqual([]);
    const [district] = await sql`
      select households, residents, buildings, rented_rooms, key_persons,
             (select count(*)::int from household) as h, (select count(*)::int from resident) as p, (select count(*)::int from building) as b,
             (select count(*)::int from room where use = 'rented') as r, (select count(*)::int from resident where key_person) as k
        from region where level = 0`;
    expect([district.households, district.residents, district.buildings, district.rented_rooms, district.key_persons]).toEqual([
      district.h,
      district.p,
      district.b,
      district.r,
      district.k,
    ]);
    expect(district.households).toBe(report.counts.household);
    const wrongStreets = await sql`
      select s.code from region s
       where s.level = 1 and s.households <> (
         select count(*) from household h join room r on r.id = h.room_id join building b on b.id = r.building_id
           join region g on g.id = b.grid_id where g.path <@ s.path)`;
    expect(wrongStreets).toEqual([]);
  });

  it("stores valid, unique identity numbers: encrypted, hashed and masked consistently", async () => {
    const keys = piiKeys();
    const rows = await sql<
      {
        id_number_cipher: Buffer;
        id_number_hash: Buffer;
        id_number_masked: string;
        birth_date: Date;
        gender: string;
        phone_cipher: Buffer | null;
        phone_masked: string | null;
      }[]
    >`
      select id_number_cipher, id_number_hash, id_number_masked, birth_date, gender, phone_cipher, phone_masked from resident`;
    const seen = new Set<string>();
    for (const r of rows) {
      const id = decryptPii(r.id_number_cipher, keys);
      expect(validateIdNumber(id)).toMatchObject({
        valid: true,
        addressCode: "110112",
        gender: r.gender,
        birthDate: r.birth_date.toISOString().slice(0, 10),
      });
      expect(hashIdNumber(id, keys).equals(r.id_number_hash)).toBe(true);
      expect(r.id_number_masked).toBe(maskIdNumber(id));
      if (r.phone_cipher) expect(r.phone_masked).toBe(maskPhone(decryptPii(r.phone_cipher, keys)));
      seen.add(id);
    }
    expect(seen.size).toBe(rows.length);
  });

  it("bumps the version of every tile layer", async () => {
    const rows = await sql<{ layer: string }[]>`select layer from layer_version order by layer`;
    expect(rows.map((r) => r.layer).sort()).toEqual([...LAYERS].sort());
  });

  it("gives the streets without people their polygons and zero counts", async () => {
    const [row] = await sql`select households, buildings from region where code = '110112002'`;
    expect(row).toEqual({ households: 0, buildings: 0 });
  });
});

describe("determinism", () => {
  it("loads byte-identical data for the same seed", async () => {
    const first = await checksums();
    expect(Object.values(first).every((v) => typeof v === "string" && v.length === 32)).toBe(true);
    await seedDistrict(conn, { divisionsCsv: DEFAULT_DIVISIONS_CSV, scale: "small", seed: 7, attendance: false });
    expect(await checksums()).toEqual(first);
  });

  it("keeps the region tree (codes, names, polygons) identical across scales", async () => {
    const small = await checksums();
    // Another scale and another populated street (文景街道: one community, quick to load).
    const medium = await seedDistrict(conn, {
      divisionsCsv: DEFAULT_DIVISIONS_CSV,
      scale: "medium",
      seed: 7,
      streets: ["110112009"],
      attendance: false,
    });
    expect(medium.populatedStreets.map((s) => s.name)).toEqual(["文景街道"]);
    const after = await checksums();
    expect(after.region).toBe(small.region);
    expect(after.map_feature).toBe(small.map_feature);
    expect(after.resident).not.toBe(small.resident);
  });
});

describe("another district's file", () => {
  it("makes another district: its own codes, names and place, with a clean topology", async () => {
    const before = await checksums();
    const other = await seedDistrict(conn, { divisionsCsv: TWO_STREETS_CSV, scale: "small", seed: 7, attendance: false });
    expect(other.district).toEqual({ code: "320102", name: "玄武区" });
    expect(other.regions.slice(0, 3)).toEqual([1, 2, 7]);
    expect(other.topology).toEqual([]);
    expect(await sql`select * from topology_check(1.0)`).toEqual([]);
    expect(await count(sql`select count(*)::int as n from region where code like '110112%'`)).toBe(0);
    const names = await sql<{ name: string }[]>`select name from region where level <= 2 order by code`;
    expect(names.map((r) => r.name)).toEqual([
      "玄武区",
      "梅园新村街道",
      "长江路社区",
      "梅园社区",
      "大悲巷社区",
      "钟山镇",
      "钟灵社区",
      "白马村",
      "卫岗村",
      "灵谷村",
    ]);
    // Province 32 (Jiangsu): somewhere around Nanjing, far from Beijing.
    const [c] = await sql<
      { lon: number; lat: number }[]
    >`select st_x(st_centroid(geom)) as lon, st_y(st_centroid(geom)) as lat from region where level = 0`;
    expect(c.lon).toBeGreaterThan(117.5);
    expect(c.lon).toBeLessThan(120.5);
    expect(c.lat).toBeGreaterThan(31);
    expect(c.lat).toBeLessThan(33.5);
    expect(other.counts.resident).toBeGreaterThan(0);
    const ids = await sql<{ m: string }[]>`select distinct left(id_number_masked, 6) as m from resident`;
    expect(ids.map((r) => r.m)).toEqual(["320102"]);
    const after = await checksums();
    expect(after.region).not.toBe(before.region);
    expect(after.resident).not.toBe(before.resident);
  });
});
