import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import type postgres from "postgres";
import { isDomainError, toHttpResponse } from "../lib/errors";
import { answerTile } from "./http";
import type { TileScope } from "./tile-scope";

const TILE_PATH = /^\/tiles\/([^/?#]+)\/([^/?#]+)\/([^/?#]+)\/([^/?#]+)\/?(\?[^#]*)?(?:#.*)?$/;

/**
 * The tile route on bare node:http: the same `answerTile` as app/tiles/[layer]/[z]/[x]/[y]/route.ts,
 * without Next.js's request pipeline (which costs ~3 ms a request, measured by bench/tiles.ts).
 * Returns false when the URL is not a tile URL, so a custom server can hand the request to Next.
 * A custom server adopting it must resolve the caller's scope the same way the route does.
 */
export async function handleTileRequest(
  sql: postgres.Sql,
  req: IncomingMessage,
  res: ServerResponse,
  resolveScope: (req: IncomingMessage, layer: string) => Promise<TileScope>,
): Promise<boolean> {
  const match = req.method === "GET" || req.method === "HEAD" ? TILE_PATH.exec(req.url ?? "") : null;
  if (!match) return false;
  const search = match[5] ?? "";
  const [layer, z, x, y] = match.slice(1, 5).map(decodeSegment);
  let scope: TileScope;
  try {
    scope = await resolveScope(req, layer);
  } catch (error) {
    // No session (401) or no map for this role (403): the same JSON error the Next route sends.
    if (!isDomainError(error)) throw error;
    const refusal = toHttpResponse(error);
    res.writeHead(refusal.status, Object.fromEntries(refusal.headers));
    res.end(req.method === "HEAD" ? undefined : Buffer.from(await refusal.arrayBuffer()));
    return true;
  }
  const answer = await answerTile(
    sql,
    { layer, z, x, y },
    { acceptEncoding: req.headers["accept-encoding"], ifNoneMatch: req.headers["if-none-match"], search },
    scope,
  );
  res.writeHead(answer.status, answer.headers);
  res.end(req.method === "HEAD" ? undefined : answer.body);
  return true;
}

/** A stray "%" that does not decode stays as typed: the tile code then answers 404/400, never a 500. */
function decodeSegment(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
