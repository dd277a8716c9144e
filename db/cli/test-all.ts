/**
 * `npm test`: every test the project has — unit and database tests (vitest, real PostGIS test database)
 * and end-to-end tests (Playwright driving Debian's chromium against a production build) — then one
 * closing line `N passed, N failed` summing them all. Exits non-zero when anything failed.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ensureDebianPackages } from "../debian-packages";

const resultsDir = path.resolve("test-results");
fs.mkdirSync(resultsDir, { recursive: true });
const skipE2e = process.argv.includes("--no-e2e");

function run(command: string, args: string[], extraEnv: Record<string, string> = {}) {
  console.log(`\n[test] ${command} ${args.join(" ")} (${new Date().toISOString().slice(11, 19)})`);
  return spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...extraEnv } }).status ?? 1;
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return undefined;
  }
}

type Tally = { passed: number; failed: number; skipped: number };
const tallies: Record<string, Tally> = {};

// 1. Unit + database tests.
const vitestJson = path.join(resultsDir, "vitest.json");
fs.rmSync(vitestJson, { force: true });
const vitestStatus = run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${vitestJson}`]);
const vitest = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(
  vitestJson,
);
tallies.vitest = vitest
  ? {
      passed: vitest.numPassedTests,
      failed: vitest.numFailedTests + (vitestStatus !== 0 && vitest.numFailedTests === 0 ? 1 : 0),
      skipped: vitest.numPendingTests + vitest.numTodoTests,
    }
  : { passed: 0, failed: 1, skipped: 0 };

// 2. End-to-end tests against a production build.
if (!skipE2e) {
  ensureDebianPackages(["chromium", "fonts-noto-cjk"], "The end-to-end tests (a real browser with Chinese fonts)");
  const buildStatus = run("npx", ["next", "build"]);
  const playwrightJson = path.join(resultsDir, "playwright.json");
  fs.rmSync(playwrightJson, { force: true });
  const e2eStatus =
    buildStatus === 0
      ? run("npx", ["playwright", "test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson })
      : buildStatus;
  const e2e = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(playwrightJson);
  tallies.e2e = e2e
    ? {
        passed: e2e.stats.expected + e2e.stats.flaky,
        failed: e2e.stats.unexpected + (e2eStatus !== 0 && e2e.stats.unexpected === 0 ? 1 : 0),
        skipped: e2e.stats.skipped,
      }
    : { passed: 0, failed: 1, skipped: 0 };
}

const total = Object.values(tallies).reduce(
  (a, t) => ({ passed: a.passed + t.passed, failed: a.failed + t.failed, skipped: a.skipped + t.skipped }),
  { passed: 0, failed: 0, skipped: 0 },
);
fs.writeFileSync(path.join(resultsDir, "summary.json"), JSON.stringify({ ...tallies, total }, null, 2));
console.log("");
for (const [name, t] of Object.entries(tallies))
  console.log(`[test] ${name}: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed > 0 ? 1 : 0);
