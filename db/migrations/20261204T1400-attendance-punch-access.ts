import { sql, type Kysely } from "kysely";
import { APP_ROLE } from "./20261124T0900-access";

/**
 * What the web process (the application role, no ownership) needs to punch and patrol from the phone and
 * to read who is on duty: read the people, their departments, grid posts, fences and rules; write punches
 * and patrols (append-only punches: no update or delete). Granting a privilege a sibling migration also grants
 * is harmless; down revokes only on the tables this part owns (punches and patrols).
 */
const READ = [
  "staff",
  "department",
  "grid_post",
  "staff_position",
  "staff_job",
  "attendance_point",
  "attendance_point_member",
  "attendance_rule",
] as const;
const APPEND = ["attendance_punch", "patrol_point"] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of READ) await sql`grant select on ${sql.table(table)} to ${sql.raw(APP_ROLE)}`.execute(db);
  for (const table of APPEND) await sql`grant select, insert on ${sql.table(table)} to ${sql.raw(APP_ROLE)}`.execute(db);
  await sql`grant select, insert, update on patrol to ${sql.raw(APP_ROLE)}`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`revoke select, insert, update on patrol from ${sql.raw(APP_ROLE)}`.execute(db);
  for (const table of APPEND) await sql`revoke select, insert on ${sql.table(table)} from ${sql.raw(APP_ROLE)}`.execute(db);
}
