import { env } from "../lib/env";
import { localDatabaseUrl } from "./cluster";

/** The product's database: DATABASE_URL when set, else the `gridatlas` database of the local cluster. */
export function productDatabaseUrl() {
  return env().DATABASE_URL ?? localDatabaseUrl("gridatlas");
}

/** The login the web application uses: it owns no tables and row-level security applies to it. */
export const APP_ROLE = "gridatlas_app";

/**
 * The web application's connection string: APP_DATABASE_URL when set, else the owner's URL (`ownerUrl`,
 * default the product database) with the user switched to the application role and no password
 * (the local cluster trusts local logins; on another server set APP_DATABASE_URL with a password).
 */
export function appDatabaseUrl(ownerUrl?: string) {
  if (!ownerUrl && env().APP_DATABASE_URL) return env().APP_DATABASE_URL!;
  const u = new URL(ownerUrl ?? productDatabaseUrl());
  u.username = APP_ROLE;
  u.password = "";
  return u.toString();
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
