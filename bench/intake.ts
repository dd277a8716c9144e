/**
 * Intake benchmark (issue 4): `npm run bench:intake [-- options]`.
 *
 * Reports per second through the HTTP API, sustained: N signed-in clients (one session each, made like
 * bench/tiles.ts makes bench_commander's) post POST /api/cases to the product's web process
 * (tiles/web-server.ts on a production build in .next-intake, on its own port and database) for 60 s,
 * each report a random point on a building of the district and a random active category. Beside it, in
 * the same run, the floor: the same writes straight on the database at the same concurrency — the case
 * row (its basic grid found by point-in-polygon), the timeline row and the audit row in one transaction,
 * as the application role with the district scope set, like the verb.
 * Between the two, to tell the web stack's share from the verb's: the verb itself (reportCase) called in this
 * process at the same concurrency, on a pool of the product's size, with the same sessions resolved.
 * Writes bench/results/intake.json and prints p50/p95, reports/s and errors for each.
 *
 * Options:
 *   --database <url>   database (default DATABASE_URL, else gridatlas_intake in the local cluster); cases the
 *                      benchmark made are deleted before and after
 *   --clients <n>      concurrent clients (default 16)
 *   --seconds <n>      measured seconds per phase (default 60); a 5 s warm-up comes first
 *   --port <n>         port of the started server (default 3202, loopback)
 *   --url <url>        use a running server instead (it must use the same database)
 *   --skip-build       reuse an existing .next-intake build
 *   --only <phases>    comma-separated subset of http,verb,floor
 *   --out <file>       result file (default bench/results/intake.json)
 */
import { spawn, spawnSync, execSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql as ksql } from "kysely";
import { connect } from "../db/client";
import { localDatabaseUrl } from "../db/cluster";
import { appDatabaseUrl } from "../db/url";
import { reportCase } from "../lib/case/report-case";
import { contextFromHeaders } from "../lib/context";
import { env, projectRoot } from "../lib/env";
import { createSignedInAccount, type TestAccount } from "../lib/testing/test-sessions";
import { mulberry32, percentile } from "./stats";

const TARGET_REPORTS_PER_SECOND = 300;
/** The settings productConnection() gives the web process's pool (db/client.ts); the in-process phases use them too. */
const WEB_POOL_SETTINGS = { plan_cache_mode: "force_custom_plan" };

const { values: args } = parseArgs({
  options: {
    database: { type: "string" },
    clients: { type: "string", default: "16" },
    seconds: { type: "string", default: "60" },
    port: { type: "string", default: "3202" },
    url: { type: "string" },
    "skip-build": { type: "boolean", default: false },
    only: { type: "string" },
    out: { type: "string", default: path.join("bench", "results", "intake.json") },
  },
});

const databaseUrl = args.database ?? env().DATABASE_URL ?? localDatabaseUrl("gridatlas_intake");
const clients = Number(args.clients);
const seconds = Number(args.seconds);
const WARMUP_SECONDS = 5;
const DIST_DIR = ".next-intake";
const log = (line: string) => process.stderr.write(`[bench:intake] ${line}\n`);

type Spot = { lon: number; lat: number };
type Sample = { ms: number; ok: boolean; error?: string };

/** Points on buildings spread over the district (every one inside a basic grid), and the active categories. */
async function loadWorkload(db: ReturnType<typeof connect>["db"]) {
  const { rows: spots } = await ksql<Spot>`
    select st_x(p) as lon, st_y(p) as lat
      from (select st_pointonsurface(b.geom) as p from building b tablesample system (10) repeatable (42) limit 4000) s
     where exists (select 1 from region g where g.level = 4 and st_intersects(g.geom, s.p))`.execute(db);
  const { rows: categories } = await ksql<{ id: number }>`
    select c.id from case_category c where c.active and c.parent_id is not null and c.grp <> 'hotline' order by c.id`.execute(db);
  if (spots.length < 100 || categories.length === 0)
    throw new Error(`no district in ${databaseUrl}: load one first (npm run setup -- --demo)`);
  return { spots, categories: categories.map((c) => c.id) };
}

const DESCRIPTIONS = [
  "路面坑洼积水，影响通行",
  "楼道堆放杂物，堵塞消防通道",
  "小区门口暴露垃圾",
  "路灯不亮",
  "井盖破损",
  "邻里噪音纠纷",
];

/** Runs `clients` loops of `once` for `seconds`; samples of the measured part only. */
async function sustain(
  label: string,
  once: (client: number, i: number) => Promise<Sample>,
  durationSeconds: number,
): Promise<{ samples: Sample[]; elapsed: number }> {
  const samples: Sample[] = [];
  const started = performance.now();
  const deadline = started + durationSeconds * 1000;
  let next = started + 10_000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = 0; performance.now() < deadline; i++) {
        samples.push(await once(client, i));
        if (client === 0 && performance.now() > next) {
          next += 10_000;
          log(`${label}: ${samples.length} in ${Math.round((performance.now() - started) / 1000)} s`);
        }
      }
    }),
  );
  return { samples, elapsed: (performance.now() - started) / 1000 };
}

function summary(run: { samples: Sample[]; elapsed: number }) {
  const ok = run.samples
    .filter((s) => s.ok)
    .map((s) => s.ms)
    .sort((a, b) => a - b);
  const errors = run.samples.filter((s) => !s.ok);
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    reports: ok.length,
    errors: errors.length,
    errorSamples: [...new Set(errors.map((e) => e.error))].slice(0, 5),
    seconds: round(run.elapsed),
    reportsPerSecond: round(ok.length / run.elapsed),
    latencyMs: {
      p50: round(percentile(ok, 50)),
      p95: round(percentile(ok, 95)),
      p99: round(percentile(ok, 99)),
      max: round(ok[ok.length - 1] ?? NaN),
      mean: round(ok.reduce((a, b) => a + b, 0) / Math.max(1, ok.length)),
    },
  };
}

function post(agent: http.Agent, base: string, cookie: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL("/api/cases", base);
    const req = http.request(
      url,
      {
        method: "POST",
        agent,
        headers: { cookie, origin: url.origin, "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.setTimeout(30_000, () => req.destroy(new Error("timeout")));
    req.end(body);
  });
}

async function waitForServer(base: string, child: ChildProcess | null) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    const up = await new Promise<boolean>((resolve) => {
      http
        .get(`${base}/icon.svg`, (res) => {
          res.resume();
          resolve(res.statusCode === 200);
        })
        .on("error", () => resolve(false));
    });
    if (up) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server at ${base} did not answer within 180 s`);
}

/** A production build of the app into .next-intake (compile + generate, like bench/tiles.ts; tsconfig.json kept). */
function ensureBuild() {
  if (args["skip-build"] && existsSync(path.join(projectRoot, DIST_DIR, "BUILD_ID"))) return;
  const tsconfig = readFileSync(path.join(projectRoot, "tsconfig.json"), "utf8");
  const nextBin = path.join(projectRoot, "node_modules", "next", "dist", "bin", "next");
  try {
    for (const mode of ["compile", "generate"]) {
      log(`next build (${mode}) → ${DIST_DIR}`);
      const build = spawnSync(process.execPath, [nextBin, "build", "--experimental-build-mode", mode], {
        env: {
          ...process.env,
          NEXT_DIST_DIR: DIST_DIR,
          DATABASE_URL: databaseUrl,
          NODE_ENV: "production",
          NEXT_TELEMETRY_DISABLED: "1",
        },
        stdio: ["ignore", "inherit", "inherit"],
        cwd: projectRoot,
      });
      if (build.status !== 0) throw new Error(`next build (${mode}) failed (exit ${build.status})`);
    }
  } finally {
    if (readFileSync(path.join(projectRoot, "tsconfig.json"), "utf8") !== tsconfig)
      writeFileSync(path.join(projectRoot, "tsconfig.json"), tsconfig);
  }
}

/** The product's web process (tiles/web-server.ts) on the build, as `npm start` runs it. */
function startServer(port: string): ChildProcess {
  ensureBuild();
  log(`tiles/web-server.ts on port ${port}`);
  return spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join("tiles", "web-server.ts")], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: DIST_DIR,
      DATABASE_URL: databaseUrl,
      PORT: port,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
    cwd: projectRoot,
  });
}

async function main() {
  const owner = connect(databaseUrl, { max: 4 });
  // the floor writes as the web application does: its own login, row-level security on, the scope set, and the
  // web pool's session settings (db/client.ts productConnection: a custom plan for every statement)
  const app = connect(appDatabaseUrl(databaseUrl), { max: clients, settings: WEB_POOL_SETTINGS });
  let child: ChildProcess | null = null;
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const stopChild = async () => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((r) => c.once("exit", r));
    c.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  };
  process.on("SIGINT", () => void stopChild().then(() => process.exit(130)));
  try {
    const district = await owner.db
      .selectFrom("region")
      .select(["id", ksql<string>`path::text`.as("path")])
      .where("level", "=", 0)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const { spots, categories } = await loadWorkload(owner.db);
    const accounts: TestAccount[] = [];
    for (let i = 0; i < clients; i++)
      accounts.push(
        await createSignedInAccount(owner.db, `bench_intake_${i}`, [{ role: "district_commander", regionId: district.id }], {
          expiresInMs: 3 * 3_600_000,
        }),
      );
    const benchUsers = accounts.map((a) => a.userId);
    const forget = async () => {
      const { numDeletedRows } = await owner.db
        .deleteFrom("case_record")
        .where("reporter_user_id", "in", benchUsers)
        .executeTakeFirst();
      return Number(numDeletedRows);
    };
    log(
      `database ${databaseUrl.replace(/\/\/[^@]*@/, "//")}: ${spots.length} points, ${categories.length} categories, ${clients} clients; removed ${await forget()} cases of earlier runs`,
    );
    const [{ cases: casesBefore }] = (
      await ksql<{ cases: number }>`select count(*)::int as cases from case_record`.execute(owner.db)
    ).rows;

    const random = mulberry32(20261125);
    const pick = () => {
      const spot = spots[Math.floor(random() * spots.length)];
      return {
        ...spot,
        categoryId: categories[Math.floor(random() * categories.length)],
        description: DESCRIPTIONS[Math.floor(random() * DESCRIPTIONS.length)],
      };
    };

    const results: Record<string, ReturnType<typeof summary>> = {};
    const phases = new Set((args.only ?? "http,verb,floor").split(","));

    if (phases.has("http")) {
      let base: string;
      if (args.url) base = args.url.replace(/\/+$/, "");
      else {
        child = startServer(args.port);
        base = `http://127.0.0.1:${args.port}`;
      }
      await waitForServer(base, child);
      const once = async (client: number): Promise<Sample> => {
        const r = pick();
        const body = JSON.stringify({
          clientRequestId: randomUUID(),
          channel: "phone",
          categoryId: r.categoryId,
          description: r.description,
          lon: r.lon,
          lat: r.lat,
        });
        const t0 = performance.now();
        try {
          const res = await post(agent, base, accounts[client].cookie, body);
          const ms = performance.now() - t0;
          return res.status === 201 ? { ms, ok: true } : { ms, ok: false, error: `${res.status} ${res.text.slice(0, 160)}` };
        } catch (e) {
          return { ms: performance.now() - t0, ok: false, error: (e as Error).message };
        }
      };
      log(`http: warm-up ${WARMUP_SECONDS} s`);
      await sustain("http warm-up", once, WARMUP_SECONDS);
      log(`http: ${seconds} s with ${clients} clients`);
      results.http = summary(await sustain("http", once, seconds));
      await stopChild();
    }

    if (phases.has("verb")) {
      // the web pool as productConnection() makes it (default size, its settings), the application role,
      // sessions resolved like a request's
      const product = connect(appDatabaseUrl(databaseUrl), { settings: WEB_POOL_SETTINGS });
      try {
        const once = async (client: number): Promise<Sample> => {
          const r = pick();
          const t0 = performance.now();
          try {
            const ctx = await contextFromHeaders(product.db, new Headers({ cookie: accounts[client].cookie }));
            await reportCase({
              ctx,
              input: {
                clientRequestId: randomUUID(),
                channel: "phone",
                categoryId: r.categoryId,
                description: r.description,
                lon: r.lon,
                lat: r.lat,
              },
            });
            return { ms: performance.now() - t0, ok: true };
          } catch (e) {
            return { ms: performance.now() - t0, ok: false, error: (e as Error).message };
          }
        };
        log(`verb: warm-up ${WARMUP_SECONDS} s`);
        await sustain("verb warm-up", once, WARMUP_SECONDS);
        log(`verb: ${seconds} s with ${clients} callers`);
        results.verb = summary(await sustain("verb", once, seconds));
      } finally {
        await product.db.destroy();
      }
    }

    if (phases.has("floor")) {
      const scope = `{${district.path}}`;
      const once = async (client: number): Promise<Sample> => {
        const r = pick();
        const t0 = performance.now();
        try {
          await app.db.transaction().execute(async (trx) => {
            await ksql`select set_config('gridatlas.scope', ${scope}, true)`.execute(trx);
            const { rows } = await ksql<{ id: number; number: string }>`
              insert into case_record (district_code, source, channel, kind, category_id, description, geom, grid_id, region_path, reporter_user_id, reporter_name,
                                       client_request_id, urgency, level, state, stage, stage_started_at, yellow_at, deadline_at, light, light_changed_at)
              select g.district_code, 'grid_worker', 'phone', c.kind, c.id, ${r.description}, st_setsrid(st_makepoint(${r.lon}, ${r.lat}), 4326), g.id, g.path,
                     ${accounts[client].userId}, 'bench', ${randomUUID()}::uuid, c.default_urgency, c.default_level, 'reported', 'accept', now(),
                     now() + interval '24 minutes', now() + interval '30 minutes', 'green', now()
                from case_category c,
                     lateral (select id, path, district_code from region where level = 4 and st_intersects(geom, st_setsrid(st_makepoint(${r.lon}, ${r.lat}), 4326)) order by id limit 1) g
               where c.id = ${r.categoryId}
              returning id, number`.execute(trx);
            const created = rows[0];
            if (!created) throw new Error("no grid at the point");
            await ksql`
              insert into case_event (case_id, actor_user_id, actor_name, action, to_state, to_level, details, request_id)
              values (${created.id}, ${accounts[client].userId}, 'bench', 'report', 'reported', 'street', '{"channel":"phone"}'::jsonb, ${randomUUID()}::uuid)`.execute(
              trx,
            );
            await ksql`
              insert into audit_log (actor_user_id, actor_name, action, entity, entity_id, after)
              values (${accounts[client].userId}, 'bench', 'case.report', 'case', ${String(created.id)}, ${JSON.stringify({ number: created.number })}::text::jsonb)`.execute(
              trx,
            );
          });
          return { ms: performance.now() - t0, ok: true };
        } catch (e) {
          return { ms: performance.now() - t0, ok: false, error: (e as Error).message };
        }
      };
      log(`floor: warm-up ${WARMUP_SECONDS} s`);
      await sustain("floor warm-up", once, WARMUP_SECONDS);
      log(`floor: ${seconds} s with ${clients} connections`);
      results.floor = summary(await sustain("floor", once, seconds));
    }

    const [{ cases: casesAfter }] = (
      await ksql<{ cases: number }>`select count(*)::int as cases from case_record`.execute(owner.db)
    ).rows;
    const removed = await forget();
    const commit = (() => {
      try {
        return execSync("git rev-parse --short HEAD", { cwd: projectRoot }).toString().trim();
      } catch {
        return null;
      }
    })();
    const report = {
      generatedAt: new Date().toISOString(),
      command: `npm run bench:intake -- ${process.argv.slice(2).join(" ")}`.trim(),
      commit,
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        memoryGb: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        loadAverage: os.loadavg(),
      },
      database: {
        url: databaseUrl.replace(/\/\/[^@]*@/, "//"),
        casesBefore,
        points: spots.length,
        categories: categories.length,
      },
      method: {
        http: "POST /api/cases (channel phone, a random building point and active category, a fresh clientRequestId) to tiles/web-server.ts on a production build, keep-alive, one signed-in district-commander session per client; 201 counts, anything else is an error",
        verb: "reportCase called in this process (session resolved per call, as contextFromRequest does), the web pool's size and session settings, same concurrency: the verb without HTTP and Next.js",
        floor:
          "the same writes straight on the database at the same concurrency, as the application role with the scope set: case row (grid by point-in-polygon) + timeline row + audit row in one transaction",
        clients,
        seconds,
        warmupSeconds: WARMUP_SECONDS,
        latency: "ms at the client per report; reports/s = successful reports / measured seconds",
      },
      target: { reportsPerSecond: TARGET_REPORTS_PER_SECOND, errors: 0 },
      results,
      httpOverFloor:
        results.http && results.floor
          ? Math.round((results.http.reportsPerSecond / results.floor.reportsPerSecond) * 100) / 100
          : null,
      casesWritten: casesAfter - casesBefore,
      casesRemovedAfter: removed,
    };
    mkdirSync(path.dirname(args.out), { recursive: true });
    writeFileSync(args.out, JSON.stringify(report, null, 2) + "\n");
    console.log(
      `\n${"phase".padEnd(6)} ${"reports".padStart(8)} ${"errors".padStart(6)} ${"rep/s".padStart(8)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)}`,
    );
    for (const [phase, r] of Object.entries(results)) {
      console.log(
        `${phase.padEnd(6)} ${String(r.reports).padStart(8)} ${String(r.errors).padStart(6)} ${r.reportsPerSecond.toFixed(1).padStart(8)} ${r.latencyMs.p50.toFixed(1).padStart(8)} ${r.latencyMs.p95.toFixed(1).padStart(8)} ${r.latencyMs.p99.toFixed(1).padStart(8)}`,
      );
      for (const e of r.errorSamples) console.log(`       error: ${e}`);
    }
    if (results.http)
      console.log(
        `target: ≥ ${TARGET_REPORTS_PER_SECOND} reports/s with zero errors — ${results.http.reportsPerSecond >= TARGET_REPORTS_PER_SECOND && results.http.errors === 0 ? "met" : "NOT met"}`,
      );
    console.log(`results: ${args.out}`);
  } finally {
    await stopChild();
    agent.destroy();
    await app.db.destroy();
    await owner.db.destroy();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
