import { describe, expect, it } from "vitest";
import { CHINA_2026_WORKING_CALENDAR as cal } from "./holidays-2026";
import { lightOf } from "./traffic-light";
import { addLimit } from "./working-calendar";

const at = (local: string) => new Date(`${local.replace(" ", "T")}+08:00`);

describe("lightOf, natural limit: 24 h from Mon 2026-03-02 08:00 → deadline Tue 08:00", () => {
  const start = at("2026-03-02 08:00");
  const deadline = at("2026-03-03 08:00");
  const light = (now: string) => lightOf({ start, deadline, now: at(now), cal, unit: "natural_hours" });

  it("the deadline is what addLimit gives", () => {
    expect(addLimit(start, { amount: 24, unit: "natural_hours" }, cal)).toEqual(deadline);
  });

  it("79.9% green, 80% yellow, 100% yellow, 100% + 1 minute red", () => {
    // 80% of 1440 min = 1152 min = 19 h 12 min → Tue 03:12. 79.9% = 1150.56 min = 19 h 10 min 33.6 s.
    expect(light("2026-03-03 03:10:33.600")).toBe("green");
    expect(light("2026-03-03 03:11:59.999")).toBe("green");
    expect(light("2026-03-03 03:12")).toBe("yellow");
    expect(light("2026-03-03 08:00")).toBe("yellow");
    expect(light("2026-03-03 08:00:00.001")).toBe("red");
    expect(light("2026-03-03 08:01")).toBe("red");
  });

  it("green at the start and before it", () => {
    expect(light("2026-03-02 08:00")).toBe("green");
    expect(light("2026-03-02 07:00")).toBe("green");
  });
});

describe("lightOf, emergency 2 natural hours across midnight: 23:00 → 01:00", () => {
  const light = (now: string) =>
    lightOf({ start: at("2026-10-01 23:00"), deadline: at("2026-10-02 01:00"), now: at(now), cal, unit: "natural_hours" });

  it("turns yellow at 96 minutes (00:36), red after 01:00", () => {
    expect(light("2026-10-02 00:35")).toBe("green"); // 95/120 = 79.2%
    expect(light("2026-10-02 00:35:52.800")).toBe("green"); // 79.9% = 95.88 min
    expect(light("2026-10-02 00:36")).toBe("yellow"); // 96/120 = 80%
    expect(light("2026-10-02 01:00")).toBe("yellow");
    expect(light("2026-10-02 01:01")).toBe("red");
  });
});

describe("lightOf, working limit: 7 working days from Mon 2026-03-02 10:00 → Wed 3/11 17:00", () => {
  const start = at("2026-03-02 10:00");
  const deadline = at("2026-03-11 17:00");
  const light = (now: string) => lightOf({ start, deadline, now: at(now), cal, unit: "working_days" });

  it("the deadline is what addLimit gives", () => {
    expect(addLimit(start, { amount: 7, unit: "working_days" }, cal)).toEqual(deadline);
  });

  it("79.9% green, 80% yellow, 100% yellow, 100% + 1 minute red (in working minutes)", () => {
    // Total = 420 (Mon 10:00–17:00) + 7 × 480 = 3780 working min. 80% = 3024 = 420 + 5 × 480 + 204
    // → the 6th working day after Monday (Tue 3/10) at 09:00 + 3 h 24 = 12:24.
    // 79.9% = 3020.22 min, 3.78 min = 3 min 46.8 s earlier → 12:20:13.2.
    expect(light("2026-03-10 12:20:13.200")).toBe("green");
    expect(light("2026-03-10 12:24")).toBe("yellow");
    expect(light("2026-03-11 17:00")).toBe("yellow");
    expect(light("2026-03-11 17:01")).toBe("red"); // past the deadline instant, though outside working hours
  });

  it("the share stands still over a weekend", () => {
    // Fri 3/6 17:00 and Sun 3/8 23:00 both have 420 + 4 × 480 = 2340 used = 61.9%.
    expect(light("2026-03-06 17:00")).toBe("green");
    expect(light("2026-03-08 23:00")).toBe("green");
  });
});

describe("lightOf, 2 working hours from Fri 2026-03-06 16:00 → Mon 3/9 10:00", () => {
  const start = at("2026-03-06 16:00");
  const deadline = at("2026-03-09 10:00");
  const light = (now: string, unit: "working_hours" | "natural_hours" = "working_hours", yellowShare?: number) =>
    lightOf({ start, deadline, now: at(now), cal, unit, yellowShare });

  it("79.9% green, 80% yellow, 100% yellow, 100% + 1 minute red", () => {
    // 60 min on Friday, then Monday: 80% = 96 min → Mon 09:36; 79.9% = 95.88 min → Mon 09:35:52.8.
    expect(light("2026-03-09 09:35:52.800")).toBe("green");
    expect(light("2026-03-09 09:36")).toBe("yellow");
    expect(light("2026-03-09 10:00")).toBe("yellow");
    expect(light("2026-03-09 10:01")).toBe("red");
  });

  it("the unit decides the clock: Monday 06:00 is 50% of working time but 62/66 h of natural time", () => {
    expect(light("2026-03-09 06:00", "working_hours")).toBe("green");
    expect(light("2026-03-09 06:00", "natural_hours")).toBe("yellow"); // 93.9%
  });

  it("a configurable share: at 0.5 the weekend (60 of 120 min used) is already yellow", () => {
    expect(light("2026-03-07 12:00", "working_hours", 0.5)).toBe("yellow");
    expect(light("2026-03-06 16:59", "working_hours", 0.5)).toBe("green"); // 59/120
    expect(() => light("2026-03-07 12:00", "working_hours", 0)).toThrow(RangeError);
    expect(() => light("2026-03-07 12:00", "working_hours", 1.5)).toThrow(RangeError);
  });
});

describe("lightOf, an exact share that floating point would miss", () => {
  it("0.55 of 3 minutes is exactly 99 s: yellow at 99 s, though 0.55 × 180000 = 99000.00000000001 in binary", () => {
    const start = at("2026-03-09 10:00");
    const deadline = at("2026-03-09 10:03");
    const light = (now: string) => lightOf({ start, deadline, now: at(now), cal, unit: "natural_minutes", yellowShare: 0.55 });
    expect(light("2026-03-09 10:01:38.999")).toBe("green");
    expect(light("2026-03-09 10:01:39")).toBe("yellow");
  });
});

describe("lightOf, a zero-length limit", () => {
  it("is yellow until its deadline passes", () => {
    const t = at("2026-03-09 10:00");
    expect(lightOf({ start: t, deadline: t, now: t, cal, unit: "natural_minutes" })).toBe("yellow");
    expect(lightOf({ start: t, deadline: t, now: at("2026-03-09 10:01"), cal, unit: "natural_minutes" })).toBe("red");
  });
});
