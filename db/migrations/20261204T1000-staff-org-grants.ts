import { sql, type Kysely } from "kysely";
import { APP_ROLE } from "./20261124T0900-access";

/**
 * The web process (the application role, which owns no table) reads and keeps the organisation: HR creates
 * and closes departments, keeps staff records, their photos, job history and grid posts. Positions and ranks
 * are read only (the seed and migrations keep them). Nothing is deleted but a replaced photo; history rows
 * are closed (valid_to), never removed.
 */
const GRANTS: readonly [table: string, privileges: string][] = [
  ["department", "select, insert, update"],
  ["staff_position", "select"],
  ["staff_rank", "select"],
  ["staff", "select, insert, update"],
  ["staff_photo", "select, insert, update, delete"],
  ["staff_job", "select, insert, update"],
  ["grid_post", "select, insert, update"],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, privileges] of GRANTS) {
    await sql`grant ${sql.raw(privileges)} on ${sql.table(table)} to ${sql.raw(APP_ROLE)}`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [table] of GRANTS) {
    await sql`revoke all on ${sql.table(table)} from ${sql.raw(APP_ROLE)}`.execute(db);
  }
}
