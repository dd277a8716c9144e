import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * A digest of some source files and of every project file they import, directly or not (relative and `@/`
 * specifiers; packages are left out). The test template database is rebuilt when the digest of the code
 * that builds it (migrations, queue set-up, the seed and whatever they import from lib/) changes.
 */
export function sourceFingerprint(root: string, entries: string[], extraFiles: string[] = []): string {
  const seen = new Set<string>();
  const pending = entries.map((entry) => path.resolve(root, entry));
  while (pending.length) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of importSpecifiers(fs.readFileSync(file, "utf8"))) {
      const target = resolveSpecifier(root, file, specifier);
      if (target && !seen.has(target)) pending.push(target);
    }
  }
  for (const extra of extraFiles) seen.add(path.resolve(root, extra));
  const hash = createHash("sha256");
  for (const file of [...seen].sort()) {
    hash.update(path.relative(root, file)).update("\0");
    hash.update(fs.readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

/** Every file under `dir` (recursively), for data files the code reads at run time rather than imports. */
export function filesUnder(root: string, dir: string): string[] {
  const absolute = path.resolve(root, dir);
  if (!fs.existsSync(absolute)) return [];
  return fs
    .readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const IMPORT_PATTERNS = [
  // import … from "x"; export … from "x" (over several lines too)
  /(?:^|[\s;])(?:import|export)\s[^;]*?\sfrom\s*["']([^"']+)["']/g,
  // import "x" (side effects only)
  /(?:^|[\s;])import\s*["']([^"']+)["']/g,
  // import("x")
  /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
];

export function importSpecifiers(source: string): string[] {
  const found = new Set<string>();
  for (const pattern of IMPORT_PATTERNS) for (const match of source.matchAll(pattern)) found.add(match[1]);
  return [...found];
}

const CANDIDATE_SUFFIXES = ["", ".ts", ".tsx", ".js", "/index.ts", "/index.tsx"];

/** The project file a specifier names, or undefined for a package (or a file that does not exist). */
function resolveSpecifier(root: string, fromFile: string, specifier: string): string | undefined {
  let base: string;
  if (specifier.startsWith("./") || specifier.startsWith("../")) base = path.resolve(path.dirname(fromFile), specifier);
  else if (specifier.startsWith("@/")) base = path.resolve(root, specifier.slice(2));
  else return undefined;
  for (const suffix of CANDIDATE_SUFFIXES) {
    const candidate = base + suffix;
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}
