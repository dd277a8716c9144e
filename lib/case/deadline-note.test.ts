import { describe, expect, it } from "vitest";
import { deadlineNote } from "./deadline-note";

describe("deadlineNote", () => {
  it("says what is left, or how long it is overdue", () => {
    const now = new Date("2026-11-23T08:00:00Z");
    expect(deadlineNote("2026-11-23T10:30:00Z", now)).toEqual({ text: "剩余 2 小时", overdue: false });
    expect(deadlineNote("2026-11-22T07:00:00Z", now)).toEqual({ text: "已超期 1 天 1 小时", overdue: true });
    // Exactly at the deadline the case is still on time (the light's own rule: red only after it).
    expect(deadlineNote("2026-11-23T08:00:00Z", now).overdue).toBe(false);
  });
  it("rounds down, so 2 days 20 hours left is never shown as 3 days (the map panel's old copy rounded)", () => {
    const now = Date.parse("2026-11-23T08:00:00Z");
    expect(deadlineNote("2026-11-26T04:00:00Z", now)).toEqual({ text: "剩余 2 天 20 小时", overdue: false });
    expect(deadlineNote("2026-11-23T07:59:30Z", now)).toEqual({ text: "已超期 0 分钟", overdue: true });
  });
});
