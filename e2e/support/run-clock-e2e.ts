/**
 * One pass of the case clock on the e2e database (the worker process does not run during e2e tests).
 * Run through `tsx --conditions=react-server` like seed-e2e.ts, because lib/ modules are server-only.
 */
import { connect } from "../../db/client";
import { runCaseClock } from "../../lib/case/run-clock";

const url = process.argv[2];
if (!url) throw new Error("usage: run-clock-e2e.ts <database url>");
const conn = connect(url, { max: 2 });
try {
  const result = await runCaseClock(conn.db, new Date());
  process.stdout.write(JSON.stringify(result));
} finally {
  await conn.db.destroy();
}
