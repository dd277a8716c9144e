import { describe, expect, it } from "vitest";
import { staffFilterParams, staffFilterQuery } from "./staff-filter-params";

describe("staff filter parameters", () => {
  it("keeps the known keys, the first of repeated values, and drops blanks", () => {
    expect(staffFilterParams({ department: "12", q: ["50%", "x"], rank: " ", other: "1", after: "A-1" })).toEqual({
      department: "12",
      q: "50%",
    });
  });
  it("encodes % and _ so they come back as typed", () => {
    const query = staffFilterQuery({ q: "50%_a", department: "3", status: undefined });
    expect(query).toBe("q=50%25_a&department=3");
    expect(new URLSearchParams(query).get("q")).toBe("50%_a");
  });
});
