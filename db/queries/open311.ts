import { sql } from "kysely";
import type { Database } from "../client";

/**
 * Reads behind the public Open311 GeoReport v2 interface. Only the city-management categories are public
 * services (OPEN311_GROUPS); the requests are cases of those categories, read inside a transaction scoped
 * to the whole district (cases have row-level security). No reporter column is ever selected here.
 */
export const OPEN311_GROUPS = ["component", "event"] as const;

export type ServiceRow = { code: string; name: string; grp: string; kind: string; group_name: string };

export async function findServiceCategories(db: Database, code?: string): Promise<ServiceRow[]> {
  const { rows } = await sql<ServiceRow>`
    select c.code, c.name, c.grp, c.kind, p.name as group_name
      from case_category c join case_category p on p.id = c.parent_id
     where c.active and c.grp in ('component', 'event') ${code !== undefined ? sql`and c.code = ${code}` : sql``}
     order by p.sort, c.sort, c.id`.execute(db);
  return rows;
}

export async function findServiceCategoryId(db: Database, code: string): Promise<number | null> {
  const row = await db
    .selectFrom("case_category as c")
    .select("c.id")
    .where("c.code", "=", code)
    .where("c.active", "=", true)
    .where("c.grp", "in", [...OPEN311_GROUPS])
    .where("c.parent_id", "is not", null)
    .executeTakeFirst();
  return row?.id ?? null;
}

export type RequestRow = {
  number: string;
  state: string;
  status_note: string | null;
  service_name: string;
  service_code: string;
  description: string;
  agency: string | null;
  reported_at: Date;
  updated_at: Date;
  handle_deadline_at: Date | null;
  address: string | null;
  lat: number;
  lon: number;
  media_url: string | null;
};

export type RequestFilter =
  | { numbers: readonly string[] }
  | { serviceCodes: readonly string[] | null; start: Date; end: Date; states: readonly string[] | null; limit: number };

/** Cases as service requests, newest first; a list of numbers ignores every other filter (the spec's rule). */
export async function findServiceRequests(db: Database, filter: RequestFilter): Promise<RequestRow[]> {
  const where =
    "numbers" in filter
      ? sql`c.number = any(${filter.numbers as string[]}::text[])`
      : sql`c.reported_at >= ${filter.start} and c.reported_at < ${filter.end}
            ${filter.serviceCodes ? sql`and cat.code = any(${filter.serviceCodes as string[]}::text[])` : sql``}
            ${filter.states ? sql`and c.state = any(${filter.states as string[]}::text[])` : sql``}`;
  const limit = "numbers" in filter ? filter.numbers.length : filter.limit;
  const { rows } = await sql<RequestRow>`
    select c.number, c.state, n.note as status_note, cat.name as service_name, cat.code as service_code, c.description,
           u.name as agency, c.reported_at, c.updated_at, c.handle_deadline_at, c.address,
           st_y(c.geom) as lat, st_x(c.geom) as lon, q.media_url
      from case_record c
      join case_category cat on cat.id = c.category_id and cat.grp in ('component', 'event')
      left join case_unit u on u.id = c.lead_unit_id
      left join open311_request q on q.case_id = c.id
      left join lateral (
        select e.note from case_event e where e.case_id = c.id and e.note is not null and e.note <> '' order by e.id desc limit 1
      ) n on true
     where ${where}
     order by c.reported_at desc, c.id desc
     limit ${limit}`.execute(db);
  return rows;
}

export async function insertOpen311Request(db: Database, v: { caseId: number; apiKeyId: number; mediaUrl: string | null }) {
  await db.insertInto("open311_request").values({ case_id: v.caseId, api_key_id: v.apiKeyId, media_url: v.mediaUrl }).execute();
}

export async function findDistrictRegion(db: Database) {
  const { rows } = await sql<{
    path: string;
    code: string;
    name: string;
  }>`select path::text as path, code, name from region where level = 0 order by id limit 1`.execute(db);
  return rows[0] ?? null;
}
