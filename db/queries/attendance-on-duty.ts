import { sql } from "kysely";
import type { Database } from "../client";
import type { Scope } from "./scope";
import { staffWithinScope } from "./staff-scope";

/**
 * Who is on duty now: the people of the area whose last punch of the day is a punch in. Counted per region of a
 * level (the region of their department, rolled up to that level), and — for a caller allowed to see them — their
 * last known position (the later of their last punch's and their last patrol point's of the day).
 */
const ON_DUTY = (day: string, scope: Scope) => sql`
  with last as (
    select distinct on (p.staff_id) p.staff_id, p.kind, p.server_at, p.position
      from attendance_punch p where p.day = ${day}::date
     order by p.staff_id, p.server_at desc, p.id desc
  )
  select l.staff_id, l.server_at, l.position from last l
   where l.kind = 'in' and ${staffWithinScope(sql`l.staff_id`, scope)}`;

export async function countOnDutyByRegion(
  db: Database,
  args: { day: string; scope: Scope; level: number },
): Promise<{ regionId: number; regionName: string; onDuty: number }[]> {
  const { rows } = await sql<{ regionId: number; regionName: string; onDuty: number }>`
    with on_duty as (${ON_DUTY(args.day, args.scope)})
    select r.id as "regionId", r.name as "regionName", count(*)::int as "onDuty"
      from on_duty o join staff s on s.id = o.staff_id join department d on d.id = s.department_id
      join region dr on dr.id = d.region_id
      join region r on r.path = subpath(dr.path, 0, least(nlevel(dr.path), ${args.level + 1}))
     group by r.id, r.name
     order by r.name`.execute(db);
  return rows;
}

export type OnDutyPoint = { staffId: number; name: string; since: Date; at: Date; lon: number; lat: number };

export async function listOnDutyPoints(db: Database, args: { day: string; scope: Scope; limit: number }): Promise<OnDutyPoint[]> {
  const { rows } = await sql<OnDutyPoint>`
    with on_duty as (${ON_DUTY(args.day, args.scope)})
    select o.staff_id as "staffId", s.name, o.server_at as since, w.at, st_x(w.position) as lon, st_y(w.position) as lat
      from on_duty o join staff s on s.id = o.staff_id
      cross join lateral (
        select at, position from (
          select o.server_at as at, o.position
          union all
          (select pp.at, pp.position from patrol pa join patrol_point pp on pp.patrol_id = pa.id
            where pa.staff_id = o.staff_id and pa.day = ${args.day}::date order by pp.at desc limit 1)
        ) c where position is not null order by at desc limit 1
      ) w
     order by o.staff_id
     limit ${args.limit}`.execute(db);
  return rows;
}
