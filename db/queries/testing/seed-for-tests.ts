import type { Connection } from "../../client";
import { loadFixtureDistrict } from "./fixture-district";

/** Loads the district the read-verb database tests run against. */
export async function seedTestDistrict(conn: Connection): Promise<void> {
  await loadFixtureDistrict(conn);
}
