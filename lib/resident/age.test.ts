import { describe, expect, it } from "vitest";
import { ageOn } from "./age";

describe("ageOn", () => {
  it("counts full years", () => {
    expect(ageOn("1990-05-20", new Date(2026, 4, 19))).toBe(35);
    expect(ageOn("1990-05-20", new Date(2026, 4, 20))).toBe(36);
    expect(ageOn("2000-02-29", new Date(2026, 1, 28))).toBe(25);
    expect(ageOn("2000-02-29", new Date(2026, 2, 1))).toBe(26);
  });
  it("counts the birthday from midnight in Beijing, not on the server's clock", () => {
    // 2026-05-20 00:30 in Beijing is still 05-19 in UTC
    expect(ageOn("1990-05-20", new Date("2026-05-19T16:30:00Z"))).toBe(36);
    expect(ageOn("1990-05-20", new Date("2026-05-19T15:59:00Z"))).toBe(35);
  });
  it("is never negative", () => {
    expect(ageOn("2030-01-01", new Date(2026, 0, 1))).toBe(0);
  });
});
