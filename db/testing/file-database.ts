/**
 * Setup file of the `db` project, run before each test file: the file gets its own database, a copy of the
 * seeded template (see template-database.ts), named TEST_DATABASE_URL for the file, and dropped after it.
 * Files therefore run in parallel and never see each other's rows.
 *
 * Imports nothing that reads lib/env.ts, which parses the environment once: it must see these variables.
 */
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** The seeded template database every test file copies. */
    testTemplateUrl: string;
    /** Prefix of this run's per-file databases (the global teardown drops what is left of them). */
    testDatabasePrefix: string;
  }
}

const templateUrl = inject("testTemplateUrl");
const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const withName = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

const template = decodeURIComponent(new URL(templateUrl).pathname.slice(1));
const name = `${inject("testDatabasePrefix")}${process.env.VITEST_POOL_ID ?? "0"}_${randomBytes(3).toString("hex")}`;
const admin = postgres(withName(templateUrl, "postgres"), { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${quote(name)} template ${quote(template)}`);
process.env.TEST_DATABASE_URL = withName(templateUrl, name);
// Route handlers use the product connection (lib/env.ts reads DATABASE_URL): the file's database too, so
// no database test can reach the product's data.
process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;

afterAll(async () => {
  // Force: a pool the file left open must not keep its database alive.
  await admin.unsafe(`drop database if exists ${quote(name)} with (force)`);
  await admin.end();
});
