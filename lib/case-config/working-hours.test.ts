import { describe, expect, it } from "vitest";
import { formatWorkingHours, parseWorkingHours, validWorkingHours } from "./working-hours";

describe("working hours as typed", () => {
  it("parses one or more ranges, with Chinese or ASCII separators", () => {
    expect(parseWorkingHours("09:00-17:00")).toEqual([[540, 1020]]);
    expect(parseWorkingHours("9:00-12:00，13:30至17:30")).toEqual([
      [540, 720],
      [810, 1050],
    ]);
    expect(parseWorkingHours(" 08:30 - 12:00 ; 14:00-18:00 ")).toEqual([
      [510, 720],
      [840, 1080],
    ]);
  });
  it("refuses empty, reversed, overlapping, unordered and malformed ranges", () => {
    expect(parseWorkingHours("")).toBeNull();
    expect(parseWorkingHours("17:00-09:00")).toBeNull();
    expect(parseWorkingHours("09:00-12:00, 11:00-17:00")).toBeNull();
    expect(parseWorkingHours("13:00-17:00, 09:00-12:00")).toBeNull();
    expect(parseWorkingHours("9点到5点")).toBeNull();
    expect(parseWorkingHours("09:00-25:00")).toBeNull();
  });
  it("round-trips through the stored form; midnight to midnight is allowed", () => {
    expect(
      formatWorkingHours([
        [540, 720],
        [810, 1050],
      ]),
    ).toBe("09:00-12:00, 13:30-17:30");
    expect(parseWorkingHours(formatWorkingHours([[0, 1440]]))).toEqual([[0, 1440]]);
    expect(validWorkingHours([[540, 540]])).toBe(false);
  });
});
