/**
 * The punch section of `npm run bench:attendance` (issue 11): the morning peak over HTTP. 4,000 staff, each with a
 * sign-in account, a live session and a fence near a building of the district, punch through
 * POST /api/attendance/punches on the product's web process (tiles/web-server.ts on the production build in
 * .next, as `npm start` runs it, on its own port over the bench database): `clients` keep-alive connections,
 * each punch a fresh request id from a person inside their fence. Target: ≥ 300 punches/s with p95 ≤ 100 ms
 * (4,000 people within 10 minutes is ~7/s).
 * Beside it, in the same run and at the same concurrency, the floors straight on the database as the application
 * role: (1) the same insert alone, (2) the nearest-fence measurement (the verdict's SQL) and the insert — what
 * the verb does in the database, without HTTP, Next.js, session and rule look-ups.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { sql } from "kysely";
import { connect, type Connection } from "../db/client";
import { insertPunches, nearestServingFences } from "../db/queries/attendance-punch";
import { appDatabaseUrl } from "../db/url";
import { FAR_OUTSIDE_DISTRICT_M } from "../lib/attendance/punch/fence-verdict";
import { hashSessionToken, newSessionToken, SESSION_COOKIE } from "../lib/auth/session-token";
import { projectRoot } from "../lib/env";
import { percentile } from "./stats";

export type PunchBenchOptions = {
  databaseUrl: string;
  staff: number;
  clients: number;
  seconds: number;
  port: number;
  /** A running server over the same database instead of starting one. */
  url?: string;
  log: (line: string) => void;
};

type Person = { staffId: number; cookie: string; lon: number; lat: number };
type Sample = { ms: number; ok: boolean; error?: string };

const TARGET = { punchesPerSecond: 300, p95Ms: 100 };
const WARMUP_SECONDS = 3;
const DIST_DIR = ".next";

/** Staff of a bench department, each with an account, a session and a fence (one per 20 people) near a building. */
async function makePeople(owner: Connection, count: number, log: (line: string) => void): Promise<Person[]> {
  const { db } = owner;
  const { rows: district } = await sql<{ id: number; code: string }>`
    select id, district_code as code from region where level = 0 order by id limit 1`.execute(db);
  const { rows: existing } = await sql<{ n: number }>`
    select count(*)::int as n from staff s join department d on d.id = s.department_id
     where d.code = 'bench-punch' and exists (select 1 from attendance_point_member m where m.staff_id = s.id)`.execute(db);
  if (existing[0].n < count) {
    log(`creating ${count} staff with accounts and fences`);
    await sql`delete from app_user where username like 'bench_punch_%'`.execute(db);
    await sql`delete from attendance_point where name like 'bench-punch-%'`.execute(db);
    await sql`delete from staff where department_id in (select id from department where code = 'bench-punch')`.execute(db);
    const { rows: dept } = await sql<{ id: number }>`
      insert into department (code, name, kind, level, region_id) values ('bench-punch', '压测网格工作站', 'grid_office', 0, ${district[0].id})
      on conflict (code) do update set name = excluded.name returning id`.execute(db);
    const { rows: pos } = await sql<{ id: number }>`
      insert into staff_position (code, name, grid_role) values ('bench-punch', '专职网格员', 'full_time')
      on conflict (code) do update set name = excluded.name returning id`.execute(db);
    const { rows: rank } = await sql<{ id: number }>`
      insert into staff_rank (code, name, ordinal) values ('bench-punch', '压测职级', 9998)
      on conflict (code) do update set name = excluded.name returning id`.execute(db);
    await sql`
      with u as (
        insert into app_user (username, display_name, password_hash)
        select 'bench_punch_' || g, '压测' || g, '$argon2id$placeholder' from generate_series(1, ${count}) g
        returning id, username
      ), a as (
        insert into role_assignment (user_id, role, region_id) select id, 'grid_worker', ${district[0].id} from u
      )
      insert into staff (staff_no, name, department_id, position_id, rank_id, hire_date, user_id, district_code)
      select 'BP' || substr(username, 13), username, ${dept[0].id}, ${pos[0].id}, ${rank[0].id}, '2026-01-01', id, ${district[0].code} from u`.execute(
      db,
    );
    // a circular fence of 80 m at a building for every 20 people (buildings reused when the district has fewer)
    await sql`
      with b as (select st_pointonsurface(geom) as p, row_number() over (order by id) - 1 as i from building order by id limit ${Math.ceil(count / 20)}),
      f as (
        insert into attendance_point (name, region_id, shape, geom, center, radius_m)
        select 'bench-punch-' || b.i, ${district[0].id}, 'circle', st_buffer(b.p::geography, 80, 8)::geometry, b.p, 80 from b
        returning id, (substr(name, 13))::int as i
      ),
      s as (select s.id, row_number() over (order by s.id) - 1 as i from staff s where s.department_id = ${dept[0].id})
      insert into attendance_point_member (point_id, staff_id)
      select f.id, s.id from s join f on f.i = (s.i / 20) % (select count(*) from f)`.execute(db);
  }
  const { rows } = await sql<{ staffId: number; userId: number; lon: number; lat: number }>`
    select s.id as "staffId", s.user_id as "userId", st_x(a.center) as lon, st_y(a.center) as lat
      from staff s join department d on d.id = s.department_id and d.code = 'bench-punch'
      join attendance_point_member m on m.staff_id = s.id join attendance_point a on a.id = m.point_id
     order by s.id limit ${count}`.execute(db);
  const tokens = rows.map(() => newSessionToken());
  await sql`delete from user_session where user_id = any(${rows.map((r) => r.userId)}::bigint[])`.execute(db);
  await sql`
    insert into user_session (token_hash, user_id, expires_at)
    select decode(h, 'hex'), u, now() + interval '3 hours'
      from unnest(${tokens.map((t) => Buffer.from(hashSessionToken(t)).toString("hex"))}::text[], ${rows.map((r) => r.userId)}::bigint[]) as v(h, u)`.execute(
    db,
  );
  return rows.map((r, i) => ({ staffId: r.staffId, cookie: `${SESSION_COOKIE}=${tokens[i]}`, lon: r.lon, lat: r.lat }));
}

function post(agent: http.Agent, base: string, cookie: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL("/api/attendance/punches", base);
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

/** `clients` loops of `once` for `seconds`; person i of the morning is the i-th punch overall. */
async function sustain(clients: number, seconds: number, once: (n: number) => Promise<Sample>) {
  const samples: Sample[] = [];
  let n = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) samples.push(await once(n++));
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
    punches: ok.length,
    errors: errors.length,
    errorSamples: [...new Set(errors.map((e) => e.error))].slice(0, 3),
    seconds: round(run.elapsed),
    punchesPerSecond: round(ok.length / run.elapsed),
    latencyMs: {
      p50: round(percentile(ok, 50)),
      p95: round(percentile(ok, 95)),
      p99: round(percentile(ok, 99)),
      max: round(ok.at(-1) ?? NaN),
    },
  };
}

export async function runAttendancePunchBench(owner: Connection, options: PunchBenchOptions) {
  const { log, clients, seconds } = options;
  const people = await makePeople(owner, options.staff, log);
  const jitter = (i: number) => ((i * 7919) % 100) / 100_000 - 0.0005; // ≤ ~55 m from the fence's centre
  const punchOf = (n: number) => {
    const p = people[n % people.length];
    return {
      person: p,
      kind: Math.floor(n / people.length) % 2 === 0 ? ("in" as const) : ("out" as const),
      lon: p.lon + jitter(n) / 2,
      lat: p.lat + jitter(n + 1) / 2,
    };
  };
  const results: Record<string, ReturnType<typeof summary>> = {};
  let child: ChildProcess | null = null;
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  try {
    let base = options.url?.replace(/\/+$/, "");
    if (!base) {
      if (!existsSync(path.join(projectRoot, DIST_DIR, "BUILD_ID")))
        throw new Error("no production build in .next: run `npx next build` first");
      log(`tiles/web-server.ts on port ${options.port} (build ${DIST_DIR})`);
      child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join("tiles", "web-server.ts")], {
        env: {
          ...process.env,
          NODE_ENV: "production",
          NEXT_DIST_DIR: DIST_DIR,
          DATABASE_URL: options.databaseUrl,
          PORT: String(options.port),
          NEXT_TELEMETRY_DISABLED: "1",
        },
        stdio: ["ignore", "ignore", "inherit"],
        cwd: projectRoot,
      });
      base = `http://127.0.0.1:${options.port}`;
    }
    await waitForServer(base, child);
    const once = async (n: number): Promise<Sample> => {
      const { person, kind, lon, lat } = punchOf(n);
      const body = JSON.stringify({ requestId: randomUUID(), kind, lon, lat, accuracyM: 15, deviceAt: new Date().toISOString() });
      const t0 = performance.now();
      try {
        const res = await post(agent, base, person.cookie, body);
        const ms = performance.now() - t0;
        return res.status === 201 ? { ms, ok: true } : { ms, ok: false, error: `${res.status} ${res.text.slice(0, 160)}` };
      } catch (e) {
        return { ms: performance.now() - t0, ok: false, error: (e as Error).message };
      }
    };
    log(`http: warm-up ${WARMUP_SECONDS} s`);
    await sustain(clients, WARMUP_SECONDS, once);
    log(`http: ${seconds} s, ${clients} clients, ${people.length} people`);
    results.http = summary(await sustain(clients, seconds, once));
  } finally {
    agent.destroy();
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    }
  }

  const app = connect(appDatabaseUrl(options.databaseUrl), { max: clients, settings: { plan_cache_mode: "force_custom_plan" } });
  try {
    const row = (n: number, measured?: { pointId: number | null; distanceM: number | null }) => {
      const { person, kind, lon, lat } = punchOf(n);
      return {
        staffId: person.staffId,
        requestId: randomUUID(),
        kind,
        serverAt: new Date(),
        deviceAt: new Date(),
        lon,
        lat,
        accuracyM: 15,
        pointId: measured?.pointId ?? null,
        distanceM: measured?.distanceM ?? 0,
        inside: true,
        outsideReason: null,
        offline: false,
        reviewFlags: [],
        photo: null,
      };
    };
    const timed = async (work: () => Promise<unknown>): Promise<Sample> => {
      const t0 = performance.now();
      try {
        await work();
        return { ms: performance.now() - t0, ok: true };
      } catch (e) {
        return { ms: performance.now() - t0, ok: false, error: (e as Error).message };
      }
    };
    log(`floor (insert): ${seconds} s`);
    results.floorInsert = summary(await sustain(clients, seconds, (n) => timed(() => insertPunches(app.db, [row(n)]))));
    log(`floor (fence measurement + insert): ${seconds} s`);
    results.floorVerdictAndInsert = summary(
      await sustain(clients, seconds, (n) =>
        timed(async () => {
          const { person, lon, lat } = punchOf(n);
          const [probe] = await nearestServingFences(app.db, [{ key: 0, staffId: person.staffId, lon, lat }], {
            farM: FAR_OUTSIDE_DISTRICT_M,
          });
          await insertPunches(app.db, [row(n, probe)]);
        }),
      ),
    );
  } finally {
    await app.db.destroy();
  }
  const http_ = results.http;
  return {
    method: {
      http: "POST /api/attendance/punches to tiles/web-server.ts on the production build (.next), keep-alive, one session per person, a fresh request id per punch from inside the person's fence; 201 counts",
      floorInsert: "the same punch row inserted straight on the database as the application role, same concurrency",
      floorVerdictAndInsert:
        "the nearest-serving-fence SQL (the verdict's measurement) and the insert, as the application role, same concurrency",
      people: people.length,
      clients,
      seconds,
    },
    target: TARGET,
    met: http_
      ? http_.punchesPerSecond >= TARGET.punchesPerSecond && http_.latencyMs.p95 <= TARGET.p95Ms && http_.errors === 0
      : false,
    results,
  };
}
