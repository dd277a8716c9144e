import { describe, expect, it } from "vitest";
import { TileCache, tileCacheKey } from "./cache";

const tile = (bytes: number) => ({ gzip: new Uint8Array(bytes), etag: "e" });
// key "k1" costs 2×2 + etag 2 + overhead 128 = 134 bytes on top of the body
const overhead = 134;

describe("TileCache", () => {
  it("evicts the least recently used entries once over its byte budget", () => {
    const cache = new TileCache(3 * (1000 + overhead));
    const [t1, t2, t3, t4] = [tile(1000), tile(1000), tile(1000), tile(1000)];
    cache.set("k1", t1);
    cache.set("k2", t2);
    cache.set("k3", t3);
    expect(cache.size).toBe(3);
    expect(cache.get("k1")).toBe(t1); // k1 is now the most recent; k2 the oldest
    cache.set("k4", t4);
    expect(cache.get("k2")).toBeUndefined();
    expect(cache.get("k1")).toBe(t1);
    expect(cache.get("k3")).toBe(t3);
    expect(cache.get("k4")).toBe(t4);
    expect(cache.usedBytes).toBe(3 * (1000 + overhead));
  });

  it("evicts as many entries as a big tile needs and skips tiles bigger than the whole cache", () => {
    const cache = new TileCache(3000);
    const [t1, t2, t3] = [tile(500), tile(500), tile(2000)];
    cache.set("k1", t1);
    cache.set("k2", t2);
    cache.set("k3", t3);
    expect(cache.get("k1")).toBeUndefined();
    expect(cache.get("k2")).toBe(t2);
    expect(cache.get("k3")).toBe(t3);
    cache.set("k9", tile(5000));
    expect(cache.get("k9")).toBeUndefined();
    expect(cache.size).toBe(2);
  });

  it("replaces an entry without double counting, and counts empty tiles by their overhead", () => {
    const cache = new TileCache(10_000);
    cache.set("k1", tile(1000));
    cache.set("k1", tile(200));
    expect(cache.usedBytes).toBe(200 + overhead);
    cache.set("k2", { gzip: null, etag: "e" });
    expect(cache.usedBytes).toBe(200 + 2 * overhead);
    expect(cache.hits + cache.misses).toBe(0);
  });

  it("a cache of 0 bytes stores nothing", () => {
    const cache = new TileCache(0);
    cache.set("k1", tile(1));
    expect(cache.size).toBe(0);
  });

  it("keys differ by version and scope", () => {
    expect(tileCacheKey("grid", 3, "*", 14, 1, 2)).toBe("grid@3|*|14/1/2");
    expect(tileCacheKey("grid", 4, "*", 14, 1, 2)).not.toBe(tileCacheKey("grid", 3, "*", 14, 1, 2));
    expect(tileCacheKey("grid", 3, "110112.110112001", 14, 1, 2)).toBe("grid@3|110112.110112001|14/1/2");
  });
});
