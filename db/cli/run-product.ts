/**
 * Runs the product: the Next.js web server on PORT and the pg-boss worker, side by side.
 * Ctrl-C (or SIGTERM) stops both; if either dies, the other is stopped too.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { env } from "../../lib/env";

const dev = process.argv.includes("--dev");
const port = env().PORT;
const children: ChildProcess[] = [
  spawn("npx", ["tsx", "--conditions=react-server", "tiles/web-server.ts", ...(dev ? ["--dev"] : [])], { stdio: "inherit" }),
  spawn("npx", ["tsx", "--conditions=react-server", "workers/main.ts"], { stdio: "inherit" }),
];
console.log(`[gridatlas] web on http://localhost:${port} and the worker are starting (Ctrl-C stops both)`);

let stopping = false;
function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 25_000).unref();
}
for (const child of children) child.on("exit", (code) => stopAll(code ?? 1));
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));
