import { Migrator, NO_MIGRATIONS, type MigrationProvider, type MigrationResultSet } from "kysely/migration";
import type { Database } from "./client";
import { migrations } from "./migrations";

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Unordered migrations are allowed: work on parallel branches lands migrations whose timestamps interleave
 * with ones a database has already run; each runs once, in index order, whatever ran before it.
 */
function migrator(db: Database) {
  return new Migrator({
    db,
    provider,
    migrationTableName: "kysely_migration",
    migrationLockTableName: "kysely_migration_lock",
    allowUnorderedMigrations: true,
  });
}

function unwrap({ error, results }: MigrationResultSet) {
  for (const r of results ?? []) {
    if (r.status === "Error") process.stderr.write(`[migrate] ${r.direction} ${r.migrationName} failed\n`);
  }
  if (error) throw error;
  return (results ?? []).map((r) => `${r.direction} ${r.migrationName}`);
}

/** Applies every pending migration; returns what ran. */
export async function migrateToLatest(db: Database) {
  return unwrap(await migrator(db).migrateToLatest());
}

/** Rolls back the most recent migration. */
export async function migrateDown(db: Database) {
  return unwrap(await migrator(db).migrateDown());
}

/** Rolls every migration back (tests use it to prove each `down` works). */
export async function migrateToZero(db: Database) {
  return unwrap(await migrator(db).migrateTo(NO_MIGRATIONS));
}
