/**
 * Case tile benchmark (issue 4, "Benchmarks"): `npm run bench:case-tiles [-- options]`.
 *
 * On the full-scale district with its year of cases (default: gridatlas_full), for the `case` and `case_heat`
 * layers under the filters the map asks for by default — open cases (`state=open`) and the unfiltered heat —
 * and, reported beside them, wider filters a user may choose:
 * - the fixed tile list: every tile over the district's bbox at each zoom from the layer's minzoom (z8) to z14,
 *   plus random tiles at z15–z16 for the case layer (single cases; heat tiles stop at z14, the map overzooms);
 * - each tile requested once from a freshly started tile server (cold: empty tile cache) and again (warm:
 *   cache hit), and the same statement run straight on the database in the same run (the floor), floor and
 *   cold alternating which goes first; the tiles of z8–z11 (a few dozen) in several passes, each on a new
 *   server, so their p95 rests on more than a handful of samples;
 * - server and floor connect as the application role, so case_record's row-level security is paid as in
 *   the product (the statement runs in a transaction that sets gridatlas.scope to the district).
 * The server is bench/tile-server.ts: the product's tiles/ code (answerTile, the tile cache, the case
 * filters) on bare node:http, the district's scope without a session (bench/tiles.ts measures what Next and
 * the session lookup add). Writes bench/results/case-tiles.json and prints a table with the targets flagged.
 *
 * Options:
 *   --database <url>     owner URL of the database (default DATABASE_URL, else gridatlas_full in the local cluster)
 *   --scenarios a,b      only these scenarios (default: all; see SCENARIOS)
 *   --random <n>         random z15–z16 case tiles per scenario (default 300)
 *   --seed <n>           seed of the random tiles (default 20261125)
 *   --passes <n>         measure the few tiles of z8–z11 this many times, each pass on a freshly started
 *                        server (default 3): four tiles at z8 make a p95 that is one tile's luck otherwise
 *   --port <n>           port of the started tile server (default 3198, loopback only)
 *   --max-seconds <n>    stop measuring a scenario after this long (default 900)
 *   --out <file>         result file (default bench/results/case-tiles.json)
 */
import { spawn, execSync, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { connect } from "../db/client";
import { localDatabaseUrl } from "../db/cluster";
import { appDatabaseUrl } from "../db/url";
import { env, projectRoot } from "../lib/env";
import { parseCaseTileQuery } from "../tiles/case-tiles";
import { LAYERS, type CaseLayerName } from "../tiles/layers";
import { renderTile } from "../tiles/render-tile";
import { TILE_SESSION_SETTINGS } from "../tiles/tile-connection";
import { tilesCoveringBbox, type Bbox, type TileCoord } from "../tiles/tile-math";
import { mulberry32, summarize, type LatencySummary } from "./stats";

const TARGETS = { coldP95Ms: 50, maxTileBytes: 500 * 1024 };

type Scenario = {
  name: string;
  layer: CaseLayerName;
  /** The tile query string; `{days:N}` becomes the date N−1 days before the data's last day. */
  query: string;
  /** The map's default view: the issue's targets apply. Other scenarios are reported, not judged. */
  target: boolean;
  zooms: [number, number];
  random: boolean;
  note: string;
};

const SCENARIOS: Scenario[] = [
  {
    name: "case-open",
    layer: "case",
    query: "state=open",
    target: true,
    zooms: [8, 14],
    random: true,
    note: "the map's default: open cases (cells below z15 from case_map_open, single cases live)",
  },
  {
    name: "heat-all",
    layer: "case_heat",
    query: "",
    target: true,
    zooms: [8, 14],
    random: false,
    note: "the heat map's default: every day and category (case_heat_total)",
  },
  {
    name: "case-open-red",
    layer: "case",
    query: "light=red",
    target: true,
    zooms: [8, 14],
    random: true,
    note: "red (overdue) open cases only",
  },
  {
    name: "heat-30d",
    layer: "case_heat",
    query: "from={days:30}",
    target: false,
    zooms: [8, 14],
    random: false,
    note: "heat of the last 30 days (case_heat_bin)",
  },
  {
    name: "heat-dispute-12m",
    layer: "case_heat",
    query: "category={dispute}",
    target: false,
    zooms: [8, 14],
    random: false,
    note: "heat of one category group over the whole year (case_heat_bin)",
  },
  {
    name: "case-30d-all",
    layer: "case",
    query: "state=all&from={days:30}",
    target: false,
    zooms: [8, 14],
    random: true,
    note: "every case reported in the last 30 days, any state (case_record)",
  },
  {
    name: "case-all",
    layer: "case",
    query: "state=all",
    target: false,
    zooms: [8, 14],
    random: true,
    note: "every case of the year, any state (case_record: a million rows under a z10 tile)",
  },
];

const { values: args } = parseArgs({
  options: {
    database: { type: "string" },
    scenarios: { type: "string" },
    random: { type: "string", default: "300" },
    seed: { type: "string", default: "20261125" },
    port: { type: "string", default: "3198" },
    passes: { type: "string", default: "3" },
    "max-seconds": { type: "string", default: "900" },
    out: { type: "string", default: path.join("bench", "results", "case-tiles.json") },
  },
});

const ownerUrl = args.database ?? env().DATABASE_URL ?? localDatabaseUrl("gridatlas_full");
const appUrl = appDatabaseUrl(ownerUrl);
const scenarios = args.scenarios ? SCENARIOS.filter((s) => args.scenarios!.split(",").includes(s.name)) : SCENARIOS;
const log = (line: string) => process.stderr.write(`[bench:case-tiles] ${line}\n`);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

type HttpResult = { status: number; ms: number; bytes: number; cache: string | undefined };

function httpGet(url: string): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.get(url, { agent, headers: { "accept-encoding": "gzip" } }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          ms: performance.now() - t0,
          bytes,
          cache: res.headers["x-tile-cache"] as string | undefined,
        }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.setTimeout(120_000, () => req.destroy(new Error(`timeout ${url}`)));
  });
}

function startServer(port: string): ChildProcess {
  log(`bench/tile-server.ts on 127.0.0.1:${port} as the application role (fresh process: empty tile cache)`);
  return spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join("bench", "tile-server.ts"), "--port", port, "--database", appUrl],
    {
      env: { ...process.env, NODE_ENV: "production", TILE_CACHE_MB: "2048" },
      stdio: ["ignore", "ignore", "inherit"],
      cwd: projectRoot,
    },
  );
}

async function waitForServer(base: string, child: ChildProcess) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`tile server exited with code ${child.exitCode}`);
    try {
      const res = await httpGet(`${base}/tiles/district/3/6/3`);
      if (res.status === 200 || res.status === 204) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the tile server did not answer within 120 s");
}

function tileList(
  scenario: Scenario,
  bbox: Bbox,
  seed: number,
  randomCount: number,
): (TileCoord & { kind: "fixed" | "random" })[] {
  const list: (TileCoord & { kind: "fixed" | "random" })[] = [];
  for (let z = Math.max(scenario.zooms[0], LAYERS[scenario.layer].minzoom); z <= scenario.zooms[1]; z++) {
    for (const t of tilesCoveringBbox(bbox, z)) list.push({ ...t, kind: "fixed" });
  }
  if (scenario.random) {
    const random = mulberry32(seed);
    for (let i = 0; i < randomCount; i++) {
      const z = random() < 0.5 ? 15 : 16;
      const all = tilesCoveringBbox(bbox, z, 10_000_000);
      const [first, last] = [all[0], all[all.length - 1]];
      list.push({
        z,
        x: first.x + Math.floor(random() * (last.x - first.x + 1)),
        y: first.y + Math.floor(random() * (last.y - first.y + 1)),
        kind: "random",
      });
    }
  }
  return list;
}

type Group = {
  z: number;
  cold: number[];
  warm: number[];
  floor: number[];
  rawBytes: number[];
  gzipBytes: number[];
  empty: number;
  errors: string[];
};
type GroupResult = {
  z: number;
  count: number;
  empty: number;
  cold: LatencySummary;
  warm: LatencySummary;
  floor: LatencySummary;
  bytes: { rawMean: number; rawMax: number; gzipMax: number };
  flags: string[];
  errors: string[];
};

function evaluate(g: Group, judged: boolean): GroupResult {
  const cold = summarize(g.cold);
  const mean = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length));
  const bytes = { rawMean: mean(g.rawBytes), rawMax: Math.max(0, ...g.rawBytes), gzipMax: Math.max(0, ...g.gzipBytes) };
  const flags: string[] = [];
  if (judged && cold.p95 > TARGETS.coldP95Ms) flags.push(`cold p95 ${cold.p95} ms > ${TARGETS.coldP95Ms}`);
  if (bytes.rawMax > TARGETS.maxTileBytes) flags.push(`tile of ${Math.round(bytes.rawMax / 1024)} KB > 500 KB`);
  if (g.errors.length) flags.push(`${g.errors.length} errors`);
  return {
    z: g.z,
    count: g.cold.length,
    empty: g.empty,
    cold,
    warm: summarize(g.warm),
    floor: summarize(g.floor),
    bytes,
    flags,
    errors: g.errors.slice(0, 5),
  };
}

const pad = (v: string | number, w: number) => String(v).padStart(w);

async function main() {
  const app = connect(appUrl, { max: 1, settings: TILE_SESSION_SETTINGS });
  const owner = connect(ownerUrl, { max: 1 });
  const port = args.port!;
  const base = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  const stop = async () => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((r) => c.once("exit", r));
    c.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  };
  process.on("SIGINT", () => void stop().then(() => process.exit(130)));
  try {
    const [info] = await owner.sql<
      {
        w: number;
        s: number;
        e: number;
        n: number;
        path: string;
        cases: number;
        open: number;
        bins: number;
        totals: number;
        open_copy: number;
        last_day: string;
      }[]
    >`
      select st_xmin(b) as w, st_ymin(b) as s, st_xmax(b) as e, st_ymax(b) as n,
             (select path::text from region where level = 0 order by id limit 1) as path,
             (select count(*)::int from case_record) as cases,
             (select count(*)::int from case_record where light is not null or state in ('reported', 'filed', 'dispatched', 'acknowledged', 'returned', 'handled', 'reported_back', 'verifying', 'suspended')) as open,
             (select count(*)::int from case_heat_bin) as bins,
             (select count(*)::int from case_heat_total) as totals,
             (select count(*)::int from case_map_open) as open_copy,
             (select to_char(max(reported_at) at time zone 'Asia/Shanghai', 'YYYY-MM-DD') from case_record) as last_day
        from (select st_extent(geom) as b from region where level = 0) x`;
    if (!info || info.w === null || !info.cases)
      throw new Error(`no district with cases in ${ownerUrl}: load one first (npm run seed -- --scale full)`);
    if (info.open_copy === 0 && info.open > 0)
      throw new Error("case_map_open is empty: run the worker (case-map.refresh-open) once before measuring");
    const bbox: Bbox = [info.w, info.s, info.e, info.n];
    const scope = [info.path];
    const [dispute] = await owner.sql<{ id: number }[]>`select id from case_category where code = 'dispute'`;
    const daysBefore = (days: number) => {
      const d = new Date(`${info.last_day}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() - (days - 1));
      return d.toISOString().slice(0, 10);
    };
    log(
      `database ${ownerUrl.replace(/\/\/[^@]*@/, "//")}: ${info.cases} cases (${info.open} open, ${info.open_copy} in the open copy), ${info.bins} heat bins, ${info.totals} heat totals`,
    );

    child = startServer(port);
    await waitForServer(base, child);
    // warm-up: compile, prepare the statements, fill the caches of this process (not the tile cache of tiles measured)
    for (const s of scenarios) {
      const query = s.query.replace(/\{days:(\d+)\}/, (_, d) => daysBefore(Number(d))).replace("{dispute}", String(dispute.id));
      const parsed = parseCaseTileQuery(s.layer, query);
      if (!parsed.ok) throw new Error(`scenario ${s.name}: ${parsed.message}`);
      for (const t of tilesCoveringBbox([bbox[0], bbox[1], bbox[0] + 0.02, bbox[1] + 0.02], 18).slice(0, 5)) {
        await httpGet(`${base}/tiles/${s.layer}/${t.z}/${t.x}/${t.y}${query ? `?${query}` : ""}`);
        await renderTile(app.sql, { layer: s.layer, ...t, scope, filter: parsed.filter });
      }
    }

    const results: Record<
      string,
      { scenario: Scenario; query: string; elapsedSeconds: number; truncated: boolean; groups: GroupResult[] }
    > = {};
    for (const [index, s] of scenarios.entries()) {
      const query = s.query.replace(/\{days:(\d+)\}/, (_, d) => daysBefore(Number(d))).replace("{dispute}", String(dispute.id));
      const parsed = parseCaseTileQuery(s.layer, query);
      if (!parsed.ok) throw new Error(parsed.message);
      const tiles = tileList(s, bbox, Number(args.seed) + index, Number(args.random));
      log(`${s.name}: ${tiles.length} tiles of ${s.layer}${query ? `?${query}` : ""}`);
      const groups = new Map<number, Group>();
      const started = performance.now();
      let truncated = false;
      const measureTile = async (t: TileCoord, i: number) => {
        let g = groups.get(t.z);
        if (!g)
          groups.set(t.z, (g = { z: t.z, cold: [], warm: [], floor: [], rawBytes: [], gzipBytes: [], empty: 0, errors: [] }));
        const url = `${base}/tiles/${s.layer}/${t.z}/${t.x}/${t.y}${query ? `?${query}` : ""}`;
        const floorRun = async () => {
          const t0 = performance.now();
          const bytes = await renderTile(app.sql, { layer: s.layer, z: t.z, x: t.x, y: t.y, scope, filter: parsed.filter });
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
        if (cold.status === 204) g.empty++;
        if (warm.cache !== "hit") g.errors.push(`${url} warm → ${warm.cache}`);
        g.cold.push(cold.ms);
        g.warm.push(warm.ms);
        g.floor.push(floor.ms);
        g.rawBytes.push(floor.bytes);
        g.gzipBytes.push(cold.bytes);
      };
      for (let i = 0; i < tiles.length; i++) {
        if ((performance.now() - started) / 1000 > Number(args["max-seconds"])) {
          truncated = true;
          log(`${s.name}: time budget spent after ${i} tiles`);
          break;
        }
        await measureTile(tiles[i], i);
      }
      // more passes over the few low-zoom tiles, each on a fresh server (an empty tile cache again)
      const low = tiles.filter((t) => t.z <= 11);
      for (let pass = 2; pass <= Number(args.passes) && !truncated; pass++) {
        await stop();
        child = startServer(port);
        await waitForServer(base, child);
        // as after the first start: a few z18 tiles compile the code paths and prepare the statements
        for (const t of tilesCoveringBbox([bbox[0], bbox[1], bbox[0] + 0.02, bbox[1] + 0.02], 18).slice(0, 5)) {
          await httpGet(`${base}/tiles/${s.layer}/${t.z}/${t.x}/${t.y}${query ? `?${query}` : ""}`);
        }
        for (const [i, t] of low.entries()) await measureTile(t, i + pass);
      }
      const evaluated = [...groups.values()].sort((a, b) => a.z - b.z).map((g) => evaluate(g, s.target));
      results[s.name] = {
        scenario: s,
        query,
        elapsedSeconds: Math.round((performance.now() - started) / 1000),
        truncated,
        groups: evaluated,
      };
      console.log(
        `\n== ${s.name} (${s.layer}${query ? `?${query}` : ""})${s.target ? "" : " — reported, not judged"}: ${s.note}`,
      );
      console.log(
        `${pad("z", 2)} ${pad("n", 5)} ${pad("empty", 5)} │ ${pad("cold p50", 8)} ${pad("p95", 7)} ${pad("max", 7)} │ ${pad("warm p50", 8)} │ ${pad("floor p50", 9)} ${pad("p95", 7)} │ ${pad("KB mean", 7)} ${pad("max", 6)} │ flags`,
      );
      for (const r of evaluated) {
        console.log(
          `${pad(r.z, 2)} ${pad(r.count, 5)} ${pad(r.empty, 5)} │ ${pad(r.cold.p50.toFixed(2), 8)} ${pad(r.cold.p95.toFixed(2), 7)} ${pad(r.cold.max.toFixed(1), 7)} │ ${pad(r.warm.p50.toFixed(2), 8)} │ ${pad(r.floor.p50.toFixed(2), 9)} ${pad(r.floor.p95.toFixed(2), 7)} │ ${pad((r.bytes.rawMean / 1024).toFixed(1), 7)} ${pad((r.bytes.rawMax / 1024).toFixed(0), 6)} │ ${r.flags.join("; ") || "ok"}`,
        );
      }
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
      command: `npm run bench:case-tiles -- ${process.argv.slice(2).join(" ")}`.trim(),
      commit,
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        memoryGb: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        loadAverage: os.loadavg(),
      },
      database: { url: ownerUrl.replace(/\/\/[^@]*@/, "//"), ...info, bbox },
      method: {
        server: "bench/tile-server.ts (the product's tiles/ code on bare node:http) as the application role, fresh process",
        cold: "first request of each tile (empty tile cache), sequential, keep-alive, Accept-Encoding: gzip",
        warm: "second request of the same tile right after (tile cache hit)",
        floor:
          "the same statement (renderTile: transaction with gridatlas.scope, as the application role) straight on the database, alternating order with the cold request",
        tiles: "every tile over the district bbox from z8 to z14, plus random z15–z16 tiles for the case layer",
        bytes: "raw = MVT from the database (the 500 KB limit)",
      },
      targets: { ...TARGETS, appliesTo: SCENARIOS.filter((s) => s.target).map((s) => s.name) },
      results,
      allTargetsMet: Object.values(results).every(
        (r) => !r.scenario.target || (!r.truncated && r.groups.every((g) => g.flags.length === 0)),
      ),
    };
    mkdirSync(path.dirname(args.out!), { recursive: true });
    writeFileSync(args.out!, JSON.stringify(report, null, 2) + "\n");
    console.log(
      `\ntargets (default views): cold p95 ≤ ${TARGETS.coldP95Ms} ms at every zoom, no tile over 500 KB — ${report.allTargetsMet ? "met" : "NOT met"}`,
    );
    console.log(`results: ${args.out}`);
  } finally {
    await stop();
    agent.destroy();
    await app.db.destroy();
    await owner.db.destroy();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
