import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, type Connection } from "./client";
import { migrateToLatest, migrateToZero } from "./migrate";
import { migrations } from "./migrations";
import { ensureDatabase } from "./prepare";
import { testDatabaseUrl, withDatabase } from "./url";

// A database of its own, so rolling everything back never disturbs the other database tests.
const url = withDatabase(testDatabaseUrl(), `${new URL(testDatabaseUrl()).pathname.slice(1)}_migrations`);
let conn: Connection;

async function tableNames() {
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%' and table_name <> 'spatial_ref_sys'
     order by 1`.execute(conn.db);
  return rows.map((r) => r.name);
}

async function functionNames() {
  const { rows } = await sql<{ name: string }>`
    select p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname = 'public' and p.proname in ('topology_check', 'refresh_region_stats') order by 1`.execute(conn.db);
  return rows.map((r) => r.name);
}

beforeAll(async () => {
  await ensureDatabase(url);
  conn = connect(url, { max: 1 });
});
afterAll(async () => {
  await conn?.db.destroy();
});

describe("migrations", () => {
  it("run every migration down to nothing and back up again", async () => {
    await migrateToLatest(conn.db);
    expect(await tableNames()).toEqual(
      expect.arrayContaining([
        "building",
        "component",
        "household",
        "layer_version",
        "map_feature",
        "organization",
        "region",
        "resident",
        "room",
      ]),
    );
    expect(await functionNames()).toEqual(["refresh_region_stats", "topology_check"]);

    const down = await migrateToZero(conn.db);
    expect(down).toHaveLength(Object.keys(migrations).length);
    expect(await tableNames()).toEqual([]);
    expect(await functionNames()).toEqual([]);

    const up = await migrateToLatest(conn.db);
    expect(up).toHaveLength(Object.keys(migrations).length);
    expect(await tableNames()).toContain("resident");
  });

  it("are listed in timestamp order in the explicit index", () => {
    const names = Object.keys(migrations);
    expect(names).toEqual([...names].sort());
    for (const name of names) expect(name).toMatch(/^\d{8}T\d{4}-[a-z0-9-]+$/);
  });
});
