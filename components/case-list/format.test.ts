import { describe, expect, it } from "vitest";
import { deadlineNote, formatDuration, formatRate } from "./format";

describe("case desk formats", () => {
  it("durations are coarse: minutes, hours, days and hours", () => {
    expect(formatDuration(59 * 60_000)).toBe("59 分钟");
    expect(formatDuration(60 * 60_000)).toBe("1 小时");
    expect(formatDuration(26 * 3_600_000)).toBe("1 天 2 小时");
    expect(formatDuration(48 * 3_600_000)).toBe("2 天");
    expect(formatDuration(-5)).toBe("0 分钟");
  });
  it("the deadline note says what is left, or how long it is overdue", () => {
    const now = new Date("2026-11-23T08:00:00Z");
    expect(deadlineNote("2026-11-23T10:30:00Z", now)).toEqual({ text: "剩余 2 小时", overdue: false });
    expect(deadlineNote("2026-11-22T07:00:00Z", now)).toEqual({ text: "已超期 1 天 1 小时", overdue: true });
    // Exactly at the deadline the case is still on time (the light's own rule: red only after it).
    expect(deadlineNote("2026-11-23T08:00:00Z", now).overdue).toBe(false);
  });
  it("rates as percentages with one decimal, a dash for nothing to divide", () => {
    expect(formatRate(5 / 9)).toBe("55.6%");
    expect(formatRate(1)).toBe("100.0%");
    expect(formatRate(null)).toBe("—");
  });
});
