import { sql, type Kysely } from "kysely";
import { APP_ROLE } from "./20261124T0900-access";

/**
 * The web process itself retires the fence tiles when HR saves or deactivates an attendance point (in the same
 * transaction as the change), so it may move the layer versions (layer_version: layer, version, changed_at).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`grant select, insert, update on layer_version to ${sql.raw(APP_ROLE)}`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`revoke insert, update on layer_version from ${sql.raw(APP_ROLE)}`.execute(db);
}
