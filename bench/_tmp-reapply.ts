import { sql } from "kysely";
import { connect } from "../db/client";
import * as m from "../db/migrations/20261125T0920-case-map";
import { refreshCaseMapOpen } from "../db/queries/case-tiles-open";
const { db } = connect(process.argv[2], { max: 1 });
const t0 = Date.now();
await db.transaction().execute(async (trx) => {
  for (const stmt of ["drop view if exists case_map_point", "drop table if exists case_heat_total", "drop table if exists case_map_open_state", "drop table if exists case_map_open", "drop index if exists case_heat_bin_cell_idx", "drop index if exists case_record_open_geom_idx", "delete from kysely_migration where name = '20261125T0920-case-map'"]) await sql.raw(stmt).execute(trx);
  await m.up(trx as never);
  await sql`insert into kysely_migration (name, timestamp) values ('20261125T0920-case-map', ${new Date().toISOString()})`.execute(trx);
});
console.log(`migration in ${Date.now() - t0} ms`);
const t1 = Date.now();
console.log(await refreshCaseMapOpen(db, { force: true }), `${Date.now() - t1} ms`);
await sql`analyze case_map_open, case_heat_total`.execute(db);
await db.destroy();
