import { describe, expect, it } from "vitest";
import { beijingDay } from "../format/time";
import { recentQuarters, resolvePeriod } from "./rates-period";

const today = "2026-11-25";

describe("resolvePeriod", () => {
  it("defaults to the current month", () => {
    expect(resolvePeriod({}, today)).toMatchObject({
      kind: "month",
      value: "2026-11",
      from: "2026-11-01",
      to: "2026-11-30",
      label: "2026 年 11 月",
    });
  });
  it("months end on their last day, February of a leap year included", () => {
    expect(resolvePeriod({ period: "month", month: "2028-02" }, today)).toMatchObject({ from: "2028-02-01", to: "2028-02-29" });
    expect(resolvePeriod({ period: "month", month: "2026-02" }, today)).toMatchObject({ to: "2026-02-28" });
  });
  it("quarters and years", () => {
    expect(resolvePeriod({ period: "quarter" }, today)).toMatchObject({
      value: "2026-Q4",
      from: "2026-10-01",
      to: "2026-12-31",
      label: "2026 年第 4 季度",
    });
    expect(resolvePeriod({ period: "quarter", quarter: "2026-Q2" }, today)).toMatchObject({
      from: "2026-04-01",
      to: "2026-06-30",
    });
    expect(resolvePeriod({ period: "year", year: "2025" }, today)).toMatchObject({ from: "2025-01-01", to: "2025-12-31" });
  });
  it("custom ranges need both dates, in order, at most five years", () => {
    expect(resolvePeriod({ period: "custom", from: "2026-01-05", to: "2026-02-04" }, today)).toMatchObject({
      from: "2026-01-05",
      to: "2026-02-04",
      value: "2026-01-05~2026-02-04",
    });
    expect(() => resolvePeriod({ period: "custom", from: "2026-01-05" }, today)).toThrow("自定义时间段需要开始日期和结束日期。");
    expect(() => resolvePeriod({ period: "custom", from: "2026-02-05", to: "2026-01-05" }, today)).toThrow(
      "结束日期不能早于开始日期。",
    );
    expect(() => resolvePeriod({ period: "custom", from: "2016-01-01", to: "2026-01-05" }, today)).toThrow(
      "自定义时间段不能超过 5 年。",
    );
  });
  it("refuses malformed values with Chinese messages", () => {
    expect(() => resolvePeriod({ period: "week" as never }, today)).toThrowError(
      expect.objectContaining({ code: "VALIDATION", details: { period: "时间段类型只能是月度、季度、年度或自定义。" } }),
    );
    expect(() => resolvePeriod({ period: "month", month: "2026-13" }, today)).toThrowError(
      expect.objectContaining({ details: { month: "月份格式应为 YYYY-MM。" } }),
    );
    expect(() => resolvePeriod({ period: "quarter", quarter: "2026-Q5" }, today)).toThrowError(
      expect.objectContaining({ details: { quarter: "季度格式应为 YYYY-Q1 至 YYYY-Q4。" } }),
    );
  });
});

describe("helpers", () => {
  it("the Beijing day turns at 16:00 UTC", () => {
    expect(beijingDay(new Date("2026-11-24T15:59:59Z"))).toBe("2026-11-24");
    expect(beijingDay(new Date("2026-11-24T16:00:00Z"))).toBe("2026-11-25");
  });
  it("recent quarters cross the year", () => {
    expect(recentQuarters("2026-02-10", 3)).toEqual(["2026-Q1", "2025-Q4", "2025-Q3"]);
  });
});
