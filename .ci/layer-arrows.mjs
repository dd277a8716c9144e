#!/usr/bin/env node
// Lists the import arrows between the project's folders (file → file imports, tests left out), counted:
//   node .ci/layer-arrows.mjs            every arrow between folders
//   node .ci/layer-arrows.mjs --upward   only arrows that leave the bottom layer (db/client, db/queries, db/migrations)
// It reads dependency-cruiser's JSON, so it sees what the boundary check (.dependency-cruiser.cjs) sees.
import { execFileSync } from "node:child_process";

const FOLDERS = [
  "db/queries",
  "db/migrations",
  "db/seed",
  "db/cli",
  "db/testing",
  "db",
  "lib",
  "tiles",
  "workers",
  "components",
  "app",
  "e2e",
  "bench",
];
const folderOf = (file) => FOLDERS.find((f) => file === f || file.startsWith(`${f}/`));
const isTest = (file) => /\.(test|spec)\.tsx?$|\/testing\//.test(file);
const BOTTOM = new Set(["db", "db/queries", "db/migrations"]);

const json = execFileSync(
  "npx",
  [
    "depcruise",
    ...FOLDERS.filter((f) => !f.includes("/")),
    "--no-config",
    "--ts-config",
    "tsconfig.json",
    "--output-type",
    "json",
  ],
  { maxBuffer: 1 << 28, encoding: "utf8" },
);
const counts = new Map();
for (const file of JSON.parse(json).modules) {
  const from = folderOf(file.source);
  if (!from || isTest(file.source)) continue;
  for (const dependency of file.dependencies) {
    const to = folderOf(dependency.resolved);
    if (!to || to === from) continue;
    if (process.argv.includes("--upward") && !BOTTOM.has(from)) continue;
    const key = `${from} → ${to}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
}
const rows = [...counts].sort((a, b) => a[0].localeCompare(b[0]));
for (const [arrow, n] of rows) console.log(`${String(n).padStart(5)}  ${arrow}`);
console.log(`${String(rows.reduce((sum, [, n]) => sum + n, 0)).padStart(5)}  in all`);
