import { defineConfig, devices } from "@playwright/test";
import { storageStateOf } from "./e2e/support/accounts";
import { e2eDatabaseUrl, E2E_PORT } from "./e2e/support/e2e-env";

/** Debian's chromium (never a downloaded browser) with WebGL through SwiftShader. */
const DEBIAN_CHROMIUM = {
  ...devices["Desktop Chrome"],
  viewport: { width: 1440, height: 900 },
  launchOptions: {
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--headless=new",
      // WebGL without a GPU: ANGLE over SwiftShader (software Vulkan/GL).
      "--use-gl=angle",
      "--use-angle=swiftshader",
      "--enable-unsafe-swiftshader",
      "--ignore-gpu-blocklist",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  },
};

/**
 * End-to-end tests: Debian's chromium (never a downloaded browser) with WebGL through SwiftShader, so
 * MapLibre draws in a headless, GPU-less machine; a production server (`next start`, built first by
 * `npm test`) on port 3100 over its own database, prepared and seeded by the global setup.
 */
export default defineConfig({
  testDir: "./e2e",
  testMatch: "**/*.spec.ts",
  outputDir: "test-results/e2e",
  globalSetup: "./e2e/support/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  // Software WebGL on 2 cores is slow: generous timeouts, and one retry in CI for a stalled frame.
  timeout: 90_000,
  expect: { timeout: 20_000 },
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    viewport: { width: 1440, height: 900 },
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    actionTimeout: 20_000,
    navigationTimeout: 60_000,
  },
  projects: [
    // Signs every demo role in once (e2e/auth.setup.ts); the specs start from those storage states.
    { name: "sign-in", testMatch: "auth.setup.ts", use: DEBIAN_CHROMIUM },
    {
      name: "chromium",
      dependencies: ["sign-in"],
      // Specs run as the district commander unless they say otherwise (test.use({ storageState })).
      use: { ...DEBIAN_CHROMIUM, storageState: storageStateOf("commander") },
    },
  ],
  webServer: {
    // The product's own web process (tiles on node:http, everything else through Next.js), on the build
    // that `npm test` makes first.
    command: "npx tsx --conditions=react-server tiles/web-server.ts",
    // A static route: ready as soon as the server answers, whether or not the database is seeded yet.
    url: `http://localhost:${E2E_PORT}/icon.svg`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: { DATABASE_URL: e2eDatabaseUrl(), PORT: String(E2E_PORT), NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  },
});
