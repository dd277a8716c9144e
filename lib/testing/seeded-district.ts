import { afterAll, beforeAll } from "vitest";
import { connect, type Connection } from "../../db/client";
import { openTestDb } from "../../db/testing/test-db";
import { appDatabaseUrl, testDatabaseUrl } from "../../db/url";
import type { Role } from "../auth/roles";
import { districtContext, type RequestContext } from "../context";

/**
 * Database tests of the verbs: before the file's tests, open the test database (the file's own copy of
 * the template, which holds the small synthetic district: db/testing/template-database.ts) and hand over the owner's connection (for fixtures and checks) and a
 * district-commander context on the application role's connection (row-level security applies,
 * as in the product); close both after.
 */
export function withSeededDistrict(ready: (conn: Connection, ctx: RequestContext, app: Connection) => void) {
  let conn: Connection | undefined;
  let app: Connection | undefined;
  beforeAll(async () => {
    conn = openTestDb();
    app = openAppTestDb();
    ready(conn, await districtContext(app.db), app);
  });
  afterAll(async () => {
    await app?.db.destroy();
    await conn?.db.destroy();
  });
}

/** The test database as the web application sees it: the application role, row-level security on. */
export function openAppTestDb(): Connection {
  return connect(appDatabaseUrl(testDatabaseUrl()), { max: 4 });
}

/** The same caller with one assignment at the region `path` (a narrower or wider area than before). */
export function narrowedTo(ctx: RequestContext, path: string, role: Role = "district_commander"): RequestContext {
  const assignment = { role, regionId: 0, regionPath: path, regionName: "", regionLevel: path.split(".").length - 1 };
  return { ...ctx, actor: { ...ctx.actor, assignments: [assignment] } };
}
