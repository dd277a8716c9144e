/**
 * A bare node:http server around tiles/node-listener.ts, for the benchmark only: it serves the tile
 * route with exactly the product's tiles/ code but without Next.js, so the benchmark can tell how much
 * of the server/floor gap is Next's request pipeline. Loopback only.
 *   tsx --conditions=react-server bench/tile-server.ts --port 3198 --database <url>
 */
import http from "node:http";
import { parseArgs } from "node:util";
import { connect } from "../db/client";
import { handleTileRequest } from "../tiles/node-listener";
import { TILE_POOL_SIZE, TILE_SESSION_SETTINGS } from "../tiles/tile-connection";

const { values } = parseArgs({ options: { port: { type: "string", default: "3198" }, database: { type: "string" } } });
if (!values.database) throw new Error("--database is required");
const { sql } = connect(values.database, { max: TILE_POOL_SIZE, settings: TILE_SESSION_SETTINGS });
const districtScope = (
  await sql<{ path: string }[]>`select path::text as path from region where level = 0 order by id limit 1`
).map((r) => r.path);

const server = http.createServer((req, res) => {
  // The tiles/ code alone, without sessions: scoped to the whole district like the benchmark's floor.
  handleTileRequest(sql, req, res, async () => districtScope)
    .then((handled) => {
      if (!handled) {
        res.writeHead(404, { "Content-Type": "text/plain" });
        res.end("not a tile URL");
      }
    })
    .catch((error) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
});
server.keepAliveTimeout = 5000;
server.listen(Number(values.port), "127.0.0.1", () =>
  process.stderr.write(`[tile-server] listening on 127.0.0.1:${values.port}\n`),
);
const stop = () => server.close(() => sql.end().then(() => process.exit(0)));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
