/**
 * `npm run db:types`: regenerates db/types.ts from the live, migrated product database with kysely-codegen.
 * bigint ids are mapped to number because db/client.ts parses int8 as number.
 */
import { execFileSync } from "node:child_process";
import { prepareDatabase } from "../prepare";
import { productDatabaseUrl } from "../url";

const url = productDatabaseUrl();
await prepareDatabase(url);
execFileSync(
  "npx",
  [
    "kysely-codegen",
    "--dialect",
    "postgres",
    "--url",
    url,
    "--out-file",
    "db/types.ts",
    "--exclude-pattern",
    "{public.kysely_*,public.spatial_ref_sys,public.geography_columns,public.geometry_columns,pgboss.*}",
    "--type-mapping",
    JSON.stringify({ int8: "number" }),
    "--numeric-parser",
    "number-or-string",
  ],
  { stdio: "inherit" },
);
