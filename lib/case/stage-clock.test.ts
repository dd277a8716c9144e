import { describe, expect, it } from "vitest";
import { CHINA_2026_WORKING_CALENDAR as cal } from "./holidays-2026";
import {
  extendStageClock,
  lightAt,
  resolveLimit,
  stageOfState,
  startStageClock,
  yellowInstant,
  type TimeLimitRuleRow,
} from "./stage-clock";
import { lightOf } from "./traffic-light";

const at = (local: string) => new Date(`${local}+08:00`);

describe("stageOfState", () => {
  it("times accept, dispatch, handle and verify, and nothing once the case is out of the daily flow", () => {
    expect(stageOfState("reported")).toBe("accept");
    expect(stageOfState("returned")).toBe("dispatch");
    expect(stageOfState("acknowledged")).toBe("handle");
    expect(stageOfState("verifying")).toBe("verify");
    for (const s of ["suspended", "closed", "evaluated", "cancelled"] as const) expect(stageOfState(s)).toBeNull();
  });
});

describe("resolveLimit", () => {
  const rows: TimeLimitRuleRow[] = [
    { categoryId: null, urgency: "general", level: null, stage: "handle", amount: 7, unit: "working_days" },
    { categoryId: null, urgency: "general", level: "district", stage: "handle", amount: 10, unit: "working_days" },
    { categoryId: 5, urgency: "general", level: null, stage: "handle", amount: 3, unit: "working_days" },
    { categoryId: 9, urgency: "general", level: "street", stage: "handle", amount: 48, unit: "working_hours" },
  ];
  const key = { categoryId: 9, parentCategoryId: 5, urgency: "general" as const, stage: "handle" as const };

  it("prefers category with level, then category, then the parent, then the level, then the row for all", () => {
    expect(resolveLimit(rows, { ...key, level: "street" })).toEqual({ amount: 48, unit: "working_hours" });
    expect(resolveLimit(rows, { ...key, level: "district" })).toEqual({ amount: 3, unit: "working_days" });
    expect(resolveLimit(rows, { ...key, categoryId: 11, parentCategoryId: null, level: "district" })).toEqual({
      amount: 10,
      unit: "working_days",
    });
    expect(resolveLimit(rows, { ...key, categoryId: 11, parentCategoryId: null, level: "grid" })).toEqual({
      amount: 7,
      unit: "working_days",
    });
  });

  it("falls back to the built-in 12345 defaults when the table has no row", () => {
    expect(resolveLimit([], { ...key, urgency: "emergency", level: "grid" })).toEqual({ amount: 2, unit: "natural_hours" });
  });
});

describe("stored clock instants agree with lightOf", () => {
  it("7 working days from Wednesday 2026-09-30 10:00 ends 2026-10-15 17:00; yellow at 80% of the working time", () => {
    const clock = startStageClock({
      stage: "handle",
      limit: { amount: 7, unit: "working_days" },
      start: at("2026-09-30T10:00:00"),
      cal,
      yellowShare: 0.8,
    });
    expect(clock.deadlineAt).toEqual(at("2026-10-15T17:00:00"));
    // 7 h on 9/30 + 7 × 8 h (10/8, 10/9, 10/10 swapped workday, 10/12–10/15) = 63 h; 80% = 50.4 h → 3.4 h into 10/14.
    expect(clock.yellowAt).toEqual(at("2026-10-14T12:24:00"));
    const probe = (now: Date) => lightOf({ start: clock.startedAt, deadline: clock.deadlineAt, now, cal, unit: "working_days" });
    expect(probe(clock.yellowAt)).toBe("yellow");
    expect(probe(new Date(clock.yellowAt.getTime() - 1))).toBe("green");
    expect(lightAt(clock, clock.yellowAt)).toBe("yellow");
    expect(lightAt(clock, new Date(clock.yellowAt.getTime() - 1))).toBe("green");
    expect(lightAt(clock, clock.deadlineAt)).toBe("yellow");
    expect(lightAt(clock, new Date(clock.deadlineAt.getTime() + 1))).toBe("red");
  });

  it("a natural 2-hour limit turns yellow after 96 minutes, nights included", () => {
    const start = at("2026-11-20T23:00:00");
    expect(
      yellowInstant(start, new Date(start.getTime() + 2 * 3600_000), { amount: 2, unit: "natural_hours" }, cal, 0.8),
    ).toEqual(at("2026-11-21T00:36:00"));
  });

  it("an extension adds the limit again from the current deadline, the yellow instant moving with it", () => {
    const limit = { amount: 2, unit: "working_hours" as const };
    const clock = startStageClock({ stage: "handle", limit, start: at("2026-11-20T15:00:00"), cal, yellowShare: 0.5 });
    expect(clock.deadlineAt).toEqual(at("2026-11-20T17:00:00"));
    const extended = extendStageClock(clock, limit, cal, 0.5);
    expect(extended.deadlineAt).toEqual(at("2026-11-23T11:00:00"));
    // 4 working hours in all, half of it is used at 17:00 on Friday.
    expect(extended.yellowAt).toEqual(at("2026-11-20T17:00:00"));
  });
});
