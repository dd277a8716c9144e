import { productDatabaseUrl, withDatabase } from "../../db/url";

/**
 * Port of the production server the e2e tests drive (the dev server keeps 3000); `E2E_PORT` moves it, so two
 * checkouts on one machine can run their e2e tests side by side.
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);

/** The e2e database: same server as the product's, database `gridatlas_e2e`. */
export function e2eDatabaseUrl() {
  return withDatabase(productDatabaseUrl(), "gridatlas_e2e");
}
