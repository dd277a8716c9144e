import { sql } from "kysely";
import type { Database } from "../client";

/** A case summary (list line, map point): the case joined with its category, grid and lead unit. */
export function selectCaseSummaries(db: Database) {
  return db
    .selectFrom("case_record as c")
    .innerJoin("case_category as cat", "cat.id", "c.category_id")
    .innerJoin("region as g", "g.id", "c.grid_id")
    .leftJoin("case_unit as lu", "lu.id", "c.lead_unit_id")
    .select([
      "c.id",
      "c.number",
      "c.state",
      "c.level",
      "c.light",
      "c.source",
      "c.kind",
      "c.urgency",
      "c.category_id",
      "cat.name as category_name",
      "c.description",
      "c.address",
      "c.grid_id",
      "g.name as grid_name",
      "lu.name as lead_unit_name",
      "c.reported_at",
      "c.deadline_at",
      "c.closed_at",
      sql<number>`st_x(c.geom)`.as("lon"),
      sql<number>`st_y(c.geom)`.as("lat"),
    ]);
}

/** The summaries of these cases (any order). */
export async function findCaseSummaries(db: Database, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return selectCaseSummaries(db).where("c.id", "in", ids).execute();
}

export type CaseSummaryRow = Awaited<ReturnType<typeof findCaseSummaries>>[number];

/** Everything the detail page shows beyond the summary. */
export async function findCaseDetailRow(db: Database, id: number) {
  return db
    .selectFrom("case_record as c")
    .leftJoin("case_unit as hu", "hu.id", "c.handled_by_unit_id")
    .leftJoin("case_category as cat", "cat.id", "c.category_id")
    .select([
      "c.id",
      "c.version",
      "c.region_path",
      "c.reporter_user_id",
      "c.reporter_name",
      "c.reporter_phone_masked",
      "c.external_id",
      "c.channel",
      "c.lead_unit_id",
      "c.co_unit_ids",
      "c.handled_by_unit_id",
      "hu.name as handled_by_unit_name",
      "c.stage",
      "c.stage_started_at",
      "c.yellow_at",
      "c.handle_deadline_at",
      "c.extension_pending",
      "c.discovery_stars",
      "c.disposal_stars",
      "c.satisfaction",
      "c.resolution",
      "c.timeliness",
      "c.risk_l",
      "c.risk_e",
      "c.risk_c",
      "c.risk_value",
      "c.risk_grade",
      "c.emergency_plan",
      "c.reopen_count",
      "c.supervision_count",
      "c.merged_into_id",
      "c.state",
      "c.level",
      "c.category_id",
      "cat.parent_id as parent_category_id",
      "cat.risk_assessed",
    ])
    .where("c.id", "=", id)
    .executeTakeFirst();
}

export async function findCaseEvents(db: Database, caseId: number) {
  return db
    .selectFrom("case_event")
    .select([
      "id",
      "at",
      "actor_user_id",
      "actor_name",
      "action",
      "from_state",
      "to_state",
      "from_level",
      "to_level",
      "note",
      "details",
      "photo_ids",
    ])
    .where("case_id", "=", caseId)
    .orderBy("id")
    .execute();
}

/** A case's photos with the action of the timeline row that attached each (its stage), oldest first. */
export async function findCasePhotosWithStep(db: Database, caseId: number) {
  const { rows } = await sql<{ id: number; action: string | null }>`
    select p.id,
           (select e.action from case_event e where e.case_id = p.case_id and p.id = any(e.photo_ids) order by e.id limit 1) as action
      from case_photo p
     where p.case_id = ${caseId}
     order by p.id`.execute(db);
  return rows;
}

export async function findUnitsByIds(db: Database, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom("case_unit").select(["id", "name", "kind"]).where("id", "in", ids).execute();
}

/** The grid's parents, district first. */
export async function findBreadcrumb(db: Database, path: string) {
  return db
    .selectFrom("region")
    .select(["id", "name", "level"])
    .where(sql<boolean>`path @> ${path}::ltree`)
    .orderBy("level")
    .execute();
}

/** Units a case can be dispatched to: those serving a region that contains the case (departments serve the district). */
export async function findUnitsServing(db: Database, regionPath: string) {
  return db
    .selectFrom("case_unit as u")
    .innerJoin("region as r", "r.id", "u.region_id")
    .select(["u.id", "u.name", "u.kind"])
    .where("u.active", "=", true)
    .where(sql<boolean>`r.path @> ${regionPath}::ltree`)
    .orderBy(sql`case u.kind when 'department' then 0 when 'street_office' then 1 else 2 end`)
    .orderBy("u.code")
    .execute();
}

/** The area path of a case (its basic grid), or null when it is not visible. */
export async function findCasePath(db: Database, id: number): Promise<string | null> {
  const row = await db.selectFrom("case_record").select("region_path").where("id", "=", id).executeTakeFirst();
  return row?.region_path ?? null;
}
