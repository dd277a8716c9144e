import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");

/** Every module a file pulls in through relative or "@/" imports, and the packages it names. */
function importGraph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, "utf8");
    for (const m of source.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^"';]*?\s+from\s+)?["']([^"']+)["']/gm)) {
      if (m[1]) continue; // type-only: erased, never reaches the bundle
      const spec = m[2];
      if (!spec.startsWith(".") && !spec.startsWith("@/")) {
        packages.add(spec);
        continue;
      }
      const base = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : path.resolve(path.dirname(file), spec);
      const found = [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find((f) => {
        try {
          readFileSync(f);
          return true;
        } catch {
          return false;
        }
      });
      if (!found) throw new Error(`${file}: cannot resolve ${spec}`);
      visit(found);
    }
  };
  visit(path.join(ROOT, entry));
  return { files: [...files].map((f) => path.relative(ROOT, f)), packages: [...packages] };
}

/**
 * Pure rule modules that client components import: lib's rules reach the browser as they are, so nothing
 * in their import graph may be server-only (the build would fail, or worse, ship the database client).
 */
const CLIENT_SAFE = [
  "components/mobile/report-draft.ts",
  "lib/case/risk.ts",
  "lib/format/time.ts",
  "lib/case/deadline-note.ts",
  "lib/case/transition-request.ts",
];

describe("modules shared with client components", () => {
  it.each(CLIENT_SAFE)("%s imports nothing server-only", (entry) => {
    const { files, packages } = importGraph(entry);
    expect(packages.filter((p) => p === "server-only" || p.startsWith("next/headers") || p.startsWith("node:"))).toEqual([]);
    expect(packages.filter((p) => ["postgres", "kysely", "pg-boss"].includes(p))).toEqual([]);
    expect(files.filter((f) => f.startsWith("db/") || f === "lib/env.ts" || f === "lib/context.ts")).toEqual([]);
  });
  it("follows the graph (the check above can fail)", () => {
    expect(importGraph("lib/case/get-case.ts").packages).toContain("server-only");
    expect(importGraph("components/mobile/report-draft.ts").files).toContain("lib/case/risk.ts");
  });
});
