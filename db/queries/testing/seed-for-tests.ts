import type { Connection } from "../../client";
import { DEFAULT_DIVISIONS_CSV, seedDistrict } from "../../seed/index";

/**
 * Loads the district the read-verb database tests run against: the synthetic generator at scale
 * small, seed 1. Every file reloads it (a few seconds): other suites share the test database and
 * may have changed it.
 */
export async function seedTestDistrict(conn: Connection): Promise<void> {
  await seedDistrict(conn, { divisionsCsv: DEFAULT_DIVISIONS_CSV, scale: "small", seed: 1 });
}
