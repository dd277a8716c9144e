import { sql, type Kysely } from "kysely";

/**
 * Attendance rules are edited from the rules page: an edit names the version it read (optimistic lock, like
 * attendance points and staff), so two clerks editing one rule set cannot silently overwrite each other.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table attendance_rule add column version integer not null default 1`.execute(db);
  await sql`alter table attendance_rule add column updated_at timestamptz not null default now()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table attendance_rule drop column updated_at`.execute(db);
  await sql`alter table attendance_rule drop column version`.execute(db);
}
