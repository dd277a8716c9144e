import type { Database } from "../client";

/** The configuration rows the case rules read (small tables, read whole). */
export async function findCaseConfigRows(db: Database) {
  const [settings, days, limits, escalation] = await Promise.all([
    db.selectFrom("case_setting").select(["key", "value"]).execute(),
    db.selectFrom("calendar_day").select(["day", "kind", "name", "statutory"]).orderBy("day").execute(),
    db.selectFrom("time_limit_rule").select(["category_id", "urgency", "level", "stage", "amount", "unit"]).execute(),
    db.selectFrom("escalation_rule").select(["level", "auto_on_red", "notify_level"]).execute(),
  ]);
  return { settings, days, limits, escalation };
}

/** A category with its parent (rules set on a parent apply to its children). */
export async function findCategory(db: Database, id: number) {
  return db
    .selectFrom("case_category as c")
    .select([
      "c.id",
      "c.code",
      "c.name",
      "c.parent_id",
      "c.grp",
      "c.kind",
      "c.default_level",
      "c.default_urgency",
      "c.risk_assessed",
      "c.active",
    ])
    .where("c.id", "=", id)
    .executeTakeFirst();
}
