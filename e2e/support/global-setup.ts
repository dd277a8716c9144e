import { spawnSync } from "node:child_process";
import { e2eDatabaseUrl } from "./e2e-env";

/** Creates, migrates and seeds the e2e database (the synthetic district, scale small) before any spec runs. */
export default async function globalSetup() {
  const result = spawnSync("npx", ["tsx", "--conditions=react-server", "e2e/support/seed-e2e.ts", e2eDatabaseUrl()], {
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error(`seeding the e2e database failed (exit ${result.status})`);
}
