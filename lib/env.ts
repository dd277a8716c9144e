import { z } from "zod";
import path from "node:path";

/**
 * The one place that reads process.env (ARCHITECTURE: "lib/env.ts validates the environment once").
 * Every variable has a default so `npm start` works on a fresh machine; README lists them all.
 */
// npm scripts, Next.js and the tests all run from the project root.
const projectRoot = process.cwd();

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Points the product at an existing PostgreSQL + PostGIS; when unset the project-local cluster is used. */
  DATABASE_URL: z.string().url().optional(),
  /** Database used by the test suites (created and migrated by the tests themselves). */
  TEST_DATABASE_URL: z.string().url().optional(),
  /** Where the local cluster, keys and other runtime files live (git-ignored). */
  GRIDATLAS_DATA_DIR: z.string().default(".data"),
  /** Port of the project-local PostgreSQL cluster. */
  GRIDATLAS_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  /** The web application's own login (owns no tables, row-level security applies). Defaults to DATABASE_URL with the user gridatlas_app. */
  APP_DATABASE_URL: z.string().url().optional(),
  /** Session lifetime: absolute (hours) and idle (minutes) limits. */
  SESSION_TTL_HOURS: z.coerce
    .number()
    .min(0.01)
    .max(24 * 30)
    .default(12),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .min(1)
    .max(24 * 60)
    .default(120),
  /** Mark the session cookie Secure (set when the product is served over HTTPS). */
  COOKIE_SECURE: z.enum(["0", "1"]).default("0"),
  /** Port of the web server. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** 32-byte keys (hex) for personal data: AES-256-GCM encryption and HMAC lookup hashes. Generated into the data dir when unset. */
  PII_ENCRYPTION_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i)
    .optional(),
  PII_HASH_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i)
    .optional(),
  /** Optional basemap under the grids: an XYZ raster/vector URL template or a pmtiles:// URL. */
  BASEMAP_URL: z.string().optional(),
  /** Size of the in-memory tile cache in megabytes (0 disables it). */
  TILE_CACHE_MB: z.coerce.number().int().min(0).default(256),
  /** Scale of the demo district loaded by `npm start` into an empty database. */
  GRIDATLAS_DEMO_SCALE: z.enum(["small", "medium", "full"]).default("medium"),
  /**
   * Addresses of reverse proxies in front of the web server (comma-separated IPs). Only requests from these
   * may set X-Forwarded-For/-Host/-Proto; from anyone else those headers are dropped. Default: none.
   */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((a) => a.trim())
        .filter(Boolean),
    ),
  /** Log SQL statements (development aid). */
  LOG_SQL: z.enum(["0", "1"]).default("0"),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

/** Parses the environment once and fails with a readable list of problems. */
export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  cached = parsed.data;
  return cached;
}

export { projectRoot };

/** The data dir as an absolute path (relative values are taken from the project root). */
export function dataDir(): string {
  return path.resolve(projectRoot, env().GRIDATLAS_DATA_DIR);
}
