import { prepareDatabase } from "../prepare";
import { testDatabaseUrl } from "../url";

/** Vitest global setup for the `db` project: start the local cluster if needed, create and migrate the test database. */
export default async function setup() {
  await prepareDatabase(testDatabaseUrl());
}
