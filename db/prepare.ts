import postgres from "postgres";
import { env } from "../lib/env";
import { connect } from "./client";
import { startCluster } from "./cluster";
import { migrateToLatest } from "./migrate";
import { withDatabase } from "./url";

/** True when the URL points at the project-local cluster (which the project may start itself). */
export function isLocalClusterUrl(url: string) {
  const u = new URL(url);
  return u.hostname === "127.0.0.1" && Number(u.port) === env().GRIDATLAS_PG_PORT;
}

/** Creates the database named in `url` if it does not exist (needs CREATEDB on the server). */
export async function ensureDatabase(url: string) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = postgres(withDatabase(url, "postgres"), { max: 1, onnotice: () => {} });
  try {
    const [row] = await admin`select 1 as present from pg_database where datname = ${name}`;
    if (!row) {
      process.stderr.write(`[db] creating database ${name}\n`);
      await admin.unsafe(`create database "${name.replaceAll('"', '""')}"`);
    }
  } finally {
    await admin.end();
  }
}

/** Starts the local cluster when needed, creates the database and migrates it to the latest schema. */
export async function prepareDatabase(url: string) {
  if (isLocalClusterUrl(url)) startCluster();
  await ensureDatabase(url);
  const { db } = connect(url, { max: 1 });
  try {
    const applied = await migrateToLatest(db);
    for (const line of applied) process.stderr.write(`[migrate] ${line}\n`);
  } finally {
    await db.destroy();
  }
}
