import { describe, expect, it } from "vitest";
import { CHINA_2026_WORKING_CALENDAR, CHINA_CALENDAR_DAYS_2026 } from "./holidays-2026";

describe("2026 holiday data", () => {
  const holidays = CHINA_CALENDAR_DAYS_2026.filter((d) => d.kind === "holiday").map((d) => d.date);
  const workdays = CHINA_CALENDAR_DAYS_2026.filter((d) => d.kind === "workday").map((d) => d.date);

  it("has the spans of the notice: 3 + 9 + 3 + 5 + 3 + 3 + 7 = 33 days off", () => {
    expect(holidays).toHaveLength(33);
    expect(holidays.slice(0, 3)).toEqual(["2026-01-01", "2026-01-02", "2026-01-03"]);
    expect(holidays).toContain("2026-02-15");
    expect(holidays).toContain("2026-02-23");
    expect(holidays).not.toContain("2026-02-24");
    expect(holidays).toContain("2026-04-06");
    expect(holidays).toContain("2026-05-05");
    expect(holidays).toContain("2026-06-21");
    expect(holidays).toContain("2026-09-27");
    expect(holidays.slice(-1)).toEqual(["2026-10-07"]);
  });

  it("has the six swapped workdays, each on a weekend", () => {
    expect(workdays).toEqual(["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]);
    for (const date of workdays) {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      expect([0, 6]).toContain(weekday);
    }
  });

  it("builds a valid calendar", () => {
    expect(CHINA_2026_WORKING_CALENDAR.holidays.size).toBe(33);
    expect(CHINA_2026_WORKING_CALENDAR.workdays.size).toBe(6);
  });
});
