import { sql } from "kysely";
import type { Connection } from "../../db/client";
import type { Role } from "../auth/roles";
import { contextWithAssignments, type RequestContext } from "../context";

/** A populated basic grid with its parents and a point inside one of its buildings. */
export type GridChain = {
  grid: number;
  community: number;
  street: number;
  district: number;
  path: string;
  lon: number;
  lat: number;
};

/** Populated basic grids of the seeded district, by code, with a building centre to report at. */
export async function populatedGridChains(owner: Connection): Promise<GridChain[]> {
  const { rows } = await sql<GridChain>`
    select g.id as grid, c.id as community, s.id as street, d.id as district, g.path::text as path,
           st_x(st_pointonsurface(b.geom)) as lon, st_y(st_pointonsurface(b.geom)) as lat
      from region g
      join region x on x.id = g.parent_id join region c on c.id = x.parent_id join region s on s.id = c.parent_id join region d on d.id = s.parent_id
      cross join lateral (select b.geom from building b where b.grid_id = g.id order by b.id limit 1) b
     where g.level = 4 order by g.code`.execute(owner.db);
  return rows;
}

/**
 * A signed-in-like context (an account row exists, so the case can name its reporter) with one role over
 * one region, acting for the given units (by code, e.g. "dept.cg").
 */
export async function caseActor(
  owner: Connection,
  app: Connection,
  username: string,
  role: Role,
  regionId: number,
  unitCodes: string[] = [],
): Promise<RequestContext> {
  const user = await owner.db
    .insertInto("app_user")
    .values({ username, display_name: `测试${username}`, password_hash: "$argon2id$placeholder" })
    .onConflict((oc) => oc.column("username").doUpdateSet({ disabled_at: null }))
    .returning("id")
    .executeTakeFirstOrThrow();
  await owner.db.deleteFrom("case_unit_member").where("user_id", "=", user.id).execute();
  if (unitCodes.length) {
    await sql`insert into case_unit_member (user_id, unit_id) select ${user.id}, id from case_unit where code = any(${unitCodes}::text[])`.execute(
      owner.db,
    );
  }
  return contextWithAssignments(app.db, [{ role, regionId }], { userId: user.id, username, displayName: `测试${username}` });
}

/** The id of a unit by its code. */
export async function unitId(owner: Connection, code: string): Promise<number> {
  const row = await owner.db.selectFrom("case_unit").select("id").where("code", "=", code).executeTakeFirstOrThrow();
  return row.id;
}

export async function categoryId(owner: Connection, code: string): Promise<number> {
  const row = await owner.db.selectFrom("case_category").select("id").where("code", "=", code).executeTakeFirstOrThrow();
  return row.id;
}
