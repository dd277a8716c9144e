// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // postgres.js and pg-boss are Node-only; keep them out of the server bundle.
  serverExternalPackages: ["postgres", "pg-boss"],
  // The build machine has no internet: never reach out for fonts or telemetry.
  poweredByHeader: false,
  // Lets a benchmark or a second developer build into its own folder without clobbering .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
};

export default nextConfig;
