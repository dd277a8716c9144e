import { describe, expect, it } from "vitest";
import { landingPathFor, LANDING_BY_ROLE } from "./landing";
import { roleAllows } from "./permissions";
import { ROLES } from "./roles";

describe("landingPathFor", () => {
  it("sends each demo role to a page of its own", () => {
    expect(landingPathFor(["district_commander"])).toBe("/");
    expect(landingPathFor(["grid_worker"])).toBe("/");
    expect(landingPathFor(["department_handler"])).toBe("/inbox");
    expect(landingPathFor(["analyst"])).toBe("/cases/rates");
    expect(landingPathFor(["system_admin"])).toBe("/admin/accounts");
    expect(landingPathFor(["hr_clerk"])).toBe("/org");
    expect(landingPathFor(["payroll_clerk"])).toBe("/welcome");
    expect(landingPathFor([])).toBe("/welcome");
  });

  it("lets the working role win for an account with several", () => {
    expect(landingPathFor(["system_admin", "street_operator"])).toBe("/");
    expect(landingPathFor(["payroll_clerk", "analyst"])).toBe("/cases/rates");
  });

  it("never lands a role on a page it may not open (the map needs map.view)", () => {
    for (const role of ROLES) {
      const path = LANDING_BY_ROLE[role];
      if (path === "/") expect(roleAllows(role, "map.view"), role).toBe(true);
      if (path === "/cases/rates" || path === "/inbox") expect(roleAllows(role, "case.read"), role).toBe(true);
      if (path === "/admin/accounts") expect(roleAllows(role, "account.manage"), role).toBe(true);
      if (path === "/org") expect(roleAllows(role, "staff.read"), role).toBe(true);
    }
  });
});
