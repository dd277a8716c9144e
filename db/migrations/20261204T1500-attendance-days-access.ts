import { sql, type Kysely } from "kysely";
import { APP_ROLE } from "./20261124T0900-access";

/**
 * What the web process (the application role, which owns no table) needs for daily results, corrections,
 * leave and the monthly report: read the people, their history and the inputs of a day; write computed days
 * (a recompute after an approved correction or leave), requests and their decisions, the correction's punch,
 * and report versions with their rows. Granting a privilege a sibling migration also grants is harmless; down
 * revokes only on the tables this part owns.
 */
const READ = ["staff", "department", "staff_job", "grid_post", "attendance_rule", "patrol", "calendar_day"] as const;
const OWN: readonly [table: string, privileges: string][] = [
  ["attendance_day", "select, insert, update"],
  ["attendance_request", "select, insert, update"],
  ["attendance_month_report", "select, insert, update"],
  ["attendance_month_row", "select, insert"],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of READ) await sql`grant select on ${sql.table(table)} to ${sql.raw(APP_ROLE)}`.execute(db);
  await sql`grant select, insert on attendance_punch to ${sql.raw(APP_ROLE)}`.execute(db);
  for (const [table, privileges] of OWN) {
    await sql`grant ${sql.raw(privileges)} on ${sql.table(table)} to ${sql.raw(APP_ROLE)}`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [table] of OWN) await sql`revoke all on ${sql.table(table)} from ${sql.raw(APP_ROLE)}`.execute(db);
}
