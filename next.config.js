// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // postgres.js and pg-boss are Node-only; keep them out of the server bundle (exceljs: Node streams and zip).
  serverExternalPackages: ["postgres", "pg-boss", "@node-rs/argon2", "exceljs"],
  // The build machine has no internet: never reach out for fonts or telemetry.
  poweredByHeader: false,
  // Lets a benchmark or a second developer build into its own folder without clobbering .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  // CI (.ci/run) type-checks the whole project with `tsc --noEmit` just before `npm test` builds: checking again
  // inside the build costs a minute on 2 cores and finds nothing new. Local builds still check.
  typescript: { ignoreBuildErrors: process.env.CI === "true" },
  experimental: {
    // `forbidden()` from next/navigation: a console page the caller may not open answers 403 with
    // app/(console)/forbidden.tsx (experimental in Next 16).
    authInterrupts: true,
    // CI (.ci/run sets CI=true) builds once in a fresh clone: writing Turbopack's build cache (30–50 s on
    // 2 cores) would serve no later build. Local builds keep it.
    turbopackFileSystemCacheForBuild: process.env.CI !== "true",
  },
  // Next.js drops Content-Encoding from route-handler responses (server/send-response.js), so the tile
  // route's pre-gzipped bodies get the header here, under the same condition tiles/http.ts checks
  // (`acceptsGzip`). Keep the two in step.
  async headers() {
    return [
      {
        source: "/tiles/:layer/:z/:x/:y",
        has: [{ type: "header", key: "accept-encoding", value: ".*gzip.*" }],
        headers: [{ key: "Content-Encoding", value: "gzip" }],
      },
    ];
  },
};

export default nextConfig;
