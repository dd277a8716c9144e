import { describe, expect, it } from "vitest";
import { formatDateTime } from "./date-time";

describe("formatDateTime", () => {
  it("shows China Standard Time whatever the machine's zone", () => {
    expect(formatDateTime("2026-11-23T16:05:00Z")).toBe("2026-11-24 00:05");
    expect(formatDateTime(new Date("2026-01-01T01:30:00+08:00"))).toBe("2026-01-01 01:30");
  });
  it("shows a dash for nothing or garbage", () => {
    expect(formatDateTime(null)).toBe("—");
    expect(formatDateTime("not a date")).toBe("—");
  });
});
