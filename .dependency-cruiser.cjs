/**
 * The layer rules (README "Architecture"), checked by `npm run lint:layers` in CI: a wrong arrow fails the build.
 *
 *   db core   db/*.ts, db/queries/, db/migrations/   imports nothing above it (lib/env.ts aside)
 *   lib/      the domain                             imports db core, workers/enqueue.ts; never tiles/, app/, components/
 *   tiles/    tile SQL, MVT, style, web process      imports lib/ and db core
 *   workers/  the job process                        imports lib/, tiles/, db core
 *   app/      routes                                 imports lib/, components/, tiles/, db/client.ts (the connection)
 *   components/ React UI                             imports lib/ and the client-safe tiles modules; no data access
 *   db/seed/, db/cli/  tools above lib/              may import anything but app/ and components/; only tests,
 *                                                    test support, e2e/ and bench/ import them
 *   e2e/, bench/  scripts and specs                  may import anything; nothing imports them
 *
 * Tests (`*.test.ts`, `*.spec.ts`) and test support (any `testing/` or `fixtures/` folder) are test code: they
 * may import what the code they test imports plus db/seed, db/cli and other test support, and only test code,
 * the tools and the scripts import test support. Only app/ imports app/, tests included: a test that calls a
 * route handler lives under app/. Import circles are refused, type-only imports included: a type-only circle
 * still ties two modules together (neither can move or be read alone), and it costs nothing to break.
 */
const TEST = "\\.(test|spec)\\.tsx?$|(^|/)(testing|fixtures)/";
const DB_CORE = "^db/(?!(seed|cli|testing)/)";
const TOOLS = "^db/(seed|cli)/";

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Import circles (type-only imports count too): break them by moving the shared part into its own module.",
      from: {},
      to: { circular: true },
    },
    {
      name: "db-core-is-the-bottom",
      severity: "error",
      comment:
        "db/client.ts, db/queries/, db/migrations/ and the other db/*.ts import nothing from lib/ (but lib/env.ts), tiles/, workers/, the tools or the UI. Migrations load frozen data from db/migrations/data/.",
      from: { path: DB_CORE, pathNot: TEST },
      to: {
        path: "^(lib|tiles|workers|app|components|e2e|bench)/|^db/(seed|cli|testing)/",
        pathNot: "^lib/env\\.ts$",
      },
    },
    {
      name: "tools-are-leaves",
      severity: "error",
      comment: "db/seed/ and db/cli/ are tools above lib/: only they, tests, test support, e2e/ and bench/ import them.",
      from: { pathNot: `${TOOLS}|^(e2e|bench)/|${TEST}` },
      to: { path: TOOLS },
    },
    {
      name: "test-support-only-for-tests",
      severity: "error",
      comment: "testing/ folders serve tests: only tests, other test support, the tools, e2e/ and bench/ import them.",
      from: { pathNot: `${TOOLS}|^(e2e|bench)/|${TEST}` },
      to: { path: "(^|/)(testing|fixtures)/" },
    },
    {
      name: "tools-not-ui",
      severity: "error",
      comment: "db/ (tools included) never imports routes or React components.",
      from: { path: "^db/" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "lib-below-the-adapters",
      severity: "error",
      comment:
        "lib/ is the domain: it never imports routes, components or tiles; workers/enqueue.ts is the one worker file it may import (to send a job).",
      from: { path: "^lib/", pathNot: TEST },
      to: { path: "^(app|components|tiles|workers|e2e|bench)/", pathNot: "^workers/enqueue\\.ts$" },
    },
    {
      name: "tiles-below-app",
      severity: "error",
      comment: "tiles/ serves layers from lib/ and db/: it never imports routes, components or the worker process.",
      from: { path: "^tiles/", pathNot: TEST },
      to: { path: "^(app|components|workers|e2e|bench)/" },
    },
    {
      name: "workers-below-app",
      severity: "error",
      comment: "workers/ runs lib/ and tiles/ jobs: it never imports routes or components.",
      from: { path: "^workers/", pathNot: TEST },
      to: { path: "^(app|components|e2e|bench)/" },
    },
    {
      name: "components-no-data-access",
      severity: "error",
      comment: "components/ are React UI: no db/, no worker, no routes.",
      from: { path: "^components/" },
      to: { path: "^(db|workers|app|e2e|bench)/" },
    },
    {
      name: "components-client-safe-tiles-only",
      severity: "error",
      comment:
        "From tiles/, components take only the pure modules the browser needs: the style builders, the layer table and the case filter.",
      from: { path: "^components/" },
      to: { path: "^tiles/", pathNot: "^tiles/(style|layers|case-filter)\\.ts$" },
    },
    {
      name: "app-reaches-data-through-lib",
      severity: "error",
      comment: "Routes call lib/ verbs; of db/ they take only the connection (db/client.ts).",
      from: { path: "^app/", pathNot: TEST },
      to: { path: "^(db|workers)/", pathNot: "^db/client\\.ts$" },
    },
    {
      name: "nothing-imports-app",
      severity: "error",
      comment: "Routes are the top: only app/ imports app/ (tests that call route handlers live under app/ too).",
      from: { pathNot: "^app/" },
      to: { path: "^app/" },
    },
    {
      name: "nothing-imports-scripts",
      severity: "error",
      comment: "e2e/ and bench/ are the outermost scripts: nothing else imports them.",
      from: { pathNot: "^(e2e|bench)/" },
      to: { path: "^(e2e|bench)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|\\.next)" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
