import { sql } from "kysely";
import type { Connection } from "../../db/client";

/**
 * Test fixtures for daily results, requests and reports: a department at a region, and people in it (set-based,
 * so the benchmark makes 4,000 in one statement). Written through the owner's connection.
 */
export async function createDepartment(owner: Connection, input: { code: string; regionId: number; parentId?: number | null }) {
  const { rows } = await sql<{ id: number }>`
    insert into department (code, name, kind, level, parent_id, region_id)
    select ${input.code}, ${`测试部门${input.code}`}, 'grid_office', r.level, ${input.parentId ?? null}, r.id
      from region r where r.id = ${input.regionId}
    returning id`.execute(owner.db);
  return rows[0].id;
}

async function positionAndRank(owner: Connection): Promise<{ positionId: number; rankId: number }> {
  await sql`insert into staff_position (code, name) values ('test.days', '测试岗位') on conflict (code) do nothing`.execute(
    owner.db,
  );
  await sql`insert into staff_rank (code, name, ordinal) values ('test.days', '测试职级', 999) on conflict (code) do nothing`.execute(
    owner.db,
  );
  const { rows } = await sql<{ positionId: number; rankId: number }>`
    select (select id from staff_position where code = 'test.days') as "positionId",
           (select id from staff_rank where code = 'test.days') as "rankId"`.execute(owner.db);
  return rows[0];
}

/** `count` people in a department, numbered `${prefix}-1` …, hired 2020-01-01; the first one linked to `userId`. */
export async function createStaff(
  owner: Connection,
  input: { departmentId: number; count: number; prefix: string; userId?: number | null },
): Promise<number[]> {
  const { positionId, rankId } = await positionAndRank(owner);
  const { rows } = await sql<{ id: number }>`
    insert into staff (staff_no, name, department_id, position_id, rank_id, hire_date, district_code, user_id)
    select ${input.prefix} || '-' || i, '测试' || ${input.prefix} || i, ${input.departmentId}, ${positionId}, ${rankId},
           '2020-01-01', '110112', case when i = 1 then ${input.userId ?? null}::bigint end
      from generate_series(1, ${input.count}) i
    returning id`.execute(owner.db);
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

/** A punch at a Beijing clock time "YYYY-MM-DD HH:MM:SS". */
export async function insertPunch(
  owner: Connection,
  input: { staffId: number; kind: "in" | "out"; local: string; inside?: boolean },
): Promise<void> {
  const at = new Date(`${input.local.replace(" ", "T")}+08:00`);
  await sql`
    insert into attendance_punch (staff_id, request_id, kind, server_at, day, inside)
    values (${input.staffId}, gen_random_uuid(), ${input.kind}, ${at.toISOString()}::timestamptz, ${input.local.slice(0, 10)}::date,
            ${input.inside ?? true})`.execute(owner.db);
}
