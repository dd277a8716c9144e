import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { argon2idHasher } from "../../lib/auth/password";
import { validateIdNumber } from "../../lib/pii/id-number";
import { maskIdNumber, maskPhone } from "../../lib/pii/mask";
import { decryptPii, hashIdNumber } from "../../lib/pii/protect";
import { openTestDb } from "../testing/test-db";
import { ensureDemoAccounts } from "./demo-accounts";

// The test template holds the small district (seed 1): its organisation is that of 中仓街道 and 漷县镇.
const conn = openTestDb();
const { sql } = conn;

const one = async (query: Promise<{ n: number }[]>) => (await query)[0].n;

/** The basic grids of the communities that have people at this scale (the staffed ones). */
const STAFFED_GRIDS = sql`
  select g.id from region g join region c on c.level = 2 and c.path @> g.path
   where g.level = 4 and c.residents > 0`;

beforeAll(async () => {
  // Twice: the second run must change nothing (idempotent, as after every reseed).
  await ensureDemoAccounts(conn.db, argon2idHasher);
  await ensureDemoAccounts(conn.db, argon2idHasher);
});

afterAll(async () => {
  await conn.sql.end();
});

describe("the demo organisation of the small district", () => {
  it("gives every staffed basic grid exactly one open 专职网格员 post, held by a current 专职网格员 of its community's station", async () => {
    const grids = await sql<{ id: number; open: number }[]>`
      select g.id, count(p.id)::int as open
        from (${STAFFED_GRIDS}) g
        left join grid_post p on p.region_id = g.id and p.grid_role = 'full_time' and p.valid_to is null
       group by g.id`;
    expect(grids.length).toBe(77);
    expect(grids.filter((g) => g.open !== 1)).toEqual([]);
    // Grids of communities without people have nobody at this scale.
    expect(
      await one(
        sql`select count(*)::int as n from grid_post p where p.region_id not in (${STAFFED_GRIDS}) and p.grid_role <> 'grid_head'`,
      ),
    ).toBe(0);
    expect(
      await one(sql`
        select count(*)::int as n
          from grid_post p join staff s on s.id = p.staff_id join staff_position sp on sp.id = s.position_id
          join department d on d.id = s.department_id join region g on g.id = p.region_id join region c on c.id = d.region_id
         where p.grid_role = 'full_time' and p.valid_to is null
           and (s.leave_date is not null or sp.code <> 'full_time_grid_worker' or d.kind <> 'grid_office' or not c.path @> g.path)`),
    ).toBe(0);
  });

  it("has one 网格长 post per staffed community and per 小区, and the departments of each level", async () => {
    const heads = await sql<{ level: number; areas: number; headed: number }[]>`
      select a.level, count(*)::int as areas, count(*) filter (where exists (
               select from grid_post p where p.region_id = a.id and p.grid_role = 'grid_head' and p.valid_to is null))::int as headed
        from region a join region c on c.level = 2 and c.path @> a.path
       where a.level in (2, 3) and c.residents > 0
       group by a.level order by a.level`;
    expect(heads).toEqual([
      { level: 2, areas: 16, headed: 16 },
      { level: 3, areas: 42, headed: 42 },
    ]);
    const departments = await sql<{ level: number; kind: string; n: number; linked: number }[]>`
      select level, kind, count(*)::int as n, count(case_unit_id)::int as linked from department group by 1, 2 order by 1, 2`;
    expect(departments).toEqual([
      { level: 0, kind: "bureau", n: 10, linked: 10 },
      { level: 0, kind: "command", n: 1, linked: 0 },
      { level: 0, kind: "section", n: 3, linked: 0 },
      { level: 1, kind: "grid_office", n: 2, linked: 0 },
      { level: 1, kind: "office", n: 4, linked: 2 },
      { level: 1, kind: "section", n: 4, linked: 0 },
      { level: 2, kind: "grid_office", n: 16, linked: 16 },
    ]);
    // Each department acts as the case unit of its own area: bureaus, street offices, community stations.
    expect(
      await one(sql`
        select count(*)::int as n from department d join case_unit u on u.id = d.case_unit_id
         where u.region_id <> d.region_id
            or u.kind <> case d.kind when 'bureau' then 'department' when 'office' then 'street_office' else 'community_station' end`),
    ).toBe(0);
    expect(await one(sql`select count(*)::int as n from staff`)).toBeGreaterThan(200);
  });

  it("links every demo account but the administrator to the person it is", async () => {
    const links = await sql<{ username: string; position: string | null; post: string | null }[]>`
      select u.username, sp.code as position,
             (select p.grid_role || '@' || r.level from grid_post p join region r on r.id = p.region_id join role_assignment ra
                on ra.user_id = u.id and ra.region_id = r.id
               where p.staff_id = s.id and p.valid_to is null order by r.level limit 1) as post
        from app_user u left join staff s on s.user_id = u.id left join staff_position sp on sp.id = s.position_id
       order by u.username`;
    expect(links).toEqual([
      { username: "admin", position: null, post: null },
      { username: "analyst", position: "clerk", post: null },
      { username: "commander", position: "duty_chief", post: null },
      { username: "community", position: "community_grid_head", post: "grid_head@2" },
      { username: "department", position: "case_handler", post: null },
      { username: "gridworker", position: "full_time_grid_worker", post: "full_time@4" },
      { username: "hrclerk", position: "clerk", post: null },
      { username: "payroll", position: "clerk", post: null },
      { username: "street", position: "director", post: null },
      { username: "xiaoqu", position: "xiaoqu_grid_head", post: "grid_head@3" },
    ]);
    const places = await sql<{ username: string; department: string }[]>`
      select u.username, d.code as department from app_user u join staff s on s.user_id = u.id join department d on d.id = s.department_id
       where u.username in ('commander', 'street', 'department', 'analyst', 'hrclerk', 'payroll') order by u.username`;
    expect(places).toEqual([
      { username: "analyst", department: "110112.command.data" },
      { username: "commander", department: "110112.command.dispatch" },
      { username: "department", department: "110112.bureau.cg" },
      { username: "hrclerk", department: "110112.command.general" },
      { username: "payroll", department: "110112.command.general" },
      { username: "street", department: "110112001.grid" },
    ]);
  });

  it("stores valid, unique identity numbers and phones, encrypted, hashed and masked like residents'", async () => {
    const rows = await sql<
      {
        id_number_cipher: Buffer;
        id_number_hash: Buffer;
        id_number_masked: string;
        phone_cipher: Buffer;
        phone_masked: string;
        gender: string;
      }[]
    >`select id_number_cipher, id_number_hash, id_number_masked, phone_cipher, phone_masked, gender from staff`;
    const seen = new Set<string>();
    for (const r of rows) {
      const id = decryptPii(r.id_number_cipher);
      const check = validateIdNumber(id);
      expect(check.valid, id).toBe(true);
      if (check.valid) expect(check.gender).toBe(r.gender === "male" ? "M" : "F");
      expect(hashIdNumber(id).equals(r.id_number_hash)).toBe(true);
      expect(r.id_number_masked).toBe(maskIdNumber(id));
      const phone = decryptPii(r.phone_cipher);
      expect(phone).toMatch(/^1[3-9][0-9]{9}$/);
      expect(r.phone_masked).toBe(maskPhone(phone));
      seen.add(id);
    }
    expect(seen.size).toBe(rows.length);
    // Staff numbers come from other places than the district's residents, so no resident shares one.
    expect(await one(sql`select count(*)::int as n from staff s join resident r on r.id_number_hash = s.id_number_hash`)).toBe(0);
    expect(await one(sql`select count(distinct staff_no)::int - count(*)::int as n from staff`)).toBe(0);
  });

  it("keeps each person's history consistent: contiguous jobs ending in the current one, leavers closed on their leave date", async () => {
    expect(
      await one(sql`
        select count(*)::int as n from staff s
         where (select count(*) from staff_job j where j.staff_id = s.id and j.valid_to is null) <> (case when s.leave_date is null then 1 else 0 end)
            or not exists (select from staff_job j where j.staff_id = s.id and j.valid_from = s.hire_date and j.reason = 'hire')
            or not exists (select from staff_job j where j.staff_id = s.id and j.department_id = s.department_id
                             and j.position_id = s.position_id and j.rank_id = s.rank_id
                             and j.valid_to is not distinct from s.leave_date)`),
    ).toBe(0);
    // Every closed job is followed by the next one on the same day, unless the person left then.
    expect(
      await one(sql`
        select count(*)::int as n from staff_job j join staff s on s.id = j.staff_id
         where j.valid_to is not null and j.valid_to is distinct from s.leave_date
           and not exists (select from staff_job k where k.staff_id = j.staff_id and k.valid_from = j.valid_to)`),
    ).toBe(0);
    expect(
      await one(sql`
        select count(*)::int as n from grid_post p join staff s on s.id = p.staff_id
         where s.leave_date is not null and (p.valid_to is null or p.valid_to > s.leave_date)`),
    ).toBe(0);
    const history = await sql<{ promotions: number; left: number }[]>`
      select (select count(*)::int from staff_job where reason = 'promotion') as promotions,
             (select count(*)::int from staff where leave_date is not null) as left`;
    expect(history[0].promotions).toBeGreaterThan(20);
    expect(history[0].left).toBeGreaterThan(0);
  });
});
