import { afterAll, beforeAll } from "vitest";
import type { Connection } from "../../db/client";
import { seedTestDistrict } from "../../db/queries/testing/seed-for-tests";
import { openTestDb } from "../../db/testing/test-db";
import { districtCommanderContext, type RequestContext } from "../context";

/**
 * Database tests of the read verbs: before the file's tests, open the test database, load the small
 * synthetic district and hand over the connection and a district-commander context; close after.
 */
export function withSeededDistrict(ready: (conn: Connection, ctx: RequestContext) => void) {
  let conn: Connection | undefined;
  beforeAll(async () => {
    conn = openTestDb();
    await seedTestDistrict(conn);
    ready(conn, await districtCommanderContext(conn.db));
  });
  afterAll(async () => {
    await conn?.db.destroy();
  });
}
