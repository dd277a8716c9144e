import { describe, expect, it } from "vitest";
import { CHINA_2026_WORKING_CALENDAR as cal } from "./holidays-2026";
import { CASE_STAGES, CASE_URGENCIES, DEFAULT_TIME_LIMITS, deadlineFor, limitFor } from "./time-limits";

const at = (local: string) => new Date(`${local.replace(" ", "T")}+08:00`);

describe("DEFAULT_TIME_LIMITS", () => {
  it("handle limits follow 12345 practice", () => {
    expect(DEFAULT_TIME_LIMITS.emergency.handle).toEqual({ amount: 2, unit: "natural_hours" });
    expect(DEFAULT_TIME_LIMITS.urgent.handle).toEqual({ amount: 24, unit: "natural_hours" });
    expect(DEFAULT_TIME_LIMITS.general.handle).toEqual({ amount: 7, unit: "working_days" });
    expect(DEFAULT_TIME_LIMITS.complex.handle).toEqual({ amount: 15, unit: "working_days" });
  });

  it("emergency runs on natural time at every stage", () => {
    for (const stage of CASE_STAGES) expect(DEFAULT_TIME_LIMITS.emergency[stage].unit).toMatch(/^natural_/);
  });

  it("defines every urgency × stage", () => {
    for (const urgency of CASE_URGENCIES) {
      for (const stage of CASE_STAGES) expect(DEFAULT_TIME_LIMITS[urgency][stage].amount).toBeGreaterThan(0);
    }
  });
});

describe("deadlineFor", () => {
  it("emergency: handle 2 natural hours across midnight on a holiday", () => {
    expect(deadlineFor("handle", "emergency", at("2026-10-01 23:00"), cal)).toEqual(at("2026-10-02 01:00"));
    expect(deadlineFor("accept", "emergency", at("2026-03-09 23:55"), cal)).toEqual(at("2026-03-10 00:05"));
    expect(deadlineFor("dispatch", "emergency", at("2026-03-07 12:00"), cal)).toEqual(at("2026-03-07 12:30"));
    expect(deadlineFor("verify", "emergency", at("2026-03-07 23:00"), cal)).toEqual(at("2026-03-08 01:00"));
  });

  it("urgent: 24 natural hours over a weekend, accept and dispatch in natural time too", () => {
    expect(deadlineFor("handle", "urgent", at("2026-03-06 20:00"), cal)).toEqual(at("2026-03-07 20:00"));
    expect(deadlineFor("accept", "urgent", at("2026-03-07 21:00"), cal)).toEqual(at("2026-03-07 21:30"));
    expect(deadlineFor("dispatch", "urgent", at("2026-03-07 21:00"), cal)).toEqual(at("2026-03-07 23:00"));
    // verify: 1 working day after Saturday 3/7 → Monday 3/9 17:00.
    expect(deadlineFor("verify", "urgent", at("2026-03-07 21:00"), cal)).toEqual(at("2026-03-09 17:00"));
  });

  it("general: 7 working days across 国庆, 30 working minutes to accept, 2 working hours to dispatch", () => {
    expect(deadlineFor("handle", "general", at("2026-09-30 10:00"), cal)).toEqual(at("2026-10-15 17:00"));
    // Fri 16:50–17:00 = 10, Mon 09:00 + 20.
    expect(deadlineFor("accept", "general", at("2026-03-06 16:50"), cal)).toEqual(at("2026-03-09 09:20"));
    expect(deadlineFor("dispatch", "general", at("2026-03-06 16:00"), cal)).toEqual(at("2026-03-09 10:00"));
    expect(deadlineFor("verify", "general", at("2026-03-06 11:00"), cal)).toEqual(at("2026-03-09 17:00"));
  });

  it("complex: 15 working days from Mon 2026-03-02 → Mon 3/23 17:00", () => {
    // 3/3–3/6 = 4, 3/9–3/13 = 9, 3/16–3/20 = 14, 3/23 = 15.
    expect(deadlineFor("handle", "complex", at("2026-03-02 10:00"), cal)).toEqual(at("2026-03-23 17:00"));
  });

  it("an override replaces only its own cell", () => {
    const overrides = { general: { handle: { amount: 5, unit: "working_days" } } } as const;
    // 10/8 1, 10/9 2, 10/10 (调休) 3, 10/12 4, 10/13 5.
    expect(deadlineFor("handle", "general", at("2026-09-30 10:00"), cal, overrides)).toEqual(at("2026-10-13 17:00"));
    expect(limitFor("accept", "general", overrides)).toEqual({ amount: 30, unit: "working_minutes" });
    expect(limitFor("handle", "complex", overrides)).toEqual({ amount: 15, unit: "working_days" });
  });
});
