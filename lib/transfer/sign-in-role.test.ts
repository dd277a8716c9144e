import { describe, expect, it } from "vitest";
import { derivedSignIn, sameSignIn } from "./sign-in-role";

const office = { kind: "grid_office", regionId: 20, caseUnitId: null };

describe("the sign-in a placement gives", () => {
  it("makes a 专职 or 兼职网格员 a grid worker on the grid", () => {
    expect(derivedSignIn({ post: { regionId: 400, regionLevel: 4, gridRole: "full_time" }, department: office })).toEqual({
      role: "grid_worker",
      regionId: 400,
      caseUnitId: null,
    });
    expect(derivedSignIn({ post: { regionId: 401, regionLevel: 4, gridRole: "part_time" }, department: office })?.role).toBe(
      "grid_worker",
    );
  });

  it("makes a 网格长 the head of the grid's level", () => {
    const head = (level: number) =>
      derivedSignIn({ post: { regionId: 7, regionLevel: level, gridRole: "grid_head" }, department: office });
    expect([head(1)?.role, head(2)?.role, head(3)?.role]).toEqual(["street_operator", "community_head", "xiaoqu_head"]);
  });

  it("makes someone without a post in a bureau its department handler, acting for its case unit; an office gives nothing", () => {
    expect(derivedSignIn({ post: null, department: { kind: "bureau", regionId: 1, caseUnitId: 5 } })).toEqual({
      role: "department_handler",
      regionId: 1,
      caseUnitId: 5,
    });
    expect(derivedSignIn({ post: null, department: office })).toBeNull();
  });

  it("compares two sign-ins by role, region and unit", () => {
    const a = { role: "grid_worker" as const, regionId: 1, caseUnitId: null };
    expect([sameSignIn(a, { ...a }), sameSignIn(a, { ...a, regionId: 2 }), sameSignIn(null, null), sameSignIn(a, null)]).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });
});
