import { readFile } from "node:fs/promises";
import path from "node:path";

/**
 * MapLibre GL 6 loads its worker from a file beside its module (import.meta.url), which a bundler
 * rewrites; the map engine points setWorkerUrl here instead, and this route serves the file from
 * the installed package. No CDN: the product runs offline.
 */
export const dynamic = "force-static";

export async function GET() {
  const file = path.join(process.cwd(), "node_modules", "maplibre-gl", "dist", "maplibre-gl-worker.mjs");
  const body = await readFile(file);
  return new Response(body, {
    headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "public, max-age=86400" },
  });
}
