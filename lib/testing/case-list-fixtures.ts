import { sql } from "kysely";
import type { Database } from "../../db/client";

/**
 * Test cases written straight into case_record with the owner's connection (the report verb has its own
 * tests): the list, export and rates tests need cases in known grids, states, times and ratings.
 */
export type TestCase = {
  gridId: number;
  /** A case_category code; default "event.exposed_garbage". */
  category?: string;
  state?: string;
  light?: string | null;
  source?: string;
  level?: string;
  urgency?: string;
  reportedAt: Date | string;
  description?: string;
  address?: string | null;
  reporterName?: string | null;
  reporterPhoneMasked?: string | null;
  satisfaction?: string | null;
  /** A case_unit code (e.g. "dept.cg"). */
  leadUnit?: string | null;
  deadlineAt?: Date | string | null;
  number?: string;
  /** The return visit's "问题是否解决". */
  resolution?: string | null;
  /** The acknowledgement limit of the latest dispatch and the instant of the 签收 (响应率). */
  acknowledgeDeadlineAt?: string | null;
  acknowledgedAt?: string | null;
  /** A merged duplicate (merged_into_id points at the case itself: only "merged or not" matters here). */
  merged?: boolean;
};

let serial = 0;

/** Inserts the cases (one statement each) and returns their ids in the same order. */
export async function insertTestCases(owner: Database, cases: readonly TestCase[]): Promise<number[]> {
  const ids: number[] = [];
  for (const c of cases) {
    serial += 1;
    const number = c.number ?? `SJT${String(process.pid % 1000).padStart(3, "0")}${String(serial).padStart(9, "0")}`;
    const reportedAt = typeof c.reportedAt === "string" ? c.reportedAt : c.reportedAt.toISOString();
    const deadline =
      c.deadlineAt === undefined || c.deadlineAt === null
        ? null
        : typeof c.deadlineAt === "string"
          ? c.deadlineAt
          : c.deadlineAt.toISOString();
    const { rows } = await sql<{ id: number }>`
      insert into case_record (number, district_code, source, kind, category_id, description, address, geom, grid_id, region_path,
                               reporter_name, reporter_phone_masked, urgency, level, state, light, satisfaction, lead_unit_id, reported_at, deadline_at)
      select ${number}, g.district_code, ${c.source ?? "grid_worker"}, cat.kind, cat.id, ${c.description ?? "测试案件"}, ${c.address ?? null},
             st_pointonsurface(g.geom), g.id, g.path, ${c.reporterName ?? null}, ${c.reporterPhoneMasked ?? null},
             ${c.urgency ?? "general"}, ${c.level ?? "community"}, ${c.state ?? "filed"}, ${c.light === undefined ? "green" : c.light},
             ${c.satisfaction ?? null}, (select id from case_unit where code = ${c.leadUnit ?? null}), ${reportedAt}::timestamptz, ${deadline}::timestamptz
        from region g, case_category cat
       where g.id = ${c.gridId} and cat.code = ${c.category ?? "event.exposed_garbage"}
      returning id`.execute(owner);
    if (!rows[0]) throw new Error(`no grid ${c.gridId} or category ${c.category}`);
    ids.push(rows[0].id);
    if (c.resolution || c.acknowledgeDeadlineAt || c.acknowledgedAt || c.merged)
      await sql`
        update case_record
           set resolution = ${c.resolution ?? null}, acknowledge_deadline_at = ${c.acknowledgeDeadlineAt ?? null}::timestamptz,
               acknowledged_at = ${c.acknowledgedAt ?? null}::timestamptz, merged_into_id = ${c.merged ? rows[0].id : null}
         where id = ${rows[0].id}`.execute(owner);
  }
  return ids;
}

/** Removes every case (and with them their events, photos and notices). */
export async function deleteAllCases(owner: Database): Promise<void> {
  await sql`truncate case_record restart identity cascade`.execute(owner);
}

/** Two communities of one street, each with a basic grid: the scope tests' "own" and "other" areas. */
export type TwoCommunities = {
  street: { id: number; path: string };
  own: { community: number; grid: number; gridPath: string; communityPath: string };
  other: { community: number; grid: number; gridPath: string; communityPath: string };
};

export async function twoCommunities(owner: Database): Promise<TwoCommunities> {
  const { rows } = await sql<{
    street: number;
    streetPath: string;
    community: number;
    communityPath: string;
    grid: number;
    gridPath: string;
  }>`
    select s.id as street, s.path::text as "streetPath", c.id as community, c.path::text as "communityPath",
           (select g.id from region g where g.level = 4 and g.path <@ c.path order by g.code limit 1) as grid,
           (select g.path::text from region g where g.level = 4 and g.path <@ c.path order by g.code limit 1) as "gridPath"
      from region s join region c on c.parent_id = s.id
     where s.level = 1 and exists (select 1 from region g where g.level = 4 and g.path <@ c.path)
     order by s.code, c.code`.execute(owner);
  const street = rows[0];
  const second = rows.find((r) => r.street === street.street && r.community !== street.community);
  if (!second) throw new Error("the seeded district has no street with two communities");
  const pick = (r: typeof street) => ({
    community: r.community,
    grid: r.grid,
    gridPath: r.gridPath,
    communityPath: r.communityPath,
  });
  return { street: { id: street.street, path: street.streetPath }, own: pick(street), other: pick(second) };
}
