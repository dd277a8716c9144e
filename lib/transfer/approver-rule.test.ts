import { describe, expect, it } from "vitest";
import { isApproverByRule } from "./approver-rule";

describe("who approves for a side", () => {
  it("is only the named accounts where a department names any, whatever their area", () => {
    const named = [11, 12];
    expect(isApproverByRule({ named, userId: 12, approveScope: [], departmentPath: "1.2" })).toBe(true);
    expect(isApproverByRule({ named, userId: 13, approveScope: ["1"], departmentPath: "1.2" })).toBe(false);
    expect(isApproverByRule({ named, userId: null, approveScope: ["1"], departmentPath: "1.2" })).toBe(false);
  });

  it("falls back to the leads whose area holds the department's region", () => {
    expect(isApproverByRule({ named: [], userId: 1, approveScope: ["1.2"], departmentPath: "1.2.3" })).toBe(true);
    expect(isApproverByRule({ named: [], userId: 1, approveScope: ["1.2"], departmentPath: "1.2" })).toBe(true);
    expect(isApproverByRule({ named: [], userId: 1, approveScope: ["1.2.3"], departmentPath: "1.2" })).toBe(false);
    expect(isApproverByRule({ named: [], userId: 1, approveScope: ["1.4"], departmentPath: "1.2.3" })).toBe(false);
  });
});
