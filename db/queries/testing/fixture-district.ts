import { sql } from "kysely";
import type { Connection } from "../../client";

/**
 * A tiny hand-made district for database tests of the read verbs, used until the synthetic
 * generator (db/seed) is available: 2 streets, 2 communities, 2 小区, 3 basic grids, 3 buildings,
 * a few rooms, households and residents with masked identity numbers and phones.
 */
export async function loadFixtureDistrict({ db }: Connection): Promise<void> {
  await sql`truncate region, building, room, household, resident, organization, component, map_feature restart identity cascade`.execute(db);
  const box = (w: number, s: number, e: number, n: number) =>
    sql`st_multi(st_makeenvelope(${w}, ${s}, ${e}, ${n}, 4326))`;
  const regions: [string, string, number, string, string | null, [number, number, number, number]][] = [
    ["110112", "通州区", 0, "district", null, [116.6, 39.8, 116.7, 39.9]],
    ["110112001", "中仓街道", 1, "street", "110112", [116.6, 39.8, 116.65, 39.9]],
    ["110112002", "宋庄镇", 1, "town", "110112", [116.65, 39.8, 116.7, 39.9]],
    ["110112001001", "北关社区", 2, "urban", "110112001", [116.6, 39.8, 116.65, 39.9]],
    ["110112002001", "小堡村", 2, "village", "110112002", [116.65, 39.8, 116.7, 39.9]],
    ["110112001001001", "运河小区", 3, "urban", "110112001001", [116.6, 39.8, 116.65, 39.9]],
    ["110112002001001", "小堡村居民区", 3, "village", "110112002001", [116.65, 39.8, 116.7, 39.9]],
    ["110112001001001001", "运河小区第一网格", 4, "urban", "110112001001001", [116.6, 39.8, 116.625, 39.9]],
    ["110112001001001002", "运河小区第二网格", 4, "urban", "110112001001001", [116.625, 39.8, 116.65, 39.9]],
    ["110112002001001001", "小堡村第一网格", 4, "village", "110112002001001", [116.65, 39.8, 116.7, 39.9]],
  ];
  for (const [code, name, level, kind, parent, [w, s, e, n]] of regions) {
    await sql`
      insert into region (code, name, level, kind, parent_id, path, district_code, geom)
      select ${code}, ${name}, ${level}, ${kind}, p.id,
             coalesce(p.path || ${code}::text, ${code}::ltree), '110112', ${box(w, s, e, n)}
        from (select 1) one left join region p on p.code = ${parent}`.execute(db);
  }
  const buildings: [string, string, string, string, number, number, number, string, [number, number]][] = [
    ["B001", "运河小区1号楼", "北京市通州区运河东大街1号院1号楼", "high_rise", 3, 2, 2, "110112001001001001", [116.61, 39.85]],
    ["B002", "运河小区2号楼", "北京市通州区运河东大街1号院2号楼", "mid_rise", 2, 1, 2, "110112001001001002", [116.63, 39.85]],
    ["B003", "小堡村3号院", "北京市通州区宋庄镇小堡村3号", "village_house", 1, 1, 1, "110112002001001001", [116.67, 39.85]],
  ];
  for (const [code, name, address, type, floors, entrances, rooms, grid, [x, y]] of buildings) {
    await sql`
      insert into building (district_code, grid_id, code, name, address, type, floors, entrances, rooms_per_floor, geom)
      select '110112', g.id, ${code}, ${name}, ${address}, ${type}, ${floors}, ${entrances}, ${rooms},
             st_makeenvelope(${x}, ${y}, ${x + 0.001}, ${y + 0.0005}, 4326)
        from region g where g.code = ${grid}`.execute(db);
  }
  // Every room of every building; uses cycle so each kind appears.
  await sql`
    insert into room (district_code, building_id, entrance, floor, number, area, use)
    select '110112', b.id, e, f, f::text || lpad(k::text, 2, '0'), 60 + 10 * k,
           (array['self', 'rented', 'vacant', 'self', 'commercial'])[1 + ((b.id + e + f + k) % 5)]
      from building b, generate_series(1, b.entrances) e, generate_series(1, b.floors) f, generate_series(1, b.rooms_per_floor) k`.execute(db);
  // One household per non-vacant room: floating when rented.
  await sql`
    insert into household (district_code, room_id, type, registration, work_unit)
    select '110112', r.id, 'family', case when r.use = 'rented' then 'floating' else 'registered' end, '通州区某单位'
      from room r where r.use <> 'vacant' order by r.id`.execute(db);
  // Two or three residents per household; every seventh is in a special group, the eleventh a key person.
  await sql`
    insert into resident (district_code, household_id, name, gender, birth_date, relation,
                          id_number_cipher, id_number_hash, id_number_masked, phone_cipher, phone_masked, tags, key_person)
    select '110112', h.id,
           (array['张', '李', '王', '刘', '陈'])[1 + (h.id % 5)::int] || (array['伟', '芳', '娜', '强', '敏', '静'])[1 + ((h.id + m) % 6)::int] || (array['', '华', '明'])[1 + (m % 3)],
           case when m % 2 = 0 then 'M' else 'F' end,
           date '1960-01-01' + ((h.id * 3731 + m * 997) % 20000)::int,
           (array['head', 'spouse', 'child'])[m],
           decode(md5('c' || h.id || '-' || m), 'hex'),
           decode(md5('h' || h.id || '-' || m), 'hex'),
           '110112********' || lpad(((h.id * 10 + m) % 10000)::text, 4, '0'),
           decode(md5('p' || h.id || '-' || m), 'hex'),
           '138****' || lpad(((h.id * 7 + m) % 10000)::text, 4, '0'),
           case when (h.id * 3 + m) % 7 = 0 then array['低保户'] when (h.id + m) % 9 = 0 then array['空巢老人', '残疾人'] else '{}'::text[] end,
           (h.id * 3 + m) % 11 = 0
      from household h, generate_series(1, 2 + (h.id % 2)::int) m`.execute(db);
  await sql`
    update household h set head_resident_id = r.id from resident r where r.household_id = h.id and r.relation = 'head'`.execute(db);
  await sql`select refresh_region_stats()`.execute(db);
}
