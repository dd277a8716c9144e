import { sql } from "kysely";
import type { Database } from "../client";
import type { PositionCode } from "./org-catalog";

/**
 * Which staff record a demo account is (staff.user_id): the holder of an open grid post of a region, or
 * someone in a department and position. The first match by staff number that no other demo account took.
 */
export type DemoStaffPick =
  | { post: { regionId: number; role: "grid_head" | "full_time" }; prefer?: PositionCode }
  | { department: string; position: PositionCode };

/**
 * Links `userId` to the staff record `pick` names (idempotent: after a reseed the staff rows are new and the
 * link is made again; a link of the account to someone else is moved). Returns the staff id, or null when
 * the district has no such person (a district loaded before the organisation existed).
 */
export async function linkDemoStaff(
  db: Database,
  userId: number,
  pick: DemoStaffPick,
  taken: Set<number>,
): Promise<number | null> {
  const candidates =
    "post" in pick
      ? await sql<{ id: number }>`
          select s.id from grid_post p join staff s on s.id = p.staff_id join staff_position sp on sp.id = s.position_id
           where p.region_id = ${pick.post.regionId} and p.grid_role = ${pick.post.role} and p.valid_to is null and s.leave_date is null
           order by (sp.code = ${pick.prefer ?? ""}) desc, s.staff_no`.execute(db)
      : await sql<{ id: number }>`
          select s.id from staff s join department d on d.id = s.department_id join staff_position sp on sp.id = s.position_id
           where d.code = ${pick.department} and sp.code = ${pick.position} and s.leave_date is null
           order by s.staff_no`.execute(db);
  const target = candidates.rows.map((r) => Number(r.id)).find((id) => !taken.has(id));
  if (target === undefined) return null;
  taken.add(target);
  await sql`update staff set user_id = null where (user_id = ${userId} and id <> ${target}) or (id = ${target} and user_id <> ${userId})`.execute(
    db,
  );
  await sql`update staff set user_id = ${userId} where id = ${target}`.execute(db);
  return target;
}
