/**
 * The real, migrated PostGIS test database for `*.db.test.ts` files (never a mock): the file's own copy of
 * the seeded template (db/testing/file-database.ts names it TEST_DATABASE_URL before the file loads).
 * Each test file opens its connections with `openTestDb()`.
 */
import { connect, type Connection } from "../client";
import { testDatabaseUrl } from "../url";

export function openTestDb(): Connection {
  return connect(testDatabaseUrl(), { max: 4 });
}
