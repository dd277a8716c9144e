/**
 * The worker process (`npm run worker`): starts pg-boss, creates the queues, registers each job's handler
 * and schedule, and stops gracefully on SIGINT/SIGTERM. Slow and periodic work lives here, never in the web.
 */
import { connect } from "../db/client";
import { productDatabaseUrl } from "../db/url";
import { createBoss, createOrUpdateQueue } from "./boss";
import { jobs } from "./jobs";

const url = productDatabaseUrl();
const conn = connect(url, { max: 4 });
const boss = createBoss(url);

await boss.start();
for (const job of jobs) {
  await createOrUpdateQueue(boss, job.name);
  await boss.work(job.name, async ([message]) => job.run(message.data, { conn }));
  if (job.schedule) await boss.schedule(job.name, job.schedule, {});
}
process.stderr.write(`[worker] running ${jobs.length} job(s): ${jobs.map((j) => j.name).join(", ")}\n`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  process.stderr.write(`[worker] ${signal}: finishing running jobs\n`);
  await boss.stop({ graceful: true, timeout: 20_000 });
  await conn.db.destroy();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
