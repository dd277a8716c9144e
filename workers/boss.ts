import { PgBoss } from "pg-boss";
import { jobs } from "./jobs";

/** A pg-boss instance on the product database; its queue tables live in the `pgboss` schema of the same database. */
export function createBoss(databaseUrl: string) {
  const boss = new PgBoss({ connectionString: databaseUrl, schema: "pgboss", application_name: "gridatlas-worker" });
  boss.on("error", (error) => process.stderr.write(`[worker] pg-boss error: ${error.message}\n`));
  return boss;
}

/** Installs pg-boss's schema and creates every queue (idempotent); run by set-up so the web can enqueue at once. */
export async function installQueues(databaseUrl: string) {
  const boss = createBoss(databaseUrl);
  await boss.start();
  for (const job of jobs) await boss.createQueue(job.name);
  await boss.stop({ graceful: false });
}
