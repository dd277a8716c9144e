/**
 * Attendance benchmark (issue 11): `npm run bench:attendance [-- options]`. One runner, one section per part,
 * each compared with a floor measured in the same run; JSON in bench/results/attendance.json.
 *
 * Sections (add one by writing `bench/attendance-<part>.ts` with a `run…Bench(conn, options)` and a line in
 * SECTIONS; `--only <name>` runs one):
 *   - punch: the morning peak over HTTP (≥ 300 punches/s, p95 ≤ 100 ms) beside the same inserts straight on the
 *     database: bench/attendance-punch.ts (needs the production build in .next, or --url of a running server).
 *   - days: daily results for 4,000 staff (≤ 5 s) and the monthly report (≤ 30 s): bench/attendance-days.ts.
 *
 * In a database of its own (default gridatlas_attendance_bench in the local cluster: created, migrated and
 * loaded with the small district when it holds none).
 * Options: --database <url>, --staff <n> (default 4000), --runs <n> (default 5), --month YYYY-MM (default
 * 2026-11), --only <section>, --out <file>; punch: --clients <n> (default 16), --seconds <n> (default 20),
 * --port <n> (default 3203), --url <running server>.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { connect, type Connection } from "../db/client";
import { localDatabaseUrl } from "../db/cluster";
import { prepareDatabase } from "../db/prepare";
import { DEFAULT_DIVISIONS_CSV, seedDistrict } from "../db/seed/index";
import { projectRoot } from "../lib/env";
import { runAttendanceDaysBench } from "./attendance-days";
import { runAttendancePunchBench } from "./attendance-punch";

const { values: args } = parseArgs({
  options: {
    database: { type: "string" },
    staff: { type: "string", default: "4000" },
    runs: { type: "string", default: "5" },
    month: { type: "string", default: "2026-11" },
    only: { type: "string" },
    clients: { type: "string", default: "16" },
    seconds: { type: "string", default: "20" },
    port: { type: "string", default: "3203" },
    url: { type: "string" },
    out: { type: "string", default: path.join(projectRoot, "bench/results/attendance.json") },
  },
});
const url = args.database ?? localDatabaseUrl("gridatlas_attendance_bench");
const log = (line: string) => process.stderr.write(`[bench:attendance] ${line}\n`);

type Section = { name: string; run: (conn: Connection) => Promise<unknown> };

const SECTIONS: Section[] = [
  {
    name: "punch",
    run: (conn) =>
      runAttendancePunchBench(conn, {
        databaseUrl: url,
        staff: Number(args.staff),
        clients: Number(args.clients),
        seconds: Number(args.seconds),
        port: Number(args.port),
        url: args.url,
        log,
      }),
  },
  {
    name: "days",
    run: (conn) => runAttendanceDaysBench(conn, { staff: Number(args.staff), runs: Number(args.runs), month: args.month!, log }),
  },
];

await prepareDatabase(url);
const conn = connect(url, { max: 4 });
try {
  const [{ n }] = await conn.sql<{ n: number }[]>`select count(*)::int as n from region where level = 4 and households > 0`;
  if (n === 0) {
    log("loading the small district (no demo cases)");
    await seedDistrict(conn, { divisionsCsv: DEFAULT_DIVISIONS_CSV, scale: "small", seed: 1, cases: false });
  }
  const loadAtStart = os.loadavg().map((x) => Math.round(x * 100) / 100);
  const results: Record<string, unknown> = {};
  for (const section of SECTIONS) {
    if (args.only && args.only !== section.name) continue;
    log(`section ${section.name}`);
    results[section.name] = await section.run(conn);
  }
  // --only keeps the other sections' last results in the file
  const previous: Record<string, unknown> =
    args.only && existsSync(args.out!) ? (JSON.parse(readFileSync(args.out!, "utf8")) as Record<string, unknown>) : {};
  const report = {
    ...previous,
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, loadAtStart, loadAtEnd: os.loadavg().map((x) => Math.round(x * 100) / 100) },
    ...results,
  };
  mkdirSync(path.dirname(args.out!), { recursive: true });
  writeFileSync(args.out!, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} finally {
  await conn.db.destroy();
}
