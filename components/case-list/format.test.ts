import { describe, expect, it } from "vitest";
import { formatRate } from "./format";

// Durations and the deadline note moved to lib/format/time.test.ts and lib/case/deadline-note.test.ts.
describe("case desk formats", () => {
  it("rates as percentages with one decimal, a dash for nothing to divide", () => {
    expect(formatRate(5 / 9)).toBe("55.6%");
    expect(formatRate(1)).toBe("100.0%");
    expect(formatRate(null)).toBe("—");
  });
});
