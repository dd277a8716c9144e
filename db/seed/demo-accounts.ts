import { sql } from "kysely";
import type { Role } from "../../lib/auth/roles";
import type { PasswordHasher } from "../../lib/auth/password";
import type { Database } from "../client";
import { linkDemoStaff, type DemoStaffPick } from "./demo-staff";
import { departmentCode } from "./org-plan";

/** The demo accounts' shared password (README lists it; a demo database is not for real data). */
export const DEMO_PASSWORD = "Gridatlas2026";

export type DemoAccount = { username: string; displayName: string; role: Role; regionName: string };

type Area = { id: number; code: string; name: string };

/**
 * The areas of the demo accounts: the district, and the first populated basic grid (by code) with its
 * 小区, community and street, so every grid-ladder account sees buildings and residents.
 */
async function demoAreas(
  db: Database,
): Promise<{ district: Area; street: Area; community: Area; xiaoqu: Area; grid: Area } | null> {
  const { rows } = await sql<{ level: number; id: number; code: string; name: string }>`
    with g as (select r.id, r.path from region r where r.level = 4 and r.residents > 0 order by r.code limit 1)
    select a.level, a.id, a.code, a.name from region a, g where a.path @> g.path order by a.level`.execute(db);
  if (rows.length !== 5) return null;
  const [district, street, community, xiaoqu, grid] = rows;
  return { district, street, community, xiaoqu, grid };
}

/**
 * One account per role for the demo district (idempotent: existing accounts keep their passwords and
 * get their assignments back after a reseed, which empties role_assignment with the regions). Each account
 * but the administrator is also a person of the demo organisation (staff.user_id): the grid worker is its
 * grid's 专职网格员, the heads hold the grid_head post of their area, the others work in the district's
 * offices (db/seed/org-plan.ts).
 */
export async function ensureDemoAccounts(db: Database, hasher: PasswordHasher): Promise<DemoAccount[]> {
  const areas = await demoAreas(db);
  if (!areas) return [];
  const { district, street, community, xiaoqu, grid } = areas;
  const section = (suffix: string) => departmentCode.commandSection(district.code, suffix);
  const plan: { username: string; displayName: string; role: Role; area: Area; unitCode?: string; staff?: DemoStaffPick }[] = [
    {
      username: "commander",
      displayName: "区指挥中心值班长",
      role: "district_commander",
      area: district,
      staff: { department: section("dispatch"), position: "duty_chief" },
    },
    {
      username: "street",
      displayName: `${street.name}分中心`,
      role: "street_operator",
      area: street,
      staff: { department: departmentCode.streetOffice(street.code, "grid"), position: "director" },
    },
    {
      username: "community",
      displayName: `${community.name}网格长`,
      role: "community_head",
      area: community,
      staff: { post: { regionId: community.id, role: "grid_head" }, prefer: "community_grid_head" },
    },
    {
      username: "xiaoqu",
      displayName: `${xiaoqu.name}网格长`,
      role: "xiaoqu_head",
      area: xiaoqu,
      staff: { post: { regionId: xiaoqu.id, role: "grid_head" }, prefer: "xiaoqu_grid_head" },
    },
    {
      username: "gridworker",
      displayName: `${grid.name}网格员`,
      role: "grid_worker",
      area: grid,
      staff: { post: { regionId: grid.id, role: "full_time" } },
    },
    {
      username: "department",
      displayName: "区城管局办件员",
      role: "department_handler",
      area: district,
      unitCode: "dept.cg",
      staff: { department: departmentCode.bureau(district.code, "dept.cg"), position: "case_handler" },
    },
    {
      username: "analyst",
      displayName: "数据分析员",
      role: "analyst",
      area: district,
      staff: { department: section("data"), position: "clerk" },
    },
    {
      username: "hrclerk",
      displayName: "人事专员",
      role: "hr_clerk",
      area: district,
      staff: { department: section("general"), position: "clerk" },
    },
    {
      username: "payroll",
      displayName: "薪资专员",
      role: "payroll_clerk",
      area: district,
      staff: { department: section("general"), position: "clerk" },
    },
    { username: "admin", displayName: "系统管理员", role: "system_admin", area: district },
  ];
  const passwordHash = await hasher.hash(DEMO_PASSWORD);
  const taken = new Set<number>();
  for (const a of plan) {
    const user = await db
      .insertInto("app_user")
      .values({ username: a.username, display_name: a.displayName, password_hash: passwordHash })
      .onConflict((oc) => oc.column("username").doUpdateSet({ display_name: a.displayName }))
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("role_assignment")
      .values({ user_id: user.id, role: a.role, region_id: a.area.id })
      .onConflict((oc) => oc.columns(["user_id", "role", "region_id"]).doNothing())
      .execute();
    if (a.unitCode) {
      await sql`insert into case_unit_member (user_id, unit_id) select ${user.id}, id from case_unit where code = ${a.unitCode} on conflict do nothing`.execute(
        db,
      );
    }
    if (a.staff) await linkDemoStaff(db, Number(user.id), a.staff, taken);
  }
  return plan.map(({ username, displayName, role, area }) => ({ username, displayName, role, regionName: area.name }));
}

/**
 * A first administrator for a database without accounts (a real deployment): a random temporary
 * password, to be changed at first sign-in. Returns it once, or null when accounts already exist.
 */
export async function ensureFirstAdmin(db: Database, hasher: PasswordHasher, password: string): Promise<string | null> {
  const existing = await db.selectFrom("app_user").select("id").limit(1).executeTakeFirst();
  if (existing) return null;
  const district = await db.selectFrom("region").select("id").where("level", "=", 0).orderBy("id").executeTakeFirst();
  if (!district) return null;
  const user = await db
    .insertInto("app_user")
    .values({
      username: "admin",
      display_name: "系统管理员",
      password_hash: await hasher.hash(password),
      must_change_password: true,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db.insertInto("role_assignment").values({ user_id: user.id, role: "system_admin", region_id: district.id }).execute();
  return password;
}
