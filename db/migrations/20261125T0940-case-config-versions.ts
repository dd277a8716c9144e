import { sql, type Kysely } from "kysely";

/**
 * Optimistic concurrency for the two configuration tables that had none: the category tree and the working
 * calendar are edited in the admin pages like the rule tables, so two administrators editing the same row
 * get a clear conflict instead of one silently overwriting the other (the rule tables carry `version` already).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table case_category add column version integer not null default 1, add column updated_at timestamptz not null default now()`.execute(
    db,
  );
  await sql`alter table calendar_day add column version integer not null default 1`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table calendar_day drop column version`.execute(db);
  await sql`alter table case_category drop column version, drop column updated_at`.execute(db);
}
