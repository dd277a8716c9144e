import type { Database } from "../client";

/** Active categories whose parent (if any) is active too, in the tree's sort order (parents first). */
export async function findActiveCategories(db: Database) {
  return db
    .selectFrom("case_category as c")
    .leftJoin("case_category as p", "p.id", "c.parent_id")
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
      "c.sort",
    ])
    .where("c.active", "=", true)
    .where((eb) => eb.or([eb("c.parent_id", "is", null), eb("p.active", "=", true)]))
    .orderBy("c.parent_id", (ob) => ob.asc().nullsFirst())
    .orderBy("c.sort")
    .orderBy("c.id")
    .execute();
}
