import { defineConfig } from "vitest/config";
import path from "node:path";

// Two projects: pure unit tests, and tests against a real, migrated PostGIS test database.
export default defineConfig({
  resolve: {
    alias: { "@": import.meta.dirname, "server-only": path.resolve(import.meta.dirname, "lib/testing/server-only-stub.ts") },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["{app,lib,tiles,db,components,workers}/**/*.test.ts"],
          exclude: ["**/*.db.test.ts", "node_modules/**"],
          // Projects with their own worker counts run as groups, one after the other: unit tests first.
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: "db",
          include: ["{app,lib,tiles,db,components,workers}/**/*.db.test.ts"],
          // One seeded template per run, one copy of it per test file: files run side by side.
          globalSetup: ["db/testing/global-setup.ts"],
          setupFiles: ["db/testing/file-database.ts"],
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
