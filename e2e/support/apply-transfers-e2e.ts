/**
 * The transfers' effective-date job on the e2e database for a given Beijing day (the worker process does not
 * run during e2e tests). Run through `tsx --conditions=react-server` like run-clock-e2e.ts: lib/ is server-only.
 */
import { connect } from "../../db/client";
import { applyDueTransfers } from "../../lib/transfer/apply-due-transfers";

const [url, day] = process.argv.slice(2);
if (!url || !day) throw new Error("usage: apply-transfers-e2e.ts <database url> <YYYY-MM-DD>");
const conn = connect(url, { max: 2 });
try {
  const result = await applyDueTransfers(conn.db, day);
  process.stdout.write(JSON.stringify({ applied: result.applied, failed: result.failed, outcomes: result.outcomes }));
} finally {
  await conn.db.destroy();
}
