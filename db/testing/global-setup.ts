import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { testDatabaseUrl } from "../url";
import { databaseName, dropDatabasesStartingWith, ensureTemplateDatabase } from "./template-database";

/**
 * Vitest global setup for the `db` project: start the local cluster if needed and make sure the seeded
 * template database is current (migrated, pg-boss's queues installed, the small district loaded; built
 * once and reused while its sources stay the same). Each test file then runs in its own copy
 * (file-database.ts); the teardown drops whatever copies of this run are left.
 */
export default async function setup(project: TestProject) {
  const testUrl = testDatabaseUrl();
  const templateUrl = await ensureTemplateDatabase(testUrl);
  const prefix = `${databaseName(testUrl)}_${randomBytes(3).toString("hex")}_`;
  project.provide("testTemplateUrl", templateUrl);
  project.provide("testDatabasePrefix", prefix);
  return async () => {
    await dropDatabasesStartingWith(testUrl, prefix);
  };
}
