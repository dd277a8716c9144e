import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { projectRoot } from "../../lib/env";
import { piiKeys } from "../../lib/pii/pii-keys";
import { installQueues } from "../../workers/boss";
import { connect } from "../client";
import { startCluster } from "../cluster";
import { isLocalClusterUrl, prepareDatabase } from "../prepare";
import { seedTestDistrict } from "../queries/testing/seed-for-tests";
import { withDatabase } from "../url";
import { filesUnder, sourceFingerprint } from "./source-fingerprint";

/**
 * The database tests' template: migrated, with pg-boss's queues and the small district loaded once. Every
 * test file runs in its own copy (`create database … template …`, well under a second) instead of
 * reloading the district (seconds a file). The template is rebuilt only when what built it changed: its
 * fingerprint, kept in the comment on the template database, covers the migrations, the queue set-up, the
 * seed and every project file they import, the divisions data, pg-boss's version and the personal-data
 * keys the residents were encrypted with.
 */
export function templateDatabaseName(testUrl: string): string {
  return `${databaseName(testUrl)}_template`;
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Files whose imports build the template (the fingerprint follows them into lib/, workers/, …). */
const TEMPLATE_SOURCES = [
  "db/prepare.ts",
  "db/migrations/index.ts",
  "workers/boss.ts",
  "db/queries/testing/seed-for-tests.ts",
  "db/testing/template-database.ts",
];

export function templateFingerprint(): string {
  const sources = sourceFingerprint(projectRoot, TEMPLATE_SOURCES, filesUnder(projectRoot, "db/seed/data"));
  const pgBoss = JSON.parse(fs.readFileSync(path.join(projectRoot, "node_modules/pg-boss/package.json"), "utf8")) as {
    version: string;
  };
  const keys = piiKeys();
  const keyDigest = createHash("sha256").update(keys.encryptionKey).update(keys.hashKey).digest("hex");
  return createHash("sha256").update(`${sources}|pg-boss ${pgBoss.version}|${keyDigest}`).digest("hex").slice(0, 32);
}

/**
 * Makes sure the template beside the test database (`<test database>_template`) is current, building it
 * when it is missing or its fingerprint differs; returns its URL. Several runs at once wait for each other
 * (an advisory lock on the maintenance database).
 */
export async function ensureTemplateDatabase(testUrl: string): Promise<string> {
  if (isLocalClusterUrl(testUrl)) startCluster();
  const name = templateDatabaseName(testUrl);
  const templateUrl = withDatabase(testUrl, name);
  const fingerprint = `gridatlas test template ${templateFingerprint()}`;
  const admin = postgres(withDatabase(testUrl, "postgres"), { max: 1, onnotice: () => {} });
  try {
    await admin`select pg_advisory_lock(hashtext(${name}))`;
    const [current] = await admin<{ comment: string | null }[]>`
      select shobj_description(oid, 'pg_database') as comment from pg_database where datname = ${name}`;
    if (current?.comment === fingerprint) return templateUrl;
    const started = performance.now();
    process.stderr.write(`[db] ${current ? "rebuilding" : "building"} the test template database ${name}\n`);
    await admin.unsafe(`drop database if exists ${quoteIdent(name)} with (force)`);
    await prepareDatabase(templateUrl);
    await installQueues(templateUrl);
    const conn = connect(templateUrl, { max: 4 });
    try {
      await seedTestDistrict(conn);
      // Planner statistics travel with the copies.
      await conn.sql`analyze`;
    } finally {
      await conn.db.destroy();
    }
    // Written last: a template whose build was interrupted has no fingerprint and is built again.
    await admin.unsafe(`comment on database ${quoteIdent(name)} is '${fingerprint}'`);
    process.stderr.write(`[db] test template built in ${Math.round(performance.now() - started)} ms\n`);
    return templateUrl;
  } finally {
    await admin.end();
  }
}

/** Drops the databases whose names start with `prefix` (the copies of one run, should a file not have). */
export async function dropDatabasesStartingWith(testUrl: string, prefix: string): Promise<void> {
  const admin = postgres(withDatabase(testUrl, "postgres"), { max: 1, onnotice: () => {} });
  try {
    const rows = await admin<{ datname: string }[]>`
      select datname from pg_database where left(datname, ${prefix.length}) = ${prefix}`;
    for (const { datname } of rows) await admin.unsafe(`drop database if exists ${quoteIdent(datname)} with (force)`);
  } finally {
    await admin.end();
  }
}
