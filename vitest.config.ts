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
          include: ["{lib,tiles,db,components,workers}/**/*.test.ts"],
          exclude: ["**/*.db.test.ts", "node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "db",
          include: ["{lib,tiles,db,app,workers}/**/*.db.test.ts"],
          globalSetup: ["db/testing/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
