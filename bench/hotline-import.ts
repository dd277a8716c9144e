/**
 * 12345 import benchmark (issue 4, "10,000 rows must work"): `npx tsx --conditions=react-server bench/hotline-import.ts [options]`.
 *
 * On a seeded database (default DATABASE_URL): builds a believable file of N orders over the district
 * (lib/hotline/fixtures/demo-rows.ts: 55 % with coordinates, 30 % located by address, the rest unlocatable,
 * malformed, outside or duplicated), then measures as the district commander
 * - writing the xlsx, reading and checking it (the web's part: uploadOrderFile, which stores the batch),
 * - the worker's part (runImportBatch: chunks of 500 rows, one transaction each), cold: the address index is
 *   built on first need inside it,
 * - the same file again (every row unchanged: the idempotent path),
 * - the floor in the same run: the same number of cases and first timeline rows inserted straight with
 *   set-based SQL (point-in-polygon included), without the per-row rules, audit, jobs and ledger.
 * Writes bench/results/hotline-import.json. The cases it made stay (run it on a scratch database); --cleanup
 * deletes them, which is slow while case_record.merged_into_id has no index (each deleted case scans the table).
 *
 * Options: --database <url>  --rows <n> (10000)  --cleanup  --write <file.xlsx> (only write the file and exit)
 *          --region <ltree path> (default the district)  --prefix <order-number prefix>  --out <file>
 */
import { writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { connect } from "../db/client";
import { findPlaceCandidates } from "../db/queries/hotline";
import { productDatabaseUrl } from "../db/url";
import { contextWithAssignments } from "../lib/context";
import { projectRoot } from "../lib/env";
import { buildAddressIndex } from "../lib/hotline/address-match";
import { demoOrderRows } from "../lib/hotline/fixtures/demo-rows";
import { ordersXlsx } from "../lib/hotline/fixtures/order-files";
import { runImportBatch } from "../lib/hotline/run-import-batch";
import { uploadOrderFile } from "../lib/hotline/upload-order-file";

const { values: opts } = parseArgs({
  options: {
    database: { type: "string" },
    rows: { type: "string", default: "10000" },
    cleanup: { type: "boolean", default: false },
    write: { type: "string" },
    region: { type: "string" },
    prefix: { type: "string" },
    out: { type: "string", default: path.join(projectRoot, "bench/results/hotline-import.json") },
  },
});

const url = opts.database ?? productDatabaseUrl();
const count = Number(opts.rows);
const owner = connect(url, { max: 4 });
const run = Date.now().toString(36).toUpperCase();
const prefix = opts.prefix ?? `BENCH${run}-`;

const ms = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const value = await work();
  return [value, Math.round(performance.now() - t)];
};

try {
  const { rows: districtRows } = await sql<{
    id: number;
    path: string;
  }>`select id, path::text as path from region where level = 0 order by id limit 1`.execute(owner.db);
  const district = districtRows[0];
  const regionPath = opts.region ?? district.path;
  const rows = await demoOrderRows(owner.db, { regionPath, count, prefix });
  const [bytes, writeMs] = await ms(() => ordersXlsx(rows, { title: `12345 工单导出（基准 ${run}）` }));
  if (opts.write) {
    writeFileSync(opts.write, bytes);
    console.log(`wrote ${rows.length} rows to ${opts.write} (${Math.round(bytes.byteLength / 1024)} KB)`);
    process.exit(0);
  }
  const ctx = await contextWithAssignments(owner.db, [{ role: "district_commander", regionId: district.id }], {
    username: "bench",
    displayName: "基准测试",
  });

  console.log(`[bench] ${count} rows, xlsx ${Math.round(bytes.byteLength / 1024)} KB written in ${writeMs} ms`);
  const [first, uploadMs] = await ms(() => uploadOrderFile({ ctx, input: { fileName: "bench.xlsx", bytes } }));
  console.log(`[bench] upload (read + check + store): ${uploadMs} ms`);
  const [, importMs] = await ms(() => runImportBatch(owner.db, first.batchId));
  const counts = await batchCounts(first.batchId);
  console.log(`[bench] import (worker, cold index): ${importMs} ms — ${JSON.stringify(counts)}`);

  const [second, reuploadMs] = await ms(() => uploadOrderFile({ ctx, input: { fileName: "bench.xlsx", bytes } }));
  const [, reimportMs] = await ms(() => runImportBatch(owner.db, second.batchId));
  const recounts = await batchCounts(second.batchId);
  console.log(`[bench] re-import: upload ${reuploadMs} ms, worker ${reimportMs} ms — ${JSON.stringify(recounts)}`);

  const [candidates, candidatesMs] = await ms(() => findPlaceCandidates(owner.db));
  const indexStart = performance.now();
  buildAddressIndex(
    candidates.map((c) => ({
      id: c.id,
      kind: c.kind,
      address: c.address,
      gridPath: c.grid_path,
      lon: Number(c.lon),
      lat: Number(c.lat),
    })),
    { areas: ["北京市", "通州区"], streets: [] },
  );
  const indexMs = Math.round(performance.now() - indexStart);

  // The floor: as many cases as the import created, inserted set-based (grid by point-in-polygon) with their first timeline row.
  const created = counts.created;
  const pts = rows.filter((r) => r.lon !== undefined && r.lat !== undefined).slice(0, created);
  while (pts.length < created) pts.push(pts[pts.length % Math.max(1, pts.length)]);
  const [, floorMs] = await ms(async () => {
    for (let i = 0; i < pts.length; i += 500) {
      const chunk = pts.slice(i, i + 500);
      await owner.db.transaction().execute(async (trx) => {
        await sql`
          with p as (select * from unnest(${chunk.map((r) => Number(r.lon))}::float8[], ${chunk.map((r) => Number(r.lat))}::float8[], ${chunk.map((_, k) => `${prefix}F${i + k}`)}::text[]) as t(lon, lat, ext)),
          ins as (
            insert into case_record (district_code, source, channel, kind, category_id, description, address, geom, grid_id, region_path, external_system, external_id,
                                     urgency, level, state, stage, stage_started_at, yellow_at, deadline_at, light, reported_at)
            select g.district_code, 'hotline', 'import', 'service', (select id from case_category where code = 'hotline.complaint'), '基准下限', null,
                   st_setsrid(st_makepoint(p.lon, p.lat), 4326), g.id, g.path, 'bench-floor', p.ext, 'general', 'street', 'reported', 'accept', now(), now() + interval '24 minutes', now() + interval '30 minutes', 'green', now()
              from p cross join lateral (select id, path, district_code from region where level = 4 and st_intersects(geom, st_setsrid(st_makepoint(p.lon, p.lat), 4326)) limit 1) g
            returning id)
          insert into case_event (case_id, actor_name, action, to_state, to_level) select id, '基准', 'report', 'reported', 'street' from ins`.execute(
          trx,
        );
      });
    }
  });
  console.log(`[bench] floor (${pts.length} set-based inserts): ${floorMs} ms`);

  const result = {
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
    database: new URL(url).pathname.slice(1),
    rows: rows.length,
    xlsxKB: Math.round(bytes.byteLength / 1024),
    first: {
      uploadMs,
      importMs,
      totalMs: uploadMs + importMs,
      rowsPerSecond: Math.round((rows.length / (uploadMs + importMs)) * 1000),
      counts,
    },
    reimport: { uploadMs: reuploadMs, importMs: reimportMs, counts: recounts },
    addressIndex: { places: candidates.length, loadMs: candidatesMs, buildMs: indexMs },
    floor: { cases: pts.length, ms: floorMs, casesPerSecond: Math.round((pts.length / Math.max(1, floorMs)) * 1000) },
    note: "import = the worker's part (chunks of 500 rows, one transaction each, per row: ledger, case via createCaseInTransaction with timeline, audit and job); floor = the same number of cases and report rows inserted set-based without rules, audit, jobs or ledger",
  };
  mkdirSync(path.dirname(opts.out!), { recursive: true });
  writeFileSync(opts.out!, JSON.stringify(result, null, 2) + "\n");
  console.log(JSON.stringify(result, null, 2));

  if (opts.cleanup) {
    await sql`delete from case_record where external_system = 'bench-floor' and external_id like ${prefix + "%"}`.execute(
      owner.db,
    );
    await sql`delete from hotline_order where order_no like ${prefix + "%"}`.execute(owner.db);
    await sql`delete from case_record where external_system = '12345' and external_id like ${prefix + "%"}`.execute(owner.db);
  }
} finally {
  await owner.db.destroy();
}

async function batchCounts(id: number) {
  const b = await owner.db
    .selectFrom("hotline_batch")
    .select(["created_count", "updated_count", "unchanged_count", "queued_count", "rejected_count", "status"])
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  return {
    status: b.status,
    created: b.created_count,
    updated: b.updated_count,
    unchanged: b.unchanged_count,
    queued: b.queued_count,
    rejected: b.rejected_count,
  };
}
