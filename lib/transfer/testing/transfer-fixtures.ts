import { sql } from "kysely";
import type { Connection } from "../../../db/client";

/**
 * Staff fixtures for the transfer tests, written straight with the owner's connection (the demo organisation
 * is not assumed): departments, positions, a rank and people with their job row and grid post.
 */

/** Two basic grids of two different communities of one street, with their parents. */
export type TwoCommunities = {
  district: number;
  street: number;
  a: { community: number; xiaoqu: number; grid: number; grid2: number };
  b: { community: number; xiaoqu: number; grid: number };
  /** A community of another street (foreign to a street-level caller). */
  otherStreetCommunity: number;
};

export async function twoCommunities(owner: Connection): Promise<TwoCommunities> {
  const { rows } = await sql<{ grid: number; xiaoqu: number; community: number; street: number; district: number }>`
    select g.id as grid, x.id as xiaoqu, c.id as community, s.id as street, d.id as district
      from region g join region x on x.id = g.parent_id join region c on c.id = x.parent_id
      join region s on s.id = c.parent_id join region d on d.id = s.parent_id
     where g.level = 4 order by s.code, c.code, x.code, g.code`.execute(owner.db);
  const street = rows[0].street;
  const inStreet = rows.filter((r) => r.street === street);
  const communities = [...new Set(inStreet.map((r) => r.community))];
  const aRows = inStreet.filter((r) => r.community === communities[0]);
  const bRow = inStreet.find((r) => r.community === communities[1])!;
  const foreign = rows.find((r) => r.street !== street)!;
  return {
    district: rows[0].district,
    street,
    a: { community: aRows[0].community, xiaoqu: aRows[0].xiaoqu, grid: aRows[0].grid, grid2: aRows[1].grid },
    b: { community: bRow.community, xiaoqu: bRow.xiaoqu, grid: bRow.grid },
    otherStreetCommunity: foreign.community,
  };
}

/**
 * Ends the seeded 专职网格员 posts under these regions (the demo organisation gives every basic grid one), so
 * a test places its own people there. Test databases are copies: the rows go.
 */
export async function vacateFullTimePosts(owner: Connection, regionIds: number[]): Promise<void> {
  await sql`
    delete from grid_post p using region g
     where p.region_id = g.id and p.grid_role = 'full_time'
       and exists (select 1 from region top where top.id = any(${regionIds}::int[]) and g.path <@ top.path)`.execute(owner.db);
}

let serial = 0;
const suffix = () => `${process.pid}-${++serial}`;

export async function createDepartment(
  owner: Connection,
  d: {
    name: string;
    kind: "grid_office" | "bureau" | "office" | "section" | "command";
    level: number;
    regionId: number;
    caseUnitId?: number | null;
  },
): Promise<number> {
  const row = await owner.db
    .insertInto("department")
    .values({
      code: `tf-${suffix()}`,
      name: d.name,
      kind: d.kind,
      level: d.level,
      region_id: d.regionId,
      case_unit_id: d.caseUnitId ?? null,
      valid_from: sql<Date>`'2020-01-01'::date`,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export type Positions = { fullTime: number; partTime: number; head: number; clerk: number; rank: number };

export async function createPositions(owner: Connection): Promise<Positions> {
  const position = async (name: string, gridRole: "grid_head" | "full_time" | "part_time" | null) =>
    (
      await owner.db
        .insertInto("staff_position")
        .values({ code: `tf-${suffix()}`, name, grid_role: gridRole })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const rank = await owner.db
    .insertInto("staff_rank")
    .values({ code: `tf-${suffix()}`, name: "科员", ordinal: 1000 + serial })
    .returning("id")
    .executeTakeFirstOrThrow();
  return {
    fullTime: await position("专职网格员", "full_time"),
    partTime: await position("兼职网格员", "part_time"),
    head: await position("网格长", "grid_head"),
    clerk: await position("科员", null),
    rank: rank.id,
  };
}

/** A person hired on 2026-01-01 in a department and position, with a grid post from the same day if given. */
export async function createStaff(
  owner: Connection,
  s: {
    name: string;
    departmentId: number;
    positionId: number;
    rankId: number;
    userId?: number | null;
    post?: { regionId: number; gridRole: "grid_head" | "full_time" | "part_time" } | null;
  },
): Promise<{ id: number; version: number }> {
  const staff = await owner.db
    .insertInto("staff")
    .values({
      staff_no: `TF-${suffix()}`,
      name: s.name,
      department_id: s.departmentId,
      position_id: s.positionId,
      rank_id: s.rankId,
      hire_date: sql<Date>`'2026-01-01'::date`,
      user_id: s.userId ?? null,
      district_code: "110112",
    })
    .returning(["id", "version"])
    .executeTakeFirstOrThrow();
  await owner.db
    .insertInto("staff_job")
    .values({
      staff_id: staff.id,
      department_id: s.departmentId,
      position_id: s.positionId,
      rank_id: s.rankId,
      valid_from: sql<Date>`'2026-01-01'::date`,
      reason: "hire",
    })
    .execute();
  if (s.post) {
    await owner.db
      .insertInto("grid_post")
      .values({
        staff_id: staff.id,
        region_id: s.post.regionId,
        grid_role: s.post.gridRole,
        valid_from: sql<Date>`'2026-01-01'::date`,
      })
      .execute();
  }
  return staff;
}
