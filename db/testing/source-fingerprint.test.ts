import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { filesUnder, importSpecifiers, sourceFingerprint } from "./source-fingerprint";

describe("importSpecifiers", () => {
  it("finds static, re-exported, side-effect and dynamic imports, over several lines too", () => {
    const source = [
      `import { a } from "./a";`,
      `import type { B } from '../b';`,
      `import {\n  c,\n  d,\n} from "@/lib/c";`,
      `export * from "./e";`,
      `export { f } from "./f";`,
      `import "server-only";`,
      `const g = await import("../g/index");`,
      `const text = "import nothing from here";`,
    ].join("\n");
    expect(importSpecifiers(source).sort()).toEqual(["../b", "../g/index", "./a", "./e", "./f", "@/lib/c", "server-only"]);
  });
});

describe("sourceFingerprint", () => {
  let root: string;
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "fingerprint-"));
    write("db/entry.ts", `import { x } from "../lib/x";\nimport postgres from "postgres";\nexport const y = x;\n`);
    write("lib/x.ts", `export { z as x } from "./deep/z";\n`);
    write("lib/deep/z.ts", `export const z = 1;\n`);
    write("lib/unrelated.ts", `export const u = 1;\n`);
    write("data/table.csv", `a,b\n1,2\n`);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const fingerprint = () => sourceFingerprint(root, ["db/entry.ts"], filesUnder(root, "data"));

  it("changes when a file the entry imports, even indirectly, changes", () => {
    const before = fingerprint();
    write("lib/deep/z.ts", `export const z = 2;\n`);
    expect(fingerprint()).not.toBe(before);
  });

  it("changes when an extra data file changes", () => {
    const before = fingerprint();
    write("data/table.csv", `a,b\n1,3\n`);
    expect(fingerprint()).not.toBe(before);
  });

  it("stays the same when a file outside the import graph changes", () => {
    const before = fingerprint();
    write("lib/unrelated.ts", `export const u = 2;\n`);
    expect(fingerprint()).toBe(before);
  });
});
