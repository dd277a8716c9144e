import { PgBoss } from "pg-boss";
import { APP_ROLE } from "../db/url";
import { jobRetry, type JobName } from "./job-definitions";
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
  for (const job of jobs) await createOrUpdateQueue(boss, job.name);
  // The web application (role gridatlas_app) enqueues inside its own transactions: it needs the queue tables.
  const db = boss.getDb();
  await db.executeSql(`
    do $$ begin
      if exists (select 1 from pg_roles where rolname = '${APP_ROLE}') then
        grant usage on schema pgboss to ${APP_ROLE};
        grant select, insert, update on all tables in schema pgboss to ${APP_ROLE};
        grant usage on all sequences in schema pgboss to ${APP_ROLE};
        grant execute on all functions in schema pgboss to ${APP_ROLE};
      end if;
    end $$`);
  await boss.stop({ graceful: false });
}

/**
 * Creates a job's queue with its retries (workers/job-definitions.ts), or brings an existing queue's retries
 * up to date (createQueue leaves an existing queue as it was). pg-boss's updateQueue cannot change
 * retryDelayMax; every send carries it anyway (workers/enqueue.ts).
 */
export async function createOrUpdateQueue(boss: PgBoss, name: JobName) {
  const retry = jobRetry(name);
  await boss.createQueue(name, retry);
  const { retryDelayMax: _fixedAtCreation, ...updatable } = retry;
  await boss.updateQueue(name, updatable);
}
