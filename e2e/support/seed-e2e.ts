/**
 * Prepares and seeds the e2e database. Run by the global setup through `tsx --conditions=react-server`
 * (like the project's other CLIs), because the generator uses server-only modules (lib/pii).
 */
import { connect } from "../../db/client";
import { prepareDatabase } from "../../db/prepare";
import { ensureDemoAccounts } from "../../db/seed/demo-accounts";
import { DEFAULT_DIVISIONS_CSV, seedDistrict } from "../../db/seed/index";
import { argon2idHasher } from "../../lib/auth/password";
import { installQueues } from "../../workers/boss";

const url = process.argv[2];
if (!url) throw new Error("usage: seed-e2e.ts <database url>");
await prepareDatabase(url);
// The web process enqueues follow-up jobs in its own transactions: the queues must exist.
await installQueues(url);
const conn = connect(url, { max: 4 });
try {
  const report = await seedDistrict(conn, { divisionsCsv: DEFAULT_DIVISIONS_CSV, scale: "small", seed: 1 });
  process.stderr.write(`[e2e] district ${report.district.name} seeded (scale small) in ${report.totalMs} ms\n`);
  // Sign-in attempts of earlier runs would throttle this run's sign-ins from the same address.
  await conn.db.deleteFrom("sign_in_attempt").execute();
  await ensureDemoAccounts(conn.db, argon2idHasher);
} finally {
  await conn.db.destroy();
}
