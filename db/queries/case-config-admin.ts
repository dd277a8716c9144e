import { sql } from "kysely";
import { withinScope, type Scope } from "./scope";
import type { Database } from "../client";

/*
 * The configuration tables of cases as the admin pages read and write them. Every update and delete is
 * optimistic: it names the version the editor saw and bumps it, so a row changed by someone else in the
 * meantime updates nothing and the verb answers CONFLICT. The tables are small (hundreds of rows).
 */

const dateText = (column: string) => sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

// ---------- categories ----------

export async function findCategoriesForAdmin(db: Database) {
  return db
    .selectFrom("case_category")
    .select([
      "id",
      "code",
      "name",
      "parent_id as parentId",
      "grp",
      "kind",
      "default_level as defaultLevel",
      "default_urgency as defaultUrgency",
      "risk_assessed as riskAssessed",
      "sort",
      "active",
      "version",
      "updated_at as updatedAt",
    ])
    .orderBy("sort")
    .orderBy("id")
    .execute();
}

export type CategoryAdminRow = Awaited<ReturnType<typeof findCategoriesForAdmin>>[number];

export async function findCategoryForAdmin(db: Database, id: number): Promise<CategoryAdminRow | undefined> {
  return (await findCategoriesForAdmin(db)).find((c) => c.id === id);
}

export async function updateCategoryRow(
  db: Database,
  id: number,
  expectedVersion: number,
  patch: { name: string; defaultLevel: string; defaultUrgency: string; active: boolean },
) {
  return db
    .updateTable("case_category")
    .set({
      name: patch.name,
      default_level: patch.defaultLevel,
      default_urgency: patch.defaultUrgency,
      active: patch.active,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where("id", "=", id)
    .where("version", "=", expectedVersion)
    .returning(["id", "version"])
    .executeTakeFirst();
}

// ---------- units and regions (pickers) ----------

export async function findUnitsForAdmin(db: Database) {
  return db.selectFrom("case_unit").select(["id", "code", "name", "kind", "active"]).orderBy("kind").orderBy("code").execute();
}

/** Active units among `ids`. */
export async function findActiveUnitIds(db: Database, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("case_unit")
    .select("id")
    .where("id", "in", [...ids])
    .where("active", "=", true)
    .execute();
  return rows.map((r) => r.id);
}

/** Regions a routing rule can apply to: the district, streets/towns and communities/villages inside the scope. */
export async function findRoutingRegionOptions(db: Database, scope: Scope) {
  return db
    .selectFrom("region as r")
    .leftJoin("region as p", "p.id", "r.parent_id")
    .select(["r.id", "r.name", "r.level", "r.kind", "r.code", "p.name as parentName"])
    .where("r.level", "<=", 2)
    .where(withinScope(sql.ref("r.path"), scope))
    .orderBy("r.level")
    .orderBy("r.code")
    .execute();
}

export async function findRegionInScope(db: Database, id: number, scope: Scope) {
  return db
    .selectFrom("region as r")
    .select(["r.id", "r.name", "r.level"])
    .where("r.id", "=", id)
    .where(withinScope(sql.ref("r.path"), scope))
    .executeTakeFirst();
}

// ---------- routing rules ----------

export async function findRoutingRulesForAdmin(db: Database, scope: Scope, filter: { categoryId?: number } = {}) {
  let q = db
    .selectFrom("routing_rule as rr")
    .innerJoin("case_category as c", "c.id", "rr.category_id")
    .innerJoin("region as g", "g.id", "rr.region_id")
    .innerJoin("case_unit as lu", "lu.id", "rr.lead_unit_id")
    .select([
      "rr.id",
      "rr.category_id as categoryId",
      "c.name as categoryName",
      "c.parent_id as categoryParentId",
      "rr.region_id as regionId",
      "g.name as regionName",
      "g.level as regionLevel",
      "g.kind as regionKind",
      "rr.lead_unit_id as leadUnitId",
      "lu.name as leadUnitName",
      "rr.co_unit_ids as coUnitIds",
      sql<
        string[]
      >`coalesce((select array_agg(u.name order by array_position(rr.co_unit_ids, u.id)) from case_unit u where u.id = any(rr.co_unit_ids)), '{}')`.as(
        "coUnitNames",
      ),
      "rr.auto_dispatch as autoDispatch",
      "rr.version",
      "rr.updated_at as updatedAt",
    ])
    .where(withinScope(sql.ref("g.path"), scope));
  if (filter.categoryId !== undefined) {
    const id = filter.categoryId;
    q = q.where((eb) => eb.or([eb("rr.category_id", "=", id), eb("c.parent_id", "=", id)]));
  }
  return q.orderBy("c.sort").orderBy("c.id").orderBy("g.level").orderBy("g.code").execute();
}

export type RoutingRuleAdminRow = Awaited<ReturnType<typeof findRoutingRulesForAdmin>>[number];

export async function findRoutingRuleRow(db: Database, id: number) {
  return db.selectFrom("routing_rule").selectAll().where("id", "=", id).executeTakeFirst();
}

export type RoutingRuleValues = {
  categoryId: number;
  regionId: number;
  leadUnitId: number;
  coUnitIds: number[];
  autoDispatch: boolean;
};

export async function insertRoutingRule(db: Database, v: RoutingRuleValues) {
  return db
    .insertInto("routing_rule")
    .values({
      category_id: v.categoryId,
      region_id: v.regionId,
      lead_unit_id: v.leadUnitId,
      co_unit_ids: v.coUnitIds,
      auto_dispatch: v.autoDispatch,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateRoutingRule(db: Database, id: number, expectedVersion: number, v: RoutingRuleValues) {
  return db
    .updateTable("routing_rule")
    .set({
      category_id: v.categoryId,
      region_id: v.regionId,
      lead_unit_id: v.leadUnitId,
      co_unit_ids: v.coUnitIds,
      auto_dispatch: v.autoDispatch,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where("id", "=", id)
    .where("version", "=", expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteRoutingRule(db: Database, id: number, expectedVersion: number) {
  return db
    .deleteFrom("routing_rule")
    .where("id", "=", id)
    .where("version", "=", expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

// ---------- time limits ----------

export async function findTimeLimitsForAdmin(db: Database) {
  return db
    .selectFrom("time_limit_rule as t")
    .leftJoin("case_category as c", "c.id", "t.category_id")
    .select([
      "t.id",
      "t.category_id as categoryId",
      "c.name as categoryName",
      "t.urgency",
      "t.level",
      "t.stage",
      "t.amount",
      "t.unit",
      "t.version",
      "t.updated_at as updatedAt",
    ])
    .orderBy(sql`t.category_id nulls first`)
    .orderBy(sql`t.level nulls first`)
    .orderBy(sql`array_position(array['emergency','urgent','general','complex'], t.urgency)`)
    .orderBy(sql`array_position(array['accept','dispatch','handle','verify'], t.stage)`)
    .execute();
}

export type TimeLimitAdminRow = Awaited<ReturnType<typeof findTimeLimitsForAdmin>>[number];

export async function findTimeLimitRow(db: Database, id: number) {
  return db.selectFrom("time_limit_rule").selectAll().where("id", "=", id).executeTakeFirst();
}

export type TimeLimitValues = {
  categoryId: number | null;
  urgency: string;
  level: string | null;
  stage: string;
  amount: number;
  unit: string;
};

export async function insertTimeLimit(db: Database, v: TimeLimitValues) {
  return db
    .insertInto("time_limit_rule")
    .values({ category_id: v.categoryId, urgency: v.urgency, level: v.level, stage: v.stage, amount: v.amount, unit: v.unit })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateTimeLimit(db: Database, id: number, expectedVersion: number, v: TimeLimitValues) {
  return db
    .updateTable("time_limit_rule")
    .set({
      category_id: v.categoryId,
      urgency: v.urgency,
      level: v.level,
      stage: v.stage,
      amount: v.amount,
      unit: v.unit,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where("id", "=", id)
    .where("version", "=", expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteTimeLimit(db: Database, id: number, expectedVersion: number) {
  return db
    .deleteFrom("time_limit_rule")
    .where("id", "=", id)
    .where("version", "=", expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

// ---------- calendar ----------

export async function findCalendarDaysForAdmin(db: Database, year: number) {
  return db
    .selectFrom("calendar_day")
    .select([dateText("day").as("day"), "kind", "name", "statutory", "version", "updated_at as updatedAt"])
    .where(sql<boolean>`day >= make_date(${year}, 1, 1) and day < make_date(${year + 1}, 1, 1)`)
    .orderBy("day")
    .execute();
}

/** The years that hold calendar rows (for the year picker), newest first. */
export async function findCalendarYears(db: Database): Promise<number[]> {
  const { rows } = await sql<{
    year: number;
  }>`select distinct extract(year from day)::int as year from calendar_day order by 1 desc`.execute(db);
  return rows.map((r) => r.year);
}

export async function findCalendarDayRow(db: Database, day: string) {
  return db
    .selectFrom("calendar_day")
    .select([dateText("day").as("day"), "kind", "name", "statutory", "version"])
    .where(sql<boolean>`day = ${day}::date`)
    .executeTakeFirst();
}

export async function insertCalendarDay(db: Database, v: { day: string; kind: string; name: string; statutory: boolean }) {
  return db
    .insertInto("calendar_day")
    .values({ day: sql`${v.day}::date`, kind: v.kind, name: v.name, statutory: v.statutory })
    .returning([dateText("day").as("day"), "kind", "name", "statutory", "version"])
    .executeTakeFirstOrThrow();
}

export async function updateCalendarDay(
  db: Database,
  day: string,
  expectedVersion: number,
  v: { kind: string; name: string; statutory: boolean },
) {
  return db
    .updateTable("calendar_day")
    .set({ kind: v.kind, name: v.name, statutory: v.statutory, version: sql`version + 1`, updated_at: sql`now()` })
    .where(sql<boolean>`day = ${day}::date`)
    .where("version", "=", expectedVersion)
    .returning([dateText("day").as("day"), "kind", "name", "statutory", "version"])
    .executeTakeFirst();
}

export async function deleteCalendarDay(db: Database, day: string, expectedVersion: number) {
  return db
    .deleteFrom("calendar_day")
    .where(sql<boolean>`day = ${day}::date`)
    .where("version", "=", expectedVersion)
    .returning([dateText("day").as("day"), "kind", "name", "version"])
    .executeTakeFirst();
}

// ---------- escalation ----------

export async function findEscalationRulesForAdmin(db: Database) {
  return db
    .selectFrom("escalation_rule")
    .select(["level", "auto_on_red as autoOnRed", "notify_level as notifyLevel", "motto", "version", "updated_at as updatedAt"])
    .orderBy(sql`array_position(array['grid','community','street','district'], level)`)
    .execute();
}

export async function updateEscalationRule(
  db: Database,
  level: string,
  expectedVersion: number,
  v: { autoOnRed: boolean; notifyLevel: string },
) {
  return db
    .updateTable("escalation_rule")
    .set({ auto_on_red: v.autoOnRed, notify_level: v.notifyLevel, version: sql`version + 1`, updated_at: sql`now()` })
    .where("level", "=", level)
    .where("version", "=", expectedVersion)
    .returning(["level", "auto_on_red as autoOnRed", "notify_level as notifyLevel", "version"])
    .executeTakeFirst();
}

export async function findEscalationRuleRow(db: Database, level: string) {
  return db
    .selectFrom("escalation_rule")
    .select(["level", "auto_on_red as autoOnRed", "notify_level as notifyLevel", "version"])
    .where("level", "=", level)
    .executeTakeFirst();
}

// ---------- settings ----------

export async function findSettingsForAdmin(db: Database) {
  return db.selectFrom("case_setting").select(["key", "value", "version", "updated_at as updatedAt"]).orderBy("key").execute();
}

export async function findSettingRow(db: Database, key: string) {
  return db.selectFrom("case_setting").select(["key", "value", "version"]).where("key", "=", key).executeTakeFirst();
}

export async function updateSetting(db: Database, key: string, expectedVersion: number, value: unknown) {
  return (
    db
      .updateTable("case_setting")
      // Sent as text and cast once: a JS string bound to jsonb directly would be stored as a JSON string.
      .set({ value: sql`${JSON.stringify(value)}::text::jsonb`, version: sql`version + 1`, updated_at: sql`now()` })
      .where("key", "=", key)
      .where("version", "=", expectedVersion)
      .returning(["key", "value", "version"])
      .executeTakeFirst()
  );
}
