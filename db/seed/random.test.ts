import { describe, expect, it } from "vitest";
import { rngFor, weightedPicker } from "./random";

describe("seeded PRNG", () => {
  it("gives the same stream for the same seed and key, different streams otherwise", () => {
    const a = Array.from({ length: 5 }, rngFor(1, "110112001", "plan").next);
    const b = Array.from({ length: 5 }, rngFor(1, "110112001", "plan").next);
    const c = Array.from({ length: 5 }, rngFor(2, "110112001", "plan").next);
    const d = Array.from({ length: 5 }, rngFor(1, "110112002", "plan").next);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a).not.toEqual(d);
  });

  it("pins its output (a change here changes every generated district)", () => {
    const rng = rngFor(1, "110112", "outline");
    expect(Array.from({ length: 3 }, () => rng.int(0, 999999))).toEqual([26761, 134511, 384121]);
  });

  it("is uniform enough: mean ~0.5, every decile ~10%", () => {
    const rng = rngFor(42, "uniformity");
    const deciles = new Array(10).fill(0);
    let sum = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = rng.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      sum += x;
      deciles[Math.floor(x * 10)]++;
    }
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
    for (const d of deciles) expect(Math.abs(d - 10_000)).toBeLessThan(400);
  });

  it("int covers both ends; weighted picks follow the weights", () => {
    const rng = rngFor(3, "ints");
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(rng.int(1, 3));
    expect([...seen].sort()).toEqual([1, 2, 3]);
    const pick = weightedPicker<string>([
      ["a", 1],
      ["b", 3],
    ]);
    let b = 0;
    for (let i = 0; i < 40_000; i++) if (pick(rng) === "b") b++;
    expect(b / 40_000).toBeCloseTo(0.75, 1);
  });
});
