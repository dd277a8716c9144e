/**
 * `npm run seed:cases -- [--seed <n>] [--now <ISO instant>] [--factor <x>] [--days <n>] [--database-url <url>]`
 *
 * (Re)generates only the cases of a district already loaded (default: the product database): every case,
 * timeline row, notice and heat bin is replaced; the district, its people and the rule tables stay. A
 * district loaded before the case tables existed gets its case units and routing rules first.
 */
import { parseArgs } from "node:util";
import { connect } from "../client";
import { prepareDatabase } from "../prepare";
import { productDatabaseUrl } from "../url";
import { seedCaseUnits } from "./case-units";
import { formatCaseSeedReport, seedCases } from "./cases";

const USAGE =
  "usage: npm run seed:cases -- [--seed <n>] [--now <ISO instant>] [--factor <x>] [--days <n>] [--database-url <url>]";

let args;
try {
  args = parseArgs({
    options: {
      seed: { type: "string", default: "1" },
      now: { type: "string" },
      factor: { type: "string", default: "1" },
      days: { type: "string", default: "365" },
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
const seed = Number(args.seed);
const factor = Number(args.factor);
const days = Number(args.days);
const now = args.now ? new Date(args.now) : undefined;
const problems = [
  !Number.isInteger(seed) || seed < 0 ? `--seed must be a non-negative integer (got "${args.seed}")` : null,
  !(factor > 0 && factor <= 10) ? `--factor must be a number in (0, 10] (got "${args.factor}")` : null,
  !Number.isInteger(days) || days < 1 || days > 3660
    ? `--days must be a whole number of days, 1–3660 (got "${args.days}")`
    : null,
  now && Number.isNaN(now.getTime()) ? `--now must be an ISO 8601 instant (got "${args.now}")` : null,
].filter(Boolean);
if (problems.length) {
  console.error(`${problems.join("\n")}\n${USAGE}`);
  process.exit(2);
}

const url = args["database-url"] ?? productDatabaseUrl();
await prepareDatabase(url);
const conn = connect(url, { max: 6 });
try {
  const [{ units }] = await conn.sql<{ units: number }[]>`select count(*)::int as units from case_unit`;
  if (units === 0) {
    const made = await seedCaseUnits(conn.sql);
    console.error(`[seed:cases] the district had no case units: added ${made.units} units and ${made.rules} routing rules`);
  }
  console.error(
    `[seed:cases] generating a year of cases (seed ${seed}, factor ${factor}) into ${new URL(url).pathname.slice(1)}`,
  );
  const report = await seedCases(conn, { seed, factor, days, now });
  console.log(formatCaseSeedReport(report));
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await conn.db.destroy();
}
