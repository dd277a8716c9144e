/**
 * Security headers of every response of the web process (pages, API, tiles, static files), set by
 * tiles/web-server.ts before a request is answered. The Content-Security-Policy is the one the map runs
 * under: MapLibre's worker comes from /vendor/maplibre-gl-worker (worker-src 'self', and blob: for the
 * workers MapLibre and deck.gl may build from a blob URL), tiles and the style are fetched from the same
 * origin (connect-src), canvas snapshots and sprites-less icons are data:/blob: images, and MapLibre and
 * React set inline styles. Next.js inlines its bootstrap scripts: 'unsafe-inline' scripts instead of a
 * per-request nonce, which would force every page to render dynamically (Next's CSP guide) — the other
 * directives still forbid foreign scripts, frames, plugins, base-URI and form-target changes.
 */
export function securityHeaders({ dev, basemapUrl }: { dev: boolean; basemapUrl?: string }): Record<string, string> {
  const basemap = basemapOrigin(basemapUrl);
  const csp = [
    "default-src 'self'",
    // Dev mode's React refresh evaluates code; production never does.
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${basemap}`,
    "font-src 'self' data:",
    `connect-src 'self' blob: data:${basemap}${dev ? " ws: wss:" : ""}`,
    "worker-src 'self' blob:",
    "child-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return {
    "Content-Security-Policy": csp,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
  };
}

/** " https://tiles.example" for an http(s) basemap template, "" for none or a local one. */
function basemapOrigin(url: string | undefined): string {
  if (!url) return "";
  const https = /^(https?:\/\/[^/{}]+)/i.exec(url.replace(/^pmtiles:\/\//i, ""));
  return https ? ` ${https[1]}` : "";
}
