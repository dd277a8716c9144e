/**
 * Installs missing Debian packages when we may (root with apt-get), and otherwise stops with the exact
 * command to run. Used by set-up (PostgreSQL, PostGIS, beside the cluster code in db/cluster.ts) and by the test
 * runner (chromium, CJK fonts).
 */
import { execFileSync, spawnSync } from "node:child_process";

export function isRoot() {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

export function isDebianPackageInstalled(name: string) {
  const result = spawnSync("dpkg-query", ["-W", "-f=${Status}", name], { encoding: "utf8" });
  return result.status === 0 && result.stdout.includes("install ok installed");
}

/** Installs `packages` with apt-get, saying so; throws a clear message when that is not possible. */
export function installDebianPackages(packages: string[], why: string) {
  const canApt = isRoot() && spawnSync("which", ["apt-get"]).status === 0;
  if (!canApt) {
    throw new Error(
      `${why} needs these Debian packages. Install them, then run again:\n  sudo apt-get install -y ${packages.join(" ")}`,
    );
  }
  process.stderr.write(`[setup] ${why}: installing Debian packages ${packages.join(" ")} with apt-get\n`);
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...packages], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}

/** Installs whichever of `packages` are missing. */
export function ensureDebianPackages(packages: string[], why: string) {
  const missing = packages.filter((p) => !isDebianPackageInstalled(p));
  if (missing.length) installDebianPackages(missing, why);
}
