/**
 * The project-local PostgreSQL cluster: created, started and stopped by the project itself,
 * with its data under the git-ignored data dir and its own port; no system service is touched.
 * PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { dataDir, env } from "../lib/env";
import { installDebianPackages, isRoot } from "./debian-packages";

export const LOCAL_SUPERUSER = "gridatlas";

type Binaries = { dir: string; version: number };

function log(message: string) {
  process.stderr.write(`[db] ${message}\n`);
}

function findBinaries(): Binaries | undefined {
  const base = "/usr/lib/postgresql";
  if (!fs.existsSync(base)) return undefined;
  const versions = fs
    .readdirSync(base)
    .map(Number)
    .filter((v) => Number.isFinite(v) && fs.existsSync(path.join(base, String(v), "bin", "pg_ctl")))
    .sort((a, b) => b - a);
  return versions.length ? { dir: path.join(base, String(versions[0]), "bin"), version: versions[0] } : undefined;
}

function hasPostgis(version: number) {
  return fs.existsSync(`/usr/share/postgresql/${version}/extension/postgis.control`);
}

/** Makes sure PostgreSQL and PostGIS are installed, installing them from Debian's packages if allowed. */
export function ensurePostgresInstalled(): Binaries {
  let bins = findBinaries();
  if (!bins) {
    installDebianPackages(["postgresql", "postgresql-contrib"], "The database (PostgreSQL)");
    bins = findBinaries();
    if (!bins) throw new Error("PostgreSQL was installed but its binaries were not found under /usr/lib/postgresql");
  }
  if (!hasPostgis(bins.version)) installDebianPackages([`postgresql-${bins.version}-postgis-3`], "The database (PostGIS)");
  return bins;
}

function paths() {
  const root = dataDir();
  return {
    root,
    pgdata: path.join(root, "pg", "data"),
    socket: path.join(root, "pg", "run"),
    logfile: path.join(root, "pg", "server.log"),
  };
}

/** Runs a PostgreSQL binary, as the postgres user when we are root. */
function runPg(bins: Binaries, cmd: string, args: string[]) {
  const full = path.join(bins.dir, cmd);
  const [file, argv] = isRoot() ? ["runuser", ["-u", "postgres", "--", full, ...args]] : [full, args];
  const result = spawnSync(file, argv, { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${cmd} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/** The postgres user must be able to reach the data dir; a clone under a private folder would block it. */
function ensureReachable(dir: string) {
  if (!isRoot()) return;
  const check = spawnSync("runuser", ["-u", "postgres", "--", "test", "-w", dir]);
  if (check.status === 0) return;
  let current = path.dirname(dir);
  while (current !== path.dirname(current)) {
    const mode = fs.statSync(current).mode;
    if ((mode & 0o001) === 0) {
      log(`granting traverse permission (o+x) on ${current} so the postgres user can reach the data dir`);
      fs.chmodSync(current, mode | 0o001);
    }
    current = path.dirname(current);
  }
  execFileSync("chown", ["-R", "postgres:postgres", dir]);
}

export function clusterStatus(): "running" | "stopped" | "absent" {
  const p = paths();
  if (!fs.existsSync(path.join(p.pgdata, "PG_VERSION"))) return "absent";
  const bins = findBinaries();
  if (!bins) return "stopped";
  const full = path.join(bins.dir, "pg_ctl");
  const [file, argv] = isRoot()
    ? ["runuser", ["-u", "postgres", "--", full, "status", "-D", p.pgdata]]
    : [full, ["status", "-D", p.pgdata]];
  return spawnSync(file, argv).status === 0 ? "running" : "stopped";
}

/** Creates the cluster if needed and starts it; returns the superuser URL of its maintenance database. */
export function startCluster(): string {
  const bins = ensurePostgresInstalled();
  const p = paths();
  const port = env().GRIDATLAS_PG_PORT;
  fs.mkdirSync(p.socket, { recursive: true });
  fs.mkdirSync(path.dirname(p.pgdata), { recursive: true });
  if (isRoot()) execFileSync("chown", ["-R", "postgres:postgres", path.dirname(p.pgdata)]);
  ensureReachable(path.dirname(p.pgdata));

  if (!fs.existsSync(path.join(p.pgdata, "PG_VERSION"))) {
    log(`creating a local PostgreSQL ${bins.version} cluster in ${p.pgdata}`);
    runPg(bins, "initdb", ["-D", p.pgdata, "-U", LOCAL_SUPERUSER, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"]);
    // Tuned for a 2-core, 24 GiB machine doing bulk loads and tile queries; local only.
    fs.appendFileSync(
      path.join(p.pgdata, "postgresql.conf"),
      [
        "",
        "# GridAtlas local cluster",
        "listen_addresses = '127.0.0.1'",
        `port = ${port}`,
        `unix_socket_directories = '${p.socket}'`,
        "shared_buffers = 2GB",
        "work_mem = 64MB",
        "maintenance_work_mem = 1GB",
        "effective_cache_size = 8GB",
        "max_wal_size = 8GB",
        "checkpoint_timeout = 30min",
        "synchronous_commit = off",
        "max_connections = 200",
        "jit = off",
        "",
      ].join("\n"),
    );
  }
  if (clusterStatus() !== "running") {
    log(`starting PostgreSQL on 127.0.0.1:${port}`);
    runPg(bins, "pg_ctl", ["start", "-w", "-t", "60", "-D", p.pgdata, "-l", p.logfile, "-o", `-p ${port}`]);
  }
  return `postgres://${LOCAL_SUPERUSER}@127.0.0.1:${port}/postgres`;
}

export function stopCluster() {
  const bins = findBinaries();
  if (!bins || clusterStatus() !== "running") return;
  log("stopping the local PostgreSQL cluster");
  runPg(bins, "pg_ctl", ["stop", "-m", "fast", "-D", paths().pgdata]);
}

/** The URL of a database in the local cluster. */
export function localDatabaseUrl(database: string) {
  return `postgres://${LOCAL_SUPERUSER}@127.0.0.1:${env().GRIDATLAS_PG_PORT}/${database}`;
}
