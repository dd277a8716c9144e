/**
 * `npm run db:topology -- [--tolerance <m²>] [--database-url <url>] [--limit <n>]`
 *
 * Runs topology_check() on the product database (or the one named) and prints, per level of the grid
 * tree, the problems it finds (横向到边、纵向到底、不留空白、不交叉重叠): invalid geometries, children
 * outside their parent, overlapping siblings, gaps inside a parent. Exits 1 when there is any problem,
 * so scripts and CI can rely on it.
 */
import { parseArgs } from "node:util";
import postgres from "postgres";
import { productDatabaseUrl } from "../url";

const LEVELS = ["0 区 (district)", "1 大片区 (street/town)", "2 社区 (community/village)", "3 小区", "4 基础网格 (basic grid)"];
const PROBLEMS: Record<string, string> = {
  invalid_geometry: "invalid geometry",
  outside_parent: "outside its parent",
  sibling_overlap: "overlaps a sibling",
  gap_in_parent: "gap inside the parent (children do not cover it)",
};

const USAGE = "usage: npm run db:topology -- [--tolerance <m²>] [--database-url <url>] [--limit <n>]";
let args;
try {
  args = parseArgs({
    options: {
      tolerance: { type: "string", default: "1" },
      "database-url": { type: "string" },
      limit: { type: "string", default: "20" },
    },
  }).values;
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const tolerance = Number(args.tolerance);
const limit = Number(args.limit);
if (!(tolerance >= 0) || !Number.isInteger(limit) || limit < 0) {
  console.error(USAGE);
  process.exit(2);
}

const url = args["database-url"] ?? productDatabaseUrl();
const sql = postgres(url, { max: 1, onnotice: () => {} });
try {
  const started = performance.now();
  const levels = await sql<
    { level: number; regions: number }[]
  >`select level, count(*)::int as regions from region group by level order by level`;
  const rows = await sql<
    {
      level: number;
      problem: string;
      region_code: string;
      other_code: string | null;
      area_m2: number | null;
      detail: string | null;
    }[]
  >`
    select * from topology_check(${tolerance})`;
  const ms = Math.round(performance.now() - started);
  if (levels.length === 0) {
    console.log("The database holds no regions (load a district with `npm run seed`).");
  }
  console.log(`topology_check(${tolerance} m²) on ${new URL(url).pathname.slice(1)} — ${ms} ms`);
  for (const { level, regions } of levels) {
    const problems = rows.filter((r) => r.level === level);
    console.log(
      `level ${LEVELS[level] ?? level}: ${regions} regions, ${problems.length === 0 ? "no problems" : `${problems.length} problem${problems.length > 1 ? "s" : ""}`}`,
    );
    for (const p of problems.slice(0, limit)) {
      const area = p.area_m2 != null ? ` ${p.area_m2.toFixed(1)} m²` : "";
      console.log(
        `  ${PROBLEMS[p.problem] ?? p.problem}: ${p.region_code}${p.other_code ? ` / ${p.other_code}` : ""}${area}${p.detail ? ` — ${p.detail}` : ""}`,
      );
    }
    if (problems.length > limit) console.log(`  … and ${problems.length - limit} more`);
  }
  console.log(
    rows.length === 0
      ? "OK: every level tiles its parent, no gaps, no overlaps."
      : `FAILED: ${rows.length} problem${rows.length > 1 ? "s" : ""}.`,
  );
  process.exitCode = rows.length === 0 ? 0 : 1;
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 2;
} finally {
  await sql.end();
}
