/**
 * `npm run setup` prepares the product database: installs PostgreSQL/PostGIS from Debian's packages when
 * missing (root only), creates and starts the local cluster (unless DATABASE_URL points elsewhere),
 * migrates, and installs the job queues. With `--demo` it also loads the demo district when the
 * database holds none yet (scale from GRIDATLAS_DEMO_SCALE, default medium) and one account per role,
 * printing their names and the demo password. Without `--demo`, a database without accounts gets a
 * first administrator with a temporary password (printed once).
 */
import { sql } from "kysely";
import { env } from "../../lib/env";
import { installQueues } from "../../workers/boss";
import { argon2idHasher, temporaryPassword } from "../../lib/auth/password";
import { t } from "../../lib/i18n";
import { connect } from "../client";
import { DEMO_PASSWORD, ensureDemoAccounts, ensureFirstAdmin } from "../seed/demo-accounts";
import { prepareDatabase } from "../prepare";
import { productDatabaseUrl } from "../url";

const url = productDatabaseUrl();
await prepareDatabase(url);
await installQueues(url);

if (process.argv.includes("--demo")) {
  const conn = connect(url, { max: 4 });
  try {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from region`.execute(conn.db);
    if (rows[0].n > 0) {
      console.log(`[setup] the database already holds a district (${rows[0].n} regions); keeping it`);
    } else {
      const { seedDistrict, DEFAULT_DIVISIONS_CSV } = await import("../seed/index");
      const scale = env().GRIDATLAS_DEMO_SCALE;
      console.log(`[setup] loading the demo district (scale ${scale}); this takes a minute or two`);
      await seedDistrict(conn, { divisionsCsv: DEFAULT_DIVISIONS_CSV, scale, seed: 1 });
    }
    const accounts = await ensureDemoAccounts(conn.db, argon2idHasher);
    console.log(`[setup] demo accounts (password for all: ${DEMO_PASSWORD}):`);
    for (const a of accounts) console.log(`  ${a.username.padEnd(12)} ${t.auth.roles[a.role]} · ${a.regionName}`);
  } finally {
    await conn.db.destroy();
  }
} else {
  const conn = connect(url, { max: 1 });
  try {
    const password = await ensureFirstAdmin(conn.db, argon2idHasher, temporaryPassword());
    if (password) console.log(`[setup] first administrator: admin / ${password} (change it at first sign-in)`);
  } finally {
    await conn.db.destroy();
  }
}
console.log("[setup] database ready");
