import { sql, type Kysely } from "kysely";
import { APP_ROLE } from "./20261124T0900-access";

/**
 * The web process (the application role, which owns no table) keeps attendance points and rules: HR draws,
 * edits and deactivates fences (never deletes one: punches point at them), sets who a fence serves (members
 * are replaced, so delete), and keeps effective-dated rules (closed, never deleted). It reads the organisation
 * to check that a department or person lies in the caller's area; those read grants are the organisation's
 * own too (20261204T1000-staff-org-grants), so down leaves them.
 */
const GRANTS: readonly [table: string, privileges: string][] = [
  ["attendance_point", "select, insert, update"],
  ["attendance_point_member", "select, insert, delete"],
  ["attendance_rule", "select, insert, update"],
];
const ORGANISATION_READ = ["department", "staff", "staff_job", "grid_post"];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, privileges] of GRANTS) {
    await sql`grant ${sql.raw(privileges)} on ${sql.table(table)} to ${sql.raw(APP_ROLE)}`.execute(db);
  }
  for (const table of ORGANISATION_READ) await sql`grant select on ${sql.table(table)} to ${sql.raw(APP_ROLE)}`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [table, privileges] of GRANTS) {
    await sql`revoke ${sql.raw(privileges)} on ${sql.table(table)} from ${sql.raw(APP_ROLE)}`.execute(db);
  }
}
