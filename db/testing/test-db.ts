/**
 * The real, migrated PostGIS test database for `*.db.test.ts` files (never a mock).
 * The global setup prepares it once; each test file opens its own connection with `openTestDb()`.
 */
import { connect, type Connection } from "../client";
import { testDatabaseUrl } from "../url";

export function openTestDb(): Connection {
  return connect(testDatabaseUrl(), { max: 4 });
}
