import type { Connection } from "../../client";
import { DEFAULT_DIVISIONS_CSV, seedDistrict, type SeedOptions } from "../../seed/index";

/**
 * Loads the district the database tests run against: the synthetic generator at scale small, seed 1.
 * Loaded once into the test template database (db/testing/template-database.ts); each test file works
 * on its own copy. Without demo cases unless asked (`{ cases: { now } }`): most tests write the few cases
 * they need themselves. Without the demo attendance: the attendance tests make the fences, rules and punches
 * they test (db/seed/attendance.db.test.ts loads the demo attendance into its own copy).
 */
export async function seedTestDistrict(conn: Connection, options: { cases?: SeedOptions["cases"] } = {}): Promise<void> {
  await seedDistrict(conn, {
    divisionsCsv: DEFAULT_DIVISIONS_CSV,
    scale: "small",
    seed: 1,
    cases: options.cases ?? false,
    attendance: false,
  });
}
