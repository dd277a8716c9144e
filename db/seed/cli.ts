/**
 * `npm run seed -- [--divisions <csv>] [--scale small|medium|full] [--seed <n>] [--streets <code,…>] [--database-url <url>]`
 *
 * Replaces the district in the database (default: the product database, created and migrated if
 * needed) with a generated one and prints counts, timings and the topology check.
 */
import { parseArgs } from "node:util";
import { connect } from "../client";
import { prepareDatabase } from "../prepare";
import { productDatabaseUrl } from "../url";
import { DEFAULT_DIVISIONS_CSV, seedDistrict, type Scale } from "./index";
import { DivisionsError } from "./divisions";
import { formatSeedReport } from "./report";
import { formatCaseSeedReport } from "./cases";

const USAGE =
  "usage: npm run seed -- [--divisions <csv>] [--scale small|medium|full] [--seed <n>] [--streets <code,…>] [--attendance-days <n>] [--database-url <url>]";

let args;
try {
  args = parseArgs({
    options: {
      divisions: { type: "string", default: DEFAULT_DIVISIONS_CSV },
      scale: { type: "string", default: "medium" },
      seed: { type: "string", default: "1" },
      streets: { type: "string" },
      "attendance-days": { type: "string" },
      "database-url": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  }).values;
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!["small", "medium", "full"].includes(args.scale!)) {
  console.error(`--scale must be small, medium or full (got "${args.scale}")\n${USAGE}`);
  process.exit(2);
}
const seed = Number(args.seed);
if (!Number.isInteger(seed) || seed < 0) {
  console.error(`--seed must be a non-negative integer (got "${args.seed}")\n${USAGE}`);
  process.exit(2);
}

// Demo attendance: by default 30 days at scale small, none at medium and full; 0 turns it off.
const attendanceDays = args["attendance-days"] === undefined ? undefined : Number(args["attendance-days"]);
if (attendanceDays !== undefined && (!Number.isInteger(attendanceDays) || attendanceDays < 0 || attendanceDays > 366)) {
  console.error(`--attendance-days must be an integer 0–366 (got "${args["attendance-days"]}")\n${USAGE}`);
  process.exit(2);
}

const url = args["database-url"] ?? productDatabaseUrl();
await prepareDatabase(url);
const conn = connect(url, { max: 6 });
try {
  console.error(
    `[seed] generating ${args.scale} district from ${args.divisions} (seed ${seed}) into ${new URL(url).pathname.slice(1)}`,
  );
  const report = await seedDistrict(conn, {
    divisionsCsv: args.divisions!,
    scale: args.scale as Scale,
    seed,
    streets: args.streets
      ?.split(",")
      .map((x) => x.trim())
      .filter(Boolean),
    attendance: attendanceDays === undefined ? undefined : attendanceDays === 0 ? false : { days: attendanceDays },
  });
  console.log(formatSeedReport(report));
  if (report.cases) console.log(`\n${formatCaseSeedReport(report.cases)}`);
  process.exitCode = report.topology.length ? 1 : 0;
} catch (error) {
  if (error instanceof DivisionsError) console.error(error.message);
  else console.error(error);
  process.exitCode = 1;
} finally {
  // Kysely ends the pool only if it ever used it; the seed talks to postgres.js directly.
  await conn.db.destroy();
  await conn.sql.end();
}
