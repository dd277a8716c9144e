import { productDatabaseUrl, withDatabase } from "../../db/url";

/** Port of the production server the e2e tests drive (the dev server keeps 3000). */
export const E2E_PORT = 3100;

/** The e2e database: same server as the product's, database `gridatlas_e2e`. */
export function e2eDatabaseUrl() {
  return withDatabase(productDatabaseUrl(), "gridatlas_e2e");
}
