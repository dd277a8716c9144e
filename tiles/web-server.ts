/**
 * The web process: one node:http server on PORT. Vector tiles are answered straight from tiles/ (the
 * same `answerTile` as the Next.js route app/tiles/…/route.ts), everything else goes to Next.js.
 * Why: Next's request pipeline adds about 1–3 ms to every request (bench/tiles.ts measures it), which
 * alone breaks the warm-tile target of ≤ 1 ms p50; a map pan asks for dozens of tiles at once.
 *   tsx --conditions=react-server tiles/web-server.ts [--dev]
 */
import http, { type IncomingMessage } from "node:http";
import next from "next";
import { env } from "../lib/env";
import { tileActionOf } from "./layers";
import { handleTileRequest } from "./node-listener";
import { resolveTileScope } from "./resolve-tile-scope";
import { closeTileConnection, tileConnection } from "./tile-connection";
import { createWebHandler } from "./web-handler";

const dev = process.argv.includes("--dev");
const port = env().PORT;

/** The scope is resolved from the same Headers the Next route sees (the session cookie). */
function webHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  return headers;
}

const app = next({ dev, dir: process.cwd(), port, hostname: "localhost" });
const handleWithNext = app.getRequestHandler();
await app.prepare();
const { sql } = tileConnection();

const server = http.createServer(
  createWebHandler({
    dev,
    basemapUrl: env().BASEMAP_URL,
    trustedProxies: env().TRUSTED_PROXIES,
    handleTile: (req, res) =>
      handleTileRequest(sql, req, res, (r, layer) => resolveTileScope(webHeaders(r), tileActionOf(layer))),
    handleWithNext,
  }),
);
server.keepAliveTimeout = 65_000;
server.listen(port, () =>
  process.stderr.write(`[web] ${dev ? "development" : "production"} server on http://localhost:${port}\n`),
);

function stop() {
  server.close(() => {
    void closeTileConnection().then(() => process.exit(0));
  });
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
