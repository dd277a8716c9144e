import { sql } from "kysely";
import { connect } from "../db/client";
import * as m from "../db/migrations/20261125T0920-case-map";
const { db } = connect(process.argv[2], { max: 1 });
const { rows } = await sql<{ n: number }>`select count(*)::int as n from kysely_migration where name = '20261125T0920-case-map'`.execute(db);
if (rows[0].n === 0) {
  const t0 = Date.now();
  await db.transaction().execute(async (trx) => {
    await m.up(trx as never);
    await sql`insert into kysely_migration (name, timestamp) values ('20261125T0920-case-map', ${new Date().toISOString()})`.execute(trx);
  });
  console.log(`applied in ${Date.now() - t0} ms`);
} else console.log("already applied");
await db.destroy();
