/**
 * An in-memory LRU cache of finished tiles, bounded by bytes (TILE_CACHE_MB). Keys carry the layer's
 * version, so a version bump makes old entries unreachable; they age out of the LRU instead of being
 * hunted down. A Map keeps insertion order: a hit re-inserts the key, the first key is the oldest.
 */

export type CachedTile = {
  /** gzip-compressed MVT, or null for an empty tile */
  gzip: Uint8Array | null;
  etag: string;
};

// Map entry, key string and object headers: small, but it keeps a flood of empty tiles bounded too.
const ENTRY_OVERHEAD_BYTES = 128;

export class TileCache {
  private readonly entries = new Map<string, CachedTile>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(readonly maxBytes: number) {}

  get size() {
    return this.entries.size;
  }

  get usedBytes() {
    return this.bytes;
  }

  get(key: string): CachedTile | undefined {
    const entry = this.entries.get(key);
    if (!entry) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, tile: CachedTile): void {
    const cost = costOf(key, tile);
    if (cost > this.maxBytes) return;
    const previous = this.entries.get(key);
    if (previous) {
      this.bytes -= costOf(key, previous);
      this.entries.delete(key);
    }
    this.entries.set(key, tile);
    this.bytes += cost;
    for (const [oldKey, oldTile] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldKey);
      this.bytes -= costOf(oldKey, oldTile);
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}

function costOf(key: string, tile: CachedTile) {
  return (tile.gzip?.byteLength ?? 0) + key.length * 2 + tile.etag.length * 2 + ENTRY_OVERHEAD_BYTES;
}

/** The cache key: layer, its version, the scope, the tile, and a case layer's variant (filter + time bucket). */
export function tileCacheKey(layer: string, version: number, scope: string, z: number, x: number, y: number, variant = "") {
  const base = `${layer}@${version}|${scope}|${z}/${x}/${y}`;
  return variant ? `${base}|${variant}` : base;
}
