import { describe, expect, it } from "vitest";
import { CHINA_2026_WORKING_CALENDAR as cal } from "../../lib/case/holidays-2026";
import { isWorkingDay, localDateKey } from "../../lib/case/working-calendar";
import { dayWeight, pickHour, pickReportInstant, yearWindow } from "./cases-rhythm";
import { rngFor } from "./random";

const local = (s: string) => new Date(`${s}+08:00`);
const NOW = local("2026-11-23T22:24:00");

describe("yearWindow", () => {
  it("covers the 365 local days that end with today, up to now", () => {
    const w = yearWindow(NOW, cal);
    expect(new Date(w.firstMidnight)).toEqual(local("2025-11-24T00:00:00"));
    expect(w.days).toBe(365);
    expect(w.end).toBe(NOW.getTime());
  });
});

describe("dayWeight", () => {
  it("peaks summer problems in July and winter problems in January", () => {
    const july = local("2026-07-15T00:00:00"),
      january = local("2026-01-14T00:00:00"); // both Wednesdays
    expect(dayWeight(july, "hotline", "summer", cal)).toBeGreaterThan(2.5 * dayWeight(january, "hotline", "summer", cal));
    expect(dayWeight(january, "hotline", "winter", cal)).toBeGreaterThan(3 * dayWeight(july, "hotline", "winter", cal));
  });

  it("lets grid workers rest on weekends and holidays but keeps the hotline ringing", () => {
    const saturday = local("2026-11-21T00:00:00"),
      national = local("2026-10-02T00:00:00"),
      swapped = local("2026-10-10T00:00:00");
    expect(dayWeight(saturday, "grid_worker", "flat", cal)).toBeCloseTo(0.3);
    expect(dayWeight(national, "grid_worker", "flat", cal)).toBeCloseTo(0.3);
    // 2026-10-10 is a Saturday worked in exchange for National Day (调休上班).
    expect(dayWeight(swapped, "grid_worker", "flat", cal)).toBeCloseTo(1);
    expect(dayWeight(saturday, "hotline", "flat", cal)).toBeCloseTo(0.85);
  });
});

describe("pickHour", () => {
  it("puts grid workers' reports in patrol hours and lets the hotline ring late", () => {
    const rng = rngFor(1, "hours");
    const patrol = Array.from({ length: 5000 }, () => pickHour(rng, "grid_worker"));
    expect(Math.min(...patrol)).toBeGreaterThanOrEqual(7);
    expect(Math.max(...patrol)).toBeLessThanOrEqual(19);
    const hotline = Array.from({ length: 5000 }, () => pickHour(rng, "hotline"));
    expect(hotline.filter((h) => h >= 19 && h <= 21).length).toBeGreaterThan(hotline.filter((h) => h >= 1 && h <= 5).length * 10);
  });
});

describe("pickReportInstant", () => {
  const w = yearWindow(NOW, cal);

  it("stays inside the window and before now", () => {
    const rng = rngFor(2, "instants");
    for (let i = 0; i < 5000; i++) {
      const t = pickReportInstant(rng, w, "hotline", "flat").getTime();
      expect(t).toBeGreaterThanOrEqual(w.firstMidnight);
      expect(t).toBeLessThan(NOW.getTime());
    }
  });

  it("follows the season and the working week", () => {
    const rng = rngFor(3, "instants");
    const draws = Array.from({ length: 20_000 }, () => pickReportInstant(rng, w, "grid_worker", "summer"));
    const month = (d: Date) => localDateKey(d, cal).slice(5, 7);
    const july = draws.filter((d) => month(d) === "07").length;
    const january = draws.filter((d) => month(d) === "01").length;
    expect(july).toBeGreaterThan(2.2 * january);
    const offDays = draws.filter((d) => !isWorkingDay(d, cal)).length / draws.length;
    // About 115 days off a year at weight 0.3 against ~250 working days: ~12%.
    expect(offDays).toBeGreaterThan(0.08);
    expect(offDays).toBeLessThan(0.17);
  });
});
