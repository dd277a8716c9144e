/**
 * Tile benchmark (issue 2 §7): `npm run bench:tiles [-- options]`.
 *
 * On the full-scale district (default: gridatlas_full in the local cluster), for each layer:
 * - the fixed tile list: every z10–z14 tile over the district's bbox where the layer serves that zoom,
 *   plus 300 random tiles at z15–z16 (fixed seed; a layer that starts above z16 gets them at its minzoom);
 * - each tile requested through a fresh server once (cold: empty tile cache) and again (warm: cache hit),
 *   and the same SQL run straight on the database in the same run (the floor). Floor and cold request
 *   alternate which goes first, so neither always finds PostgreSQL's buffers warmed by the other.
 * Writes bench/results/tiles.json and prints a table with the targets flagged.
 *
 * Options:
 *   --database <url>   database to read (default DATABASE_URL, else gridatlas_full in the local cluster)
 *   --server <list>    comma-separated, each a fresh process measured over the whole list (default product,next):
 *                      product (the product's web process, tiles/web-server.ts: tiles on node:http, the rest
 *                      to Next), next (the Next.js tile route under `next start`: what Next's pipeline costs),
 *                      node (the tiles/ code alone on bare node:http, bench/tile-server.ts)
 *   --url <url>        reuse a running server instead (cold then means whatever its cache holds!)
 *   --skip-build       start Next from an existing .next-bench build
 *   --port <n>         port of the started server (default 3199, bound to 127.0.0.1 only)
 *   --layers a,b       only these layers
 *   --random <n>       random z15–z16 tiles per layer (default 300)
 *   --seed <n>         seed of the random tiles (default 20261123)
 *   --max-seconds <n>  stop measuring after this long (default 1500); the report says so
 *   --out <file>       result file (default bench/results/tiles.json)
 */
import { spawn, spawnSync, execSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { connect } from "../db/client";
import { createSignedInAccount } from "../lib/testing/test-sessions";
import { localDatabaseUrl } from "../db/cluster";
import { env, projectRoot } from "../lib/env";
import { LAYERS, LAYER_NAMES, isCaseLayer, isLayerName, type LayerName } from "../tiles/layers";
import { renderTile } from "../tiles/render-tile";
import { TILE_SESSION_SETTINGS } from "../tiles/tile-connection";
import { tilesCoveringBbox, type Bbox, type TileCoord } from "../tiles/tile-math";
import { mulberry32, summarize, type LatencySummary } from "./stats";

const TARGETS = {
  coldP95Ms: 50,
  maxTileBytes: 500 * 1024,
  warmP50Ms: 1,
  serverFloorRatioP95: 1.25,
  ratioFromZoom: 14,
};

const { values: args } = parseArgs({
  options: {
    database: { type: "string" },
    url: { type: "string" },
    server: { type: "string", default: "product,next" },
    "skip-build": { type: "boolean", default: false },
    port: { type: "string", default: "3199" },
    layers: { type: "string" },
    random: { type: "string", default: "300" },
    seed: { type: "string", default: "20261123" },
    "max-seconds": { type: "string", default: "1500" },
    out: { type: "string", default: path.join("bench", "results", "tiles.json") },
  },
});

const databaseUrl = args.database ?? env().DATABASE_URL ?? localDatabaseUrl("gridatlas_full");
// The case layers depend on their filters and have their own benchmark (bench/case-tiles.ts).
const layers: LayerName[] = args.layers ? args.layers.split(",").filter(isLayerName) : LAYER_NAMES.filter((l) => !isCaseLayer(l));
const randomPerLayer = Number(args.random);
const seed = Number(args.seed);
const maxSeconds = Number(args["max-seconds"]);
const log = (line: string) => process.stderr.write(`[bench:tiles] ${line}\n`);

type BenchTile = TileCoord & { layer: LayerName; kind: "fixed" | "random" };

/** The fixed list, then the random tiles, per layer. */
function buildTileList(bbox: Bbox): BenchTile[] {
  const list: BenchTile[] = [];
  for (const layer of layers) {
    const meta = LAYERS[layer];
    for (let z = 10; z <= 14; z++) {
      if (z < meta.minzoom || z > meta.maxzoom) continue;
      for (const t of tilesCoveringBbox(bbox, z)) list.push({ ...t, layer, kind: "fixed" });
    }
    const served = [15, 16].filter((z) => z >= meta.minzoom && z <= meta.maxzoom);
    const zooms = served.length > 0 ? served : [meta.minzoom];
    // one generator per layer, so adding or removing a layer leaves the others' tiles unchanged
    const random = mulberry32(seed + LAYER_NAMES.indexOf(layer));
    for (let i = 0; i < randomPerLayer; i++) {
      const z = zooms[Math.floor(random() * zooms.length)];
      const all = tilesCoveringBbox(bbox, z, 10_000_000);
      const first = all[0];
      const last = all[all.length - 1];
      const x = first.x + Math.floor(random() * (last.x - first.x + 1));
      const y = first.y + Math.floor(random() * (last.y - first.y + 1));
      list.push({ z, x, y, layer, kind: "random" });
    }
  }
  return list;
}

type HttpResult = { status: number; ms: number; bytes: number; cache: string | undefined; encoding: string | undefined };

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** The benchmark signs in as a district commander (tiles need a session); set in main(). */
let sessionCookie = "";
/** The commander's scope (the district), which the floor applies too: the same scoped SQL. */
let districtScope: string[] = [];

function httpGet(url: string): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.get(url, { agent, headers: { "accept-encoding": "gzip", cookie: sessionCookie } }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          ms: performance.now() - t0,
          bytes,
          cache: res.headers["x-tile-cache"] as string | undefined,
          encoding: res.headers["content-encoding"],
        }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.setTimeout(60_000, () => req.destroy(new Error(`timeout ${url}`)));
  });
}

async function waitForServer(base: string, child: ChildProcess | null) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      const res = await httpGet(`${base}/tiles/district/3/6/3`);
      if (res.status === 200 || res.status === 204) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server at ${base} did not answer within 120 s`);
}

/**
 * Builds the tile routes into .next-bench and starts `next start` on loopback. The build covers the tile
 * routes only (`--debug-build-paths app/tiles/**`) and runs as compile + generate, which skips the
 * project-wide type check: the benchmark measures the tile route, and other pages' work in progress must
 * not stop it (the test suite type-checks). Compile mode also leaves tsconfig.json alone.
 */
const nextBin = path.join(projectRoot, "node_modules", "next", "dist", "bin", "next");
const benchEnv = () => ({
  ...process.env,
  NEXT_DIST_DIR: ".next-bench",
  DATABASE_URL: databaseUrl,
  NEXT_TELEMETRY_DISABLED: "1",
});
let built = false;

function ensureBenchBuild() {
  const childEnv = benchEnv();
  if (built) return;
  built = true;
  if (!args["skip-build"] || !existsSync(path.join(projectRoot, ".next-bench", "BUILD_ID"))) {
    log("next build (tile routes, compile + generate) → .next-bench; --skip-build reuses it");
    const tsconfig = readFileSync(path.join(projectRoot, "tsconfig.json"), "utf8");
    try {
      for (const mode of ["compile", "generate"]) {
        const build = spawnSync(
          process.execPath,
          [nextBin, "build", "--experimental-build-mode", mode, "--debug-build-paths", "app/tiles/**"],
          {
            env: { ...childEnv, NODE_ENV: "production" },
            stdio: ["ignore", "inherit", "inherit"],
            cwd: projectRoot,
          },
        );
        if (build.status !== 0) throw new Error(`next build (${mode}) failed (exit ${build.status})`);
      }
    } finally {
      if (readFileSync(path.join(projectRoot, "tsconfig.json"), "utf8") !== tsconfig)
        writeFileSync(path.join(projectRoot, "tsconfig.json"), tsconfig);
    }
  }
}

function startNext(port: string): ChildProcess {
  const childEnv = benchEnv();
  ensureBenchBuild();
  log(`next start on 127.0.0.1:${port} (fresh process: empty tile cache)`);
  const child = spawn(process.execPath, [nextBin, "start", "-p", port, "-H", "127.0.0.1"], {
    env: { ...childEnv, NODE_ENV: "production", TILE_CACHE_MB: "2048", PORT: port },
    stdio: ["ignore", "ignore", "inherit"],
    cwd: projectRoot,
  });
  return child;
}

/** The product's web process (tiles/web-server.ts) on the bench build, in a fresh process. */
function startProduct(port: string): ChildProcess {
  ensureBenchBuild();
  log(`tiles/web-server.ts on port ${port} (fresh process: empty tile cache)`);
  return spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join("tiles", "web-server.ts")], {
    env: { ...benchEnv(), NODE_ENV: "production", TILE_CACHE_MB: "2048", PORT: port },
    stdio: ["ignore", "ignore", "inherit"],
    cwd: projectRoot,
  });
}

/** The same tiles/ code on bare node:http (bench/tile-server.ts), in a fresh process. */
function startNode(port: string): ChildProcess {
  log(`bench/tile-server.ts on 127.0.0.1:${port} (fresh process: empty tile cache)`);
  return spawn(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      path.join("bench", "tile-server.ts"),
      "--port",
      port,
      "--database",
      databaseUrl,
    ],
    {
      env: { ...process.env, NODE_ENV: "production", TILE_CACHE_MB: "2048" },
      stdio: ["ignore", "ignore", "inherit"],
      cwd: projectRoot,
    },
  );
}

type Group = {
  layer: LayerName;
  z: number;
  cold: number[];
  warm: number[];
  floor: number[];
  rawBytes: number[];
  gzipBytes: number[];
  empty: number;
  errors: string[];
  warmMisses: number;
};

type GroupResult = {
  layer: LayerName;
  z: number;
  count: number;
  empty: number;
  errors: string[];
  cold: LatencySummary;
  warm: LatencySummary;
  floor: LatencySummary;
  bytes: { rawMean: number; rawMax: number; gzipMean: number; gzipMax: number };
  serverFloorRatioP95: number;
  /** cold p95 − floor p95, ms: what the server adds, in absolute terms */
  serverOverheadP95Ms: number;
  warmMisses: number;
  flags: string[];
};

function evaluate(g: Group): GroupResult {
  const cold = summarize(g.cold);
  const warm = summarize(g.warm);
  const floor = summarize(g.floor);
  const mean = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length));
  const bytes = {
    rawMean: mean(g.rawBytes),
    rawMax: Math.max(0, ...g.rawBytes),
    gzipMean: mean(g.gzipBytes),
    gzipMax: Math.max(0, ...g.gzipBytes),
  };
  const ratio = floor.p95 > 0 ? Math.round((cold.p95 / floor.p95) * 100) / 100 : NaN;
  const flags: string[] = [];
  if (cold.p95 > TARGETS.coldP95Ms) flags.push(`cold p95 ${cold.p95} ms > ${TARGETS.coldP95Ms}`);
  if (bytes.rawMax > TARGETS.maxTileBytes) flags.push(`tile of ${Math.round(bytes.rawMax / 1024)} KB > 500 KB`);
  if (warm.p50 > TARGETS.warmP50Ms) flags.push(`warm p50 ${warm.p50} ms > ${TARGETS.warmP50Ms}`);
  if (g.z >= TARGETS.ratioFromZoom && ratio > TARGETS.serverFloorRatioP95)
    flags.push(`server/floor p95 ${ratio} > ${TARGETS.serverFloorRatioP95}`);
  if (g.errors.length) flags.push(`${g.errors.length} errors`);
  return {
    layer: g.layer,
    z: g.z,
    count: g.cold.length,
    empty: g.empty,
    errors: g.errors.slice(0, 5),
    cold,
    warm,
    floor,
    bytes,
    serverFloorRatioP95: ratio,
    serverOverheadP95Ms: Math.round((cold.p95 - floor.p95) * 100) / 100,
    warmMisses: g.warmMisses,
    flags,
  };
}

function pad(value: string | number, width: number) {
  const s = String(value);
  return s.length >= width ? s : " ".repeat(width - s.length) + s;
}

type ServerMode = "product" | "next" | "node" | "url";

/** A fingerprint of every layer's version, to notice a reload of the district during a run. */
async function dataStamp(sql: ReturnType<typeof connect>["sql"]): Promise<string> {
  const [row] = await sql<
    { stamp: string }[]
  >`select coalesce(string_agg(layer || ':' || version, ',' order by layer), '') as stamp from layer_version`;
  return row.stamp;
}

/** Runs the whole tile list against one server: floor and cold alternating, then warm. */
async function measure(sql: ReturnType<typeof connect>["sql"], base: string, tiles: BenchTile[], bbox: Bbox) {
  // Warm-up outside the list: 10 z18 tiles per layer near the district's centre, through the server and
  // straight on the database. A server that has run for a minute has its code JIT-compiled and every
  // layer's statement prepared; without this the first few tiles measured would pay for that instead.
  const cx = (bbox[0] + bbox[2]) / 2;
  const cy = (bbox[1] + bbox[3]) / 2;
  const centre = tilesCoveringBbox([cx - 0.01, cy - 0.005, cx + 0.01, cy + 0.005], 18);
  for (const layer of layers) {
    for (const t of centre.slice(0, 10)) {
      await httpGet(`${base}/tiles/${layer}/${t.z}/${t.x}/${t.y}`);
      await renderTile(sql, { layer, ...t, scope: districtScope });
    }
  }
  const groups = new Map<string, Group>();
  const started = performance.now();
  let truncated = false;
  for (let i = 0; i < tiles.length; i++) {
    if ((performance.now() - started) / 1000 > maxSeconds) {
      truncated = true;
      log(`time budget of ${maxSeconds} s spent after ${i} tiles: stopping`);
      break;
    }
    const t = tiles[i];
    const key = `${t.layer}/${t.z}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        layer: t.layer,
        z: t.z,
        cold: [],
        warm: [],
        floor: [],
        rawBytes: [],
        gzipBytes: [],
        empty: 0,
        errors: [],
        warmMisses: 0,
      };
      groups.set(key, g);
    }
    const url = `${base}/tiles/${t.layer}/${t.z}/${t.x}/${t.y}`;
    const floorRun = async () => {
      const t0 = performance.now();
      const bytes = await renderTile(sql, { layer: t.layer, z: t.z, x: t.x, y: t.y, scope: districtScope });
      return { ms: performance.now() - t0, bytes: bytes.byteLength };
    };
    let floor: { ms: number; bytes: number };
    let cold: HttpResult;
    if (i % 2 === 0) {
      floor = await floorRun();
      cold = await httpGet(url);
    } else {
      cold = await httpGet(url);
      floor = await floorRun();
    }
    const warm = await httpGet(url);
    if (cold.status !== 200 && cold.status !== 204) g.errors.push(`${url} → ${cold.status}`);
    if (cold.status === 200 && cold.encoding !== "gzip") g.errors.push(`${url} → no Content-Encoding: gzip`);
    if (cold.status === 204) g.empty++;
    if (warm.cache !== "hit") g.warmMisses++;
    g.floor.push(floor.ms);
    g.cold.push(cold.ms);
    g.warm.push(warm.ms);
    g.rawBytes.push(floor.bytes);
    g.gzipBytes.push(cold.bytes);
    if ((i + 1) % 1000 === 0) log(`${i + 1}/${tiles.length} tiles, ${Math.round((performance.now() - started) / 1000)} s`);
  }
  const elapsed = (performance.now() - started) / 1000;
  const results = [...groups.values()]
    .map(evaluate)
    .sort((a, b) => LAYER_NAMES.indexOf(a.layer) - LAYER_NAMES.indexOf(b.layer) || a.z - b.z);
  return { elapsedSeconds: Math.round(elapsed), truncated, tileCount: results.reduce((a, r) => a + r.count, 0), results };
}

function printTable(mode: ServerMode, run: Awaited<ReturnType<typeof measure>>) {
  const header = `${pad("layer", 12)} ${pad("z", 2)} ${pad("n", 5)} ${pad("empty", 5)} │ ${pad("cold p50", 8)} ${pad("p95", 7)} ${pad("p99", 7)} ${pad("t/s", 6)} │ ${pad("warm p50", 8)} ${pad("p95", 6)} │ ${pad("floor p95", 9)} ${pad("ratio", 5)} ${pad("+ms", 5)} │ ${pad("KB mean", 7)} ${pad("max", 6)} ${pad("gz mean", 7)} │ flags`;
  console.log(`\n== server: ${mode} ==`);
  console.log(header);
  console.log("─".repeat(header.length + 10));
  for (const r of run.results) {
    console.log(
      `${pad(r.layer, 12)} ${pad(r.z, 2)} ${pad(r.count, 5)} ${pad(r.empty, 5)} │ ${pad(r.cold.p50.toFixed(2), 8)} ${pad(r.cold.p95.toFixed(2), 7)} ${pad(r.cold.p99.toFixed(2), 7)} ${pad(r.cold.tilesPerSecond.toFixed(0), 6)} │ ${pad(r.warm.p50.toFixed(2), 8)} ${pad(r.warm.p95.toFixed(2), 6)} │ ${pad(r.floor.p95.toFixed(2), 9)} ${pad(Number.isFinite(r.serverFloorRatioP95) ? r.serverFloorRatioP95.toFixed(2) : "-", 5)} ${pad(r.serverOverheadP95Ms.toFixed(2), 5)} │ ${pad((r.bytes.rawMean / 1024).toFixed(1), 7)} ${pad((r.bytes.rawMax / 1024).toFixed(0), 6)} ${pad((r.bytes.gzipMean / 1024).toFixed(1), 7)} │ ${r.flags.join("; ") || "ok"}`,
    );
  }
  const flagged = run.results.filter((r) => r.flags.length > 0).length;
  console.log(
    `${run.tileCount} tiles in ${run.elapsedSeconds} s${run.truncated ? " (TRUNCATED by --max-seconds)" : ""}: ${flagged === 0 ? "all targets met" : `${flagged} layer/zoom groups miss a target`}`,
  );
}

async function main() {
  // the floor runs with the tile pool's session settings: the same SQL under the same conditions
  const { sql, db } = connect(databaseUrl, { max: 1, settings: TILE_SESSION_SETTINGS });
  let child: ChildProcess | null = null;
  const stopChild = async () => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((r) => c.once("exit", r));
    c.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  };
  process.on("SIGINT", () => {
    void stopChild().then(() => process.exit(130));
  });
  try {
    const [info] = await sql<
      {
        w: number;
        s: number;
        e: number;
        n: number;
        regions: number;
        grids: number;
        buildings: number;
        residents: number;
        organizations: number;
        components: number;
        features: number;
      }[]
    >`
      select st_xmin(b) as w, st_ymin(b) as s, st_xmax(b) as e, st_ymax(b) as n,
             (select count(*) from region)::int as regions, (select count(*) from region where level = 4)::int as grids,
             (select count(*) from building)::int as buildings, (select count(*) from resident)::int as residents,
             (select count(*) from organization)::int as organizations, (select count(*) from component)::int as components,
             (select count(*) from map_feature)::int as features
        from (select st_extent(geom) as b from region where level = 0) x`;
    if (!info || info.w === null) throw new Error(`no district in ${databaseUrl}: load one first (npm run seed -- --scale full)`);
    const bbox: Bbox = [info.w, info.s, info.e, info.n];
    const [district] = await sql<
      { id: number; path: string }[]
    >`select id, path::text as path from region where level = 0 order by id limit 1`;
    districtScope = [district.path];
    sessionCookie = (await createSignedInAccount(db, "bench_commander", [{ role: "district_commander", regionId: district.id }]))
      .cookie;
    log(
      `database ${databaseUrl.replace(/\/\/[^@]*@/, "//")}: ${info.grids} grids, ${info.buildings} buildings, ${info.residents} residents; bbox ${bbox.map((v) => v.toFixed(4)).join(",")}`,
    );

    const tiles = buildTileList(bbox);
    log(`${tiles.length} tiles over ${layers.length} layers`);

    const modes: ServerMode[] = args.url ? ["url"] : (args.server!.split(",") as ServerMode[]);
    const runs: Partial<Record<ServerMode, Awaited<ReturnType<typeof measure>> & { url: string; dataChanged: boolean }>> = {};
    for (const mode of modes) {
      let base: string;
      if (mode === "url") {
        base = args.url!.replace(/\/+$/, "");
      } else {
        child = mode === "next" ? startNext(args.port) : mode === "product" ? startProduct(args.port) : startNode(args.port);
        base = `http://127.0.0.1:${args.port}`;
      }
      await waitForServer(base, child);
      const before = await dataStamp(sql);
      const run = await measure(sql, base, tiles, bbox);
      const after = await dataStamp(sql);
      await stopChild();
      // A reload of the district while measuring (the seed bumps every layer) makes the run worthless.
      const dataChanged = before !== after;
      if (dataChanged)
        log(`the data changed during the ${mode} run (layer_version ${before} → ${after}): its figures are not valid`);
      runs[mode] = { url: base, dataChanged, ...run };
      printTable(mode, run);
    }

    const commit = (() => {
      try {
        return execSync("git rev-parse --short HEAD", { cwd: projectRoot }).toString().trim();
      } catch {
        return null;
      }
    })();
    const report = {
      generatedAt: new Date().toISOString(),
      command: `npm run bench:tiles -- ${process.argv.slice(2).join(" ")}`.trim(),
      commit,
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        memoryGb: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        loadAverage: os.loadavg(),
      },
      database: { url: databaseUrl.replace(/\/\/[^@]*@/, "//"), ...info, bbox },
      method: {
        tiles:
          "every z10–z14 tile over the district bbox where the layer serves the zoom, plus random z15–z16 tiles (a layer starting above z16 gets them at its minzoom)",
        random: { perLayer: randomPerLayer, seed },
        servers: {
          product:
            "the product's web process (tiles/web-server.ts: tiles answered on node:http, the rest handed to Next), fresh process",
          next: "the Next.js tile route: next build (tile routes) into .next-bench, next start, fresh process",
          node: "the same tiles/ code (answerTile) on bare node:http (bench/tile-server.ts), fresh process",
          url: "a server given by --url (its cache state unknown)",
        },
        cold: "first request of each tile to a freshly started server (empty tile cache), sequential, keep-alive, Accept-Encoding: gzip",
        warm: "second request of the same tile right after (tile cache hit)",
        floor:
          "the same prepared statement (renderTile) run straight on the database from this process, alternating order with the cold request",
        latency: "ms at the client, from request to last body byte; tiles/s = 1000 / mean (sequential)",
        bytes: "raw = MVT from the database (the 500 KB limit), gzip = bytes sent by the server",
      },
      targets: TARGETS,
      runs: Object.fromEntries(
        Object.entries(runs).map(([mode, run]) => [
          mode,
          { ...run, allTargetsMet: !run.truncated && !run.dataChanged && run.results.every((r) => r.flags.length === 0) },
        ]),
      ),
    };
    mkdirSync(path.dirname(args.out), { recursive: true });
    writeFileSync(args.out, JSON.stringify(report, null, 2) + "\n");
    console.log(
      `\ntargets: cold p95 ≤ ${TARGETS.coldP95Ms} ms, tile ≤ 500 KB, warm p50 ≤ ${TARGETS.warmP50Ms} ms, server/floor p95 ≤ ${TARGETS.serverFloorRatioP95} for z ≥ ${TARGETS.ratioFromZoom}`,
    );
    console.log(`results: ${args.out}`);
  } finally {
    await stopChild();
    agent.destroy();
    await sql.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
