import { describe, expect, it } from "vitest";
import { assessRisk, checkRiskBands, lecValue, riskGrade } from "./risk";

describe("LEC risk, worked examples (default bands: < 70 一般, 70–160 重要, ≥ 160 重大)", () => {
  it.each([
    // l, e, c, D by hand, grade
    [0.1, 0.5, 1, 0.05, "general"], // the smallest possible D
    [10, 6, 1, 60, "general"],
    [0.1, 6, 100, 60, "general"], // 60.00000000000001 in floating point, stored as 60
    [3, 3, 7, 63, "general"], // the largest D below 70
    [10, 1, 7, 70, "important"], // exactly on the lower cut point
    [1, 10, 7, 70, "important"],
    [0.5, 10, 15, 75, "important"],
    [10, 1, 15, 150, "important"], // the largest D below 160
    [6, 2, 15, 180, "major"], // the smallest D above 160 (160 itself cannot be reached with the standard sets)
    [3, 6, 15, 270, "major"],
    [10, 10, 100, 10_000, "major"], // the largest possible D
  ] as const)("L %d × E %d × C %d = %d → %s", (l, e, c, d, grade) => {
    const result = assessRisk({ l, e, c });
    expect(result.d).toBe(d);
    expect(result.grade).toBe(grade);
  });

  it("alerts the street and the district at once, and asks for an emergency plan, only for 重大", () => {
    expect(assessRisk({ l: 6, e: 2, c: 15 })).toEqual({
      d: 180,
      grade: "major",
      needsEmergencyPlan: true,
      alertLevels: ["street", "district"],
    });
    expect(assessRisk({ l: 10, e: 1, c: 15 })).toEqual({
      d: 150,
      grade: "important",
      needsEmergencyPlan: false,
      alertLevels: [],
    });
    expect(assessRisk({ l: 1, e: 1, c: 1 })).toEqual({ d: 1, grade: "general", needsEmergencyPlan: false, alertLevels: [] });
  });

  it("uses configured bands, cut points belonging to the higher grade", () => {
    const bands = { importantFrom: 60, majorFrom: 150 };
    expect(assessRisk({ l: 3, e: 1, c: 15, bands })).toMatchObject({ d: 45, grade: "general" });
    expect(assessRisk({ l: 0.1, e: 6, c: 100, bands })).toMatchObject({ d: 60, grade: "important" });
    expect(assessRisk({ l: 10, e: 1, c: 15, bands })).toMatchObject({
      d: 150,
      grade: "major",
      alertLevels: ["street", "district"],
    });
    expect(riskGrade(159.99)).toBe("important");
    expect(riskGrade(160)).toBe("major");
    expect(riskGrade(69.99)).toBe("general");
  });

  it("refuses values outside the standard sets", () => {
    expect(() => assessRisk({ l: 2, e: 1, c: 1 })).toThrow(
      expect.objectContaining({ code: "VALIDATION", message: "可能性（L）的取值必须是以下之一：0.1、0.2、0.5、1、3、6、10。" }),
    );
    expect(() => assessRisk({ l: 1, e: 4, c: 1 })).toThrow(expect.objectContaining({ code: "VALIDATION" }));
    expect(() => assessRisk({ l: 1, e: 1, c: 50 })).toThrow(expect.objectContaining({ code: "VALIDATION" }));
  });

  it("refuses bands that are not increasing and positive", () => {
    expect(() => checkRiskBands({ importantFrom: 160, majorFrom: 70 })).toThrow(expect.objectContaining({ code: "VALIDATION" }));
    expect(() => checkRiskBands({ importantFrom: 100, majorFrom: 100 })).toThrow(expect.objectContaining({ code: "VALIDATION" }));
    expect(() => checkRiskBands({ importantFrom: 0, majorFrom: 100 })).toThrow(expect.objectContaining({ code: "VALIDATION" }));
    expect(() => checkRiskBands({ importantFrom: 70, majorFrom: Number.NaN })).toThrow(
      expect.objectContaining({ code: "VALIDATION" }),
    );
    expect(checkRiskBands({ importantFrom: 70, majorFrom: 160 })).toEqual({ importantFrom: 70, majorFrom: 160 });
  });

  it("D is the product as computed by hand, the one value the phone's form and the server both show", () => {
    expect(lecValue(0.1, 6, 100)).toBe(60);
    expect(lecValue(0.5, 0.5, 1)).toBe(0.25);
    expect(lecValue(0.2, 0.5, 7)).toBe(0.7);
    expect(lecValue(3, 6, 15)).toBe(270);
  });
});
