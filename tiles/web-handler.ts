import type { IncomingMessage, ServerResponse } from "node:http";
import { CLIENT_ADDRESS_HEADER, VIA_TRUSTED_PROXY_HEADER } from "../lib/client-address";
import { PUNCH_BODY_LIMIT_BYTES } from "../lib/attendance/punch/punch-limits";
import { PHOTO_MAX_BYTES } from "../lib/case/photos/photo-rules";
import { MAX_FILE_BYTES } from "../lib/hotline/file-limits";
import { errorMessages } from "../lib/i18n/zh-CN/errors";
import { tiles } from "../lib/i18n/zh-CN/tiles";
import { JSON_BODY_LIMIT_BYTES, MULTIPART_OVERHEAD_BYTES } from "../lib/request-body";
import { securityHeaders } from "./security-headers";

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

export type WebHandlerOptions = {
  dev: boolean;
  basemapUrl?: string;
  /** Socket addresses of reverse proxies whose X-Forwarded-* headers are believed (TRUSTED_PROXIES). */
  trustedProxies: readonly string[];
  /** Answers a tile URL and returns true, or returns false for anything else. */
  handleTile: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
  handleWithNext: (req: IncomingMessage, res: ServerResponse) => Promise<unknown> | unknown;
};

const FORWARDED = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "forwarded"];
const BODYLESS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The largest body a path accepts: uploads their own limit, every other JSON or form body 1 MB. */
export function bodyLimitFor(pathname: string): number {
  if (pathname === "/api/case-photos") return PHOTO_MAX_BYTES + MULTIPART_OVERHEAD_BYTES;
  if (pathname === "/api/hotline/imports") return MAX_FILE_BYTES + MULTIPART_OVERHEAD_BYTES;
  if (/^\/api\/staff\/[^/]+\/photo$/.test(pathname)) return PHOTO_MAX_BYTES + MULTIPART_OVERHEAD_BYTES;
  if (pathname === "/api/staff/import") return MAX_FILE_BYTES + MULTIPART_OVERHEAD_BYTES;
  if (pathname === "/api/attendance/punches") return PUNCH_BODY_LIMIT_BYTES;
  return JSON_BODY_LIMIT_BYTES;
}

const normalize = (address: string) => address.replace(/^::ffff:/, "");

/**
 * Where every request of the web process enters (tiles/web-server.ts): it stamps the caller's address,
 * drops X-Forwarded-* unless a trusted proxy sent them, sets the security headers, refuses a body larger
 * than the path accepts (413, from Content-Length, before reading a byte of it; a body without a length is
 * 411, since Next would read it whole), then answers a tile or hands over to Next.js.
 */
export function createWebHandler(options: WebHandlerOptions): Listener {
  const trusted = new Set(options.trustedProxies.map(normalize));
  const headers = Object.entries(securityHeaders({ dev: options.dev, basemapUrl: options.basemapUrl }));
  return (req, res) => {
    stampClientAddress(req, trusted);
    for (const [name, value] of headers) res.setHeader(name, value);
    const refusal = bodyRefusal(req);
    if (refusal) {
      res.writeHead(refusal.status, { "Content-Type": "application/json; charset=utf-8", Connection: "close" });
      res.end(JSON.stringify({ error: { code: refusal.code, message: refusal.message } }));
      // The rest is never read: with Connection: close, node:http ends the socket after the answer.
      return;
    }
    options
      .handleTile(req, res)
      .then((handled) => (handled ? undefined : options.handleWithNext(req, res)))
      .catch((error: unknown) => {
        console.error("[web]", error);
        if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json; charset=utf-8" });
        res.end(JSON.stringify({ error: { code: "INTERNAL", message: tiles.errors.internal } }));
      });
  };
}

/**
 * The caller's address as this server saw it (a value the client sent under that name is dropped). Behind
 * a trusted proxy, the address the proxy saw: the last entry of X-Forwarded-For.
 */
function stampClientAddress(req: IncomingMessage, trusted: ReadonlySet<string>) {
  const socketAddress = normalize(req.socket.remoteAddress ?? "unknown");
  const viaProxy = trusted.has(socketAddress);
  delete req.headers[VIA_TRUSTED_PROXY_HEADER];
  let address = socketAddress;
  if (viaProxy) {
    req.headers[VIA_TRUSTED_PROXY_HEADER] = "1";
    const forwardedFor = String(req.headers["x-forwarded-for"] ?? "")
      .split(",")
      .map((a) => a.trim())
      .filter(Boolean);
    address = forwardedFor.at(-1) ?? socketAddress;
  } else {
    for (const name of FORWARDED) delete req.headers[name];
  }
  req.headers[CLIENT_ADDRESS_HEADER] = address;
}

function bodyRefusal(req: IncomingMessage): { status: number; code: string; message: string } | null {
  if (BODYLESS.has(req.method ?? "GET")) return null;
  const limit = bodyLimitFor(new URL(req.url ?? "/", "http://localhost").pathname);
  const declared = req.headers["content-length"];
  if (declared !== undefined) {
    if (/^[0-9]+$/.test(declared) && Number(declared) <= limit) return null;
    return { status: 413, code: "TOO_LARGE", message: errorMessages.bodyTooLarge(Math.round((limit / 1048576) * 10) / 10) };
  }
  if (req.headers["transfer-encoding"]) return { status: 411, code: "VALIDATION", message: errorMessages.bodyLengthRequired };
  return null;
}
