import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { Connection } from "../../../db/client";
import type { Role } from "../../auth/roles";
import { contextWithAssignments, type RequestContext } from "../../context";
import { populatedGridChains, type GridChain } from "../../testing/case-actors";
import { createSignedInAccount, type TestAccount } from "../../testing/test-sessions";

/**
 * Staff and fences for the attendance tests, written with the owner's connection: a department pair (a community
 * grid office under a street office), a position and rank, and people with sign-in accounts. Codes carry a
 * random tag, so the fixtures never meet the demo organisation (helper orgseed) or each other.
 */
export type PunchWorld = {
  chain: GridChain;
  streetDepartmentId: number;
  departmentId: number;
  positionId: number;
  rankId: number;
  districtCode: string;
  tag: string;
};

export async function createPunchWorld(owner: Connection, chainIndex = 0): Promise<PunchWorld> {
  const tag = randomUUID().slice(0, 8);
  const chain = (await populatedGridChains(owner))[chainIndex];
  const { rows } = await sql<{ code: string }>`select district_code as code from region where id = ${chain.grid}`.execute(
    owner.db,
  );
  const districtCode = rows[0].code;
  const street = await owner.db
    .insertInto("department")
    .values({ code: `t-street-${tag}`, name: `测试街道办${tag}`, kind: "office", level: 1, region_id: chain.street })
    .returning("id")
    .executeTakeFirstOrThrow();
  const office = await owner.db
    .insertInto("department")
    .values({
      code: `t-grid-${tag}`,
      name: `测试网格工作站${tag}`,
      kind: "grid_office",
      level: 2,
      region_id: chain.community,
      parent_id: street.id,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const position = await owner.db
    .insertInto("staff_position")
    .values({ code: `t-pos-${tag}`, name: "专职网格员", grid_role: "full_time" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const ordinal = 100 + (parseInt(tag.slice(0, 4), 16) % 30000);
  const rank = await owner.db
    .insertInto("staff_rank")
    .values({ code: `t-rank-${tag}`, name: "一级", ordinal })
    .returning("id")
    .executeTakeFirstOrThrow();
  return {
    chain,
    streetDepartmentId: street.id,
    departmentId: office.id,
    positionId: position.id,
    rankId: rank.id,
    districtCode,
    tag,
  };
}

export type Worker = { staffId: number; account: TestAccount; ctx: RequestContext };

/** A person of the world's grid office with a signed-in account (grid_worker on the world's grid by default). */
export async function createWorker(
  owner: Connection,
  app: Connection,
  world: PunchWorld,
  name: string,
  options: { role?: Role; regionId?: number; departmentId?: number; gridPost?: boolean } = {},
): Promise<Worker> {
  const role = options.role ?? "grid_worker";
  const regionId = options.regionId ?? world.chain.grid;
  const account = await createSignedInAccount(owner.db, `${name}-${world.tag}`, [{ role, regionId }]);
  const staff = await owner.db
    .insertInto("staff")
    .values({
      staff_no: `T${world.tag}-${name}`.replace(/[^A-Za-z0-9-]/g, "").slice(0, 32),
      name,
      department_id: options.departmentId ?? world.departmentId,
      position_id: world.positionId,
      rank_id: world.rankId,
      hire_date: "2026-01-01",
      user_id: account.userId,
      district_code: world.districtCode,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (options.gridPost) {
    await owner.db
      .insertInto("grid_post")
      .values({ staff_id: staff.id, region_id: regionId, grid_role: "part_time", valid_from: "2026-01-01" })
      .execute();
  }
  const ctx = await contextWithAssignments(app.db, [{ role, regionId }], { userId: account.userId, username: account.username });
  return { staffId: staff.id, account, ctx };
}

/** A square fence of `halfSideDeg` around (lon, lat), serving a department or a person. */
export async function createPolygonFence(
  owner: Connection,
  world: PunchWorld,
  at: { lon: number; lat: number; halfSideDeg?: number },
  member: { departmentId: number } | { staffId: number },
  name = "测试考勤点",
): Promise<number> {
  const h = at.halfSideDeg ?? 0.001;
  const { rows } = await sql<{ id: number }>`
    insert into attendance_point (name, region_id, shape, geom)
    values (${name}, ${world.chain.community}, 'polygon', st_makeenvelope(${at.lon - h}, ${at.lat - h}, ${at.lon + h}, ${at.lat + h}, 4326))
    returning id`.execute(owner.db);
  await addMember(owner, rows[0].id, member);
  return rows[0].id;
}

/** A circular fence (centre + radius in metres; its polygon beside it as the schema keeps it). */
export async function createCircleFence(
  owner: Connection,
  world: PunchWorld,
  at: { lon: number; lat: number; radiusM: number },
  member: { departmentId: number } | { staffId: number },
  name = "测试圆形考勤点",
): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    insert into attendance_point (name, region_id, shape, geom, center, radius_m)
    values (${name}, ${world.chain.community}, 'circle',
            st_buffer(st_setsrid(st_makepoint(${at.lon}, ${at.lat}), 4326)::geography, ${at.radiusM}, 32)::geometry,
            st_setsrid(st_makepoint(${at.lon}, ${at.lat}), 4326), ${at.radiusM})
    returning id`.execute(owner.db);
  await addMember(owner, rows[0].id, member);
  return rows[0].id;
}

async function addMember(owner: Connection, pointId: number, member: { departmentId: number } | { staffId: number }) {
  await owner.db
    .insertInto("attendance_point_member")
    .values(
      "staffId" in member
        ? { point_id: pointId, staff_id: member.staffId }
        : { point_id: pointId, department_id: member.departmentId },
    )
    .execute();
}

/** The point `metres` from (lon, lat) towards `azimuthDeg` (0 north, 90 east), on the spheroid. */
export async function project(owner: Connection, at: { lon: number; lat: number }, metres: number, azimuthDeg: number) {
  const { rows } = await sql<{ lon: number; lat: number }>`
    select st_x(p::geometry) as lon, st_y(p::geometry) as lat
      from st_project(st_setsrid(st_makepoint(${at.lon}, ${at.lat}), 4326)::geography, ${metres}, radians(${azimuthDeg})) p`.execute(
    owner.db,
  );
  return rows[0];
}
