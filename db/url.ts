import { env } from "../lib/env";
import { localDatabaseUrl } from "./cluster";

/** The product's database: DATABASE_URL when set, else the `gridatlas` database of the local cluster. */
export function productDatabaseUrl() {
  return env().DATABASE_URL ?? localDatabaseUrl("gridatlas");
}

/** The tests' database: TEST_DATABASE_URL when set, else `gridatlas_test` in the local cluster. */
export function testDatabaseUrl() {
  return env().TEST_DATABASE_URL ?? localDatabaseUrl("gridatlas_test");
}

/** Same server as `url`, another database name (for creating databases from the maintenance db). */
export function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
