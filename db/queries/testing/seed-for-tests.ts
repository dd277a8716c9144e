import type { Connection } from "../../client";
import { DEFAULT_DIVISIONS_CSV, seedDistrict, type SeedOptions } from "../../seed/index";

/**
 * Loads the district the read-verb database tests run against: the synthetic generator at scale
 * small, seed 1. Every file reloads it (a few seconds): other suites share the test database and
 * may have changed it. Without demo cases unless asked (`{ cases: { now } }`): most tests write the few
 * cases they need themselves, and skipping the generator keeps them fast.
 */
export async function seedTestDistrict(conn: Connection, options: { cases?: SeedOptions["cases"] } = {}): Promise<void> {
  await seedDistrict(conn, { divisionsCsv: DEFAULT_DIVISIONS_CSV, scale: "small", seed: 1, cases: options.cases ?? false });
}
