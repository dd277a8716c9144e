import { describe, expect, it } from "vitest";
import { effectiveDateProblem, gridRoleFitsLevel, isDue, isSamePlace, stateAfterDecision } from "./rules";

describe("the effective day of a transfer", () => {
  it("may lie up to 30 days back and 366 ahead of today, not one day more", () => {
    expect(effectiveDateProblem("2026-11-04", "2026-12-04")).toBeNull();
    expect(effectiveDateProblem("2026-11-03", "2026-12-04")).toBe("生效日期不能早于 30 天前。");
    expect(effectiveDateProblem("2027-12-05", "2026-12-04")).toBeNull();
    expect(effectiveDateProblem("2027-12-06", "2026-12-04")).toBe("生效日期不能晚于 366 天后。");
  });

  it("is due on the day itself and after, not the day before", () => {
    expect([isDue("2026-12-04", "2026-12-03"), isDue("2026-12-04", "2026-12-04"), isDue("2026-12-04", "2026-12-05")]).toEqual([
      false,
      true,
      true,
    ]);
  });
});

describe("a transfer to where the person already is", () => {
  const here = { departmentId: 1, positionId: 2, post: { regionId: 3, gridRole: "full_time" as const } };
  it("is the same department, position and post; any one difference is a move", () => {
    expect(isSamePlace(here, { ...here, post: { regionId: 3, gridRole: "full_time" } })).toBe(true);
    expect(isSamePlace(here, { ...here, post: { regionId: 4, gridRole: "full_time" } })).toBe(false);
    expect(isSamePlace(here, { ...here, post: { regionId: 3, gridRole: "part_time" } })).toBe(false);
    expect(isSamePlace(here, { ...here, post: null })).toBe(false);
    expect(isSamePlace(here, { ...here, departmentId: 9 })).toBe(false);
    expect(isSamePlace({ ...here, post: null }, { ...here, post: null })).toBe(true);
  });
});

describe("grid roles and levels", () => {
  it("puts 网格员 on basic grids and 网格长 on 大片区, 社区 and 小区 grids", () => {
    expect([0, 1, 2, 3, 4].map((l) => gridRoleFitsLevel("full_time", l))).toEqual([false, false, false, false, true]);
    expect([0, 1, 2, 3, 4].map((l) => gridRoleFitsLevel("part_time", l))).toEqual([false, false, false, false, true]);
    expect([0, 1, 2, 3, 4].map((l) => gridRoleFitsLevel("grid_head", l))).toEqual([false, true, true, true, false]);
  });
});

describe("the state after a side decides", () => {
  it("rejects on any no, approves on the second yes, else waits", () => {
    expect(stateAfterDecision("approved", null)).toBe("pending");
    expect(stateAfterDecision("approved", "approved")).toBe("approved");
    expect(stateAfterDecision("rejected", null)).toBe("rejected");
    expect(stateAfterDecision("rejected", "approved")).toBe("rejected");
  });
});
