import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, VIA_TRUSTED_PROXY_HEADER } from "../lib/client-address";
import { createWebHandler, type WebHandlerOptions } from "./web-handler";

/**
 * The web process's entrance over real HTTP, with a stand-in for Next.js that reads the whole body and
 * reports what it saw: security headers on every answer, body limits before a byte is read, forwarded
 * headers only from a trusted proxy.
 */
let server: http.Server | undefined;
let nextCalls = 0;
afterEach(() => {
  server?.close();
  server = undefined;
  nextCalls = 0;
});

async function start(options: Partial<WebHandlerOptions> = {}): Promise<number> {
  const fakeNext = async (req: IncomingMessage, res: ServerResponse) => {
    nextCalls++;
    let bytes = 0;
    for await (const chunk of req) bytes += (chunk as Buffer).byteLength;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        bytes,
        address: req.headers[CLIENT_ADDRESS_HEADER],
        viaProxy: req.headers[VIA_TRUSTED_PROXY_HEADER] ?? null,
        forwardedHost: req.headers["x-forwarded-host"] ?? null,
      }),
    );
  };
  const fakeTile = async (req: IncomingMessage, res: ServerResponse) => {
    if (!req.url?.startsWith("/tiles/")) return false;
    res.writeHead(200, { "content-type": "application/vnd.mapbox-vector-tile" });
    res.end(Buffer.from([1, 2, 3]));
    return true;
  };
  server = http.createServer(
    createWebHandler({ dev: false, trustedProxies: [], handleTile: fakeTile, handleWithNext: fakeNext, ...options }),
  );
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

/** A raw request: headers as given (a Content-Length may promise more than is sent), then `body`. */
function raw(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: "127.0.0.1",
      port,
      method: options.method ?? "GET",
      path: options.path,
      headers: options.headers,
    });
    req.on("response", async (res) => {
      let text = "";
      for await (const chunk of res) text += String(chunk);
      resolve({ status: res.statusCode ?? 0, headers: res.headers, text });
    });
    req.on("error", reject);
    if (options.body) req.write(options.body);
    if (!options.headers?.["content-length"] || Number(options.headers["content-length"]) === (options.body?.byteLength ?? 0))
      req.end();
  });
}

describe("security headers", () => {
  it("are on pages and API answers (through Next) and on tiles (answered before Next)", async () => {
    const port = await start({ basemapUrl: "https://tiles.example.com/{z}/{x}/{y}.png" });
    for (const path of ["/", "/api/district", "/tiles/grid/10/1/1"]) {
      const r = await raw(port, { path });
      expect([path, r.status]).toEqual([path, 200]);
      expect(r.headers["x-frame-options"]).toBe("DENY");
      expect(r.headers["x-content-type-options"]).toBe("nosniff");
      expect(r.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      const csp = r.headers["content-security-policy"] as string;
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("worker-src 'self' blob:");
      expect(csp).toContain("img-src 'self' data: blob: https://tiles.example.com");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain("unsafe-eval");
    }
  });
});

describe("body limits", () => {
  it("refuses an announced 100 MB body with 413 in Chinese without reading it or calling Next", async () => {
    const port = await start();
    const r = await raw(port, {
      method: "POST",
      path: "/api/auth/sign-in",
      headers: { "content-type": "application/json", "content-length": String(100 * 1024 * 1024) },
      body: Buffer.alloc(1024, 0x20),
    });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.text)).toEqual({ error: { code: "TOO_LARGE", message: "提交的内容过大，请求体不能超过 1 MB。" } });
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
    expect(nextCalls).toBe(0);
  });

  it("lets a body up to 1 MB through to Next, and an upload path its own limit", async () => {
    const port = await start();
    const mb = Buffer.alloc(1024 * 1024, 0x20);
    const ok = await raw(port, {
      method: "POST",
      path: "/api/cases",
      headers: { "content-length": String(mb.byteLength) },
      body: mb,
    });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text).bytes).toBe(1024 * 1024);
    const over = Buffer.alloc(1024 * 1024 + 1, 0x20);
    expect(
      (
        await raw(port, {
          method: "POST",
          path: "/api/cases",
          headers: { "content-length": String(over.byteLength) },
          body: over,
        })
      ).status,
    ).toBe(413);
    const photo = Buffer.alloc(3 * 1024 * 1024, 0x20);
    const upload = await raw(port, {
      method: "POST",
      path: "/api/case-photos",
      headers: { "content-length": String(photo.byteLength) },
      body: photo,
    });
    expect(upload.status).toBe(200);
    const tooBigPhoto = await raw(port, {
      method: "POST",
      path: "/api/case-photos",
      headers: { "content-length": String(4 * 1024 * 1024) },
      body: Buffer.alloc(10),
    });
    expect(tooBigPhoto.status).toBe(413);
  });

  it("refuses a body without a length (chunked) with 411: Next would buffer it whole", async () => {
    const port = await start();
    const r = await new Promise<number>((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port, method: "POST", path: "/open311/v2/requests.json" });
      req.on("response", (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.write("a".repeat(1000));
      req.end();
    });
    expect(r).toBe(411);
    expect(nextCalls).toBe(0);
  });
});

describe("forwarded headers", () => {
  it("are dropped unless the socket is a trusted proxy (default: none)", async () => {
    const port = await start();
    const r = JSON.parse(
      (
        await raw(port, {
          path: "/",
          headers: { "x-forwarded-host": "evil.example", "x-forwarded-for": "203.0.113.7", [VIA_TRUSTED_PROXY_HEADER]: "1" },
        })
      ).text,
    );
    expect(r).toEqual({ bytes: 0, address: "127.0.0.1", viaProxy: null, forwardedHost: null });
  });

  it("are kept from a proxy listed in TRUSTED_PROXIES, whose X-Forwarded-For names the caller", async () => {
    const port = await start({ trustedProxies: ["127.0.0.1"] });
    const r = JSON.parse(
      (
        await raw(port, {
          path: "/",
          headers: { "x-forwarded-host": "grid.example.gov.cn", "x-forwarded-for": "198.51.100.1, 203.0.113.7" },
        })
      ).text,
    );
    expect(r).toEqual({ bytes: 0, address: "203.0.113.7", viaProxy: "1", forwardedHost: "grid.example.gov.cn" });
  });
});
