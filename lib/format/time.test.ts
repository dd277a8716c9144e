import { describe, expect, it } from "vitest";
import {
  addDays,
  beijingDay,
  beijingWallClock,
  daysBetween,
  formatDate,
  formatDateTime,
  formatDuration,
  formatIsoBeijing,
  formatShortDateTime,
  formatTime,
} from "./time";

describe("instants on the Beijing clock, whatever the machine's zone", () => {
  it("an instant before midnight UTC is already the next day in Beijing", () => {
    expect(formatDateTime("2026-11-23T16:05:00Z")).toBe("2026-11-24 00:05");
    expect(formatDate("2026-11-23T16:05:00Z")).toBe("2026-11-24");
    expect(formatTime("2026-11-23T16:05:00Z")).toBe("00:05");
    expect(beijingDay(new Date("2026-11-24T15:59:59Z"))).toBe("2026-11-24");
    expect(beijingDay(new Date("2026-11-24T16:00:00Z"))).toBe("2026-11-25");
    expect(beijingDay("2026-12-31T16:00:00Z")).toBe("2027-01-01");
  });
  it("takes Dates and ISO strings with any offset", () => {
    expect(formatDateTime(new Date("2026-01-01T01:30:00+08:00"))).toBe("2026-01-01 01:30");
    expect(formatDateTime("2026-11-23T06:05:09.500Z", { seconds: true })).toBe("2026-11-23 14:05:09");
    expect(formatShortDateTime("2026-02-28T17:00:00Z")).toBe("03-01 01:00");
    expect(formatIsoBeijing("2026-11-20T01:30:00.250Z")).toBe("2026-11-20T09:30:00+08:00");
    expect(formatIsoBeijing(null)).toBeNull();
  });
  it("shows a dash, or the given text, for nothing or garbage", () => {
    expect(formatDateTime(null)).toBe("—");
    expect(formatDateTime("not a date")).toBe("—");
    expect(formatDate(undefined)).toBe("—");
    expect(formatShortDateTime(null)).toBe("—");
    expect(formatTime("x")).toBe("—");
    expect(formatDateTime(null, { none: "" })).toBe("");
    expect(() => beijingDay("x")).toThrow("not an instant: x");
  });
  it("the wall clock as a zone-less Date carries Beijing's fields in its UTC fields (xlsx)", () => {
    expect(beijingWallClock("2026-11-23T06:05:00.000Z")?.toISOString()).toBe("2026-11-23T14:05:00.000Z");
    expect(beijingWallClock(null)).toBeNull();
  });
});

describe("calendar days", () => {
  it("moves across month and year ends, leap days included", () => {
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(daysBetween("2026-01-01", "2026-12-31")).toBe(364);
    expect(daysBetween("2026-11-25", "2026-11-20")).toBe(-5);
  });
});

describe("durations", () => {
  it("are coarse and rounded down: minutes, hours, days and hours", () => {
    expect(formatDuration(59 * 60_000)).toBe("59 分钟");
    expect(formatDuration(60 * 60_000)).toBe("1 小时");
    expect(formatDuration(26 * 3_600_000)).toBe("1 天 2 小时");
    expect(formatDuration(48 * 3_600_000)).toBe("2 天");
    expect(formatDuration((2 * 24 + 3) * 3_600_000 + 59 * 60_000)).toBe("2 天 3 小时");
    expect(formatDuration(90 * 60_000 - 1)).toBe("1 小时");
    expect(formatDuration(-5)).toBe("0 分钟");
  });
});
