import { installQueues } from "../../workers/boss";
import { prepareDatabase } from "../prepare";
import { testDatabaseUrl } from "../url";

/**
 * Vitest global setup for the `db` project: start the local cluster if needed, create and migrate the test
 * database, and install pg-boss's queues (verbs enqueue their follow-up jobs in their own transactions).
 */
export default async function setup() {
  await prepareDatabase(testDatabaseUrl());
  await installQueues(testDatabaseUrl());
}
