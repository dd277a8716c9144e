import { describe, expect, it } from "vitest";
import { formatCount, formatRate } from "./format";

// Durations and the deadline note moved to lib/format/time.test.ts and lib/case/deadline-note.test.ts.
describe("case desk formats", () => {
  it("rates as percentages with one decimal, a dash for nothing to divide", () => {
    expect(formatRate(5 / 9)).toBe("55.6%");
    expect(formatRate(1)).toBe("100.0%");
    expect(formatRate(null)).toBe("—");
  });

  it("a weighted count (满意率's numerator) shows its fraction with one decimal, whole counts as they are", () => {
    expect(formatCount(3)).toBe("3");
    expect(formatCount(1 + 0.8 * 3)).toBe("3.4");
    expect(formatCount(0)).toBe("0");
  });
});
