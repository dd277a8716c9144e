/**
 * The header the web server (tiles/web-server.ts) sets to the socket's address after removing any
 * value the client sent, so it cannot be forged through the product's own server. Its own module:
 * the web server must not load React (lib/context does) before Next.js sets up its own copy.
 */
export const CLIENT_ADDRESS_HEADER = "x-gridatlas-client-address";

/**
 * Set to "1" by the web server when the request came through a proxy listed in TRUSTED_PROXIES (lib/env.ts);
 * removed otherwise, with the X-Forwarded-* headers themselves. Only then may X-Forwarded-Host stand for
 * the host the browser used (the same-origin check, TileJSON URLs).
 */
export const VIA_TRUSTED_PROXY_HEADER = "x-gridatlas-via-trusted-proxy";

/** The host the browser addressed: X-Forwarded-Host only from a trusted proxy, else Host, else the URL's. */
export function requestHost(headers: Headers, url: string): string {
  const forwarded = headers.get(VIA_TRUSTED_PROXY_HEADER) === "1" ? headers.get("x-forwarded-host")?.split(",")[0].trim() : null;
  return forwarded || headers.get("host") || new URL(url).host;
}
