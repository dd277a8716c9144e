import { describe, expect, it } from "vitest";
import { ACTIONS, PERMISSIONS } from "./permissions";
import { ROLES } from "./roles";
import { scopeLiteral } from "../../db/queries/scope";
import { normalizeScope, scopeContains } from "./scope";
import { sessionCookie, sessionTokenFromCookieHeader } from "./session-token";
import { authorize, can } from "./authorize";
import { t } from "../i18n";

const actorWith = (...assignments: { role: (typeof ROLES)[number]; regionPath: string }[]) => ({
  actor: {
    userId: 1,
    username: "u",
    displayName: "u",
    sessionId: null,
    mustChangePassword: false,
    assignments: assignments.map((a) => ({ ...a, regionId: 1, regionName: "", regionLevel: a.regionPath.split(".").length - 1 })),
  },
});

describe("the permission table", () => {
  it("names every action's refusal in Chinese (never the generic 403 text)", () => {
    for (const action of ACTIONS) expect(t.auth.forbiddenAction[action], action).toMatch(/^您的/);
  });

  it("names only known roles and actions", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...ROLES].sort());
    for (const actions of Object.values(PERMISSIONS)) for (const a of actions) expect(ACTIONS).toContain(a);
  });

  it("keeps personal data from the analyst, the departments, HR, payroll and the administrator", () => {
    for (const role of ["analyst", "department_handler", "hr_clerk", "payroll_clerk", "system_admin"] as const) {
      expect(PERMISSIONS[role].filter((a) => a.startsWith("resident.") || a.startsWith("key_person."))).toEqual([]);
    }
  });

  it("lets only the district export unmasked, and only community level and up reveal key persons", () => {
    expect(ROLES.filter((r) => PERMISSIONS[r].includes("resident.export_unmasked"))).toEqual(["district_commander"]);
    expect(ROLES.filter((r) => PERMISSIONS[r].includes("key_person.reveal"))).toEqual([
      "district_commander",
      "street_operator",
      "community_head",
    ]);
    expect(ROLES.filter((r) => PERMISSIONS[r].includes("account.manage"))).toEqual(["system_admin"]);
    expect(PERMISSIONS.analyst).toEqual(expect.arrayContaining(["map.view", "region.export"]));
  });
});

describe("authorize", () => {
  it("gives the regions of the roles that allow the action, and FORBIDDEN when none does", () => {
    const ctx = actorWith({ role: "grid_worker", regionPath: "1.2.3.4.5" }, { role: "analyst", regionPath: "1.2" });
    expect(authorize(ctx, "resident.read")).toEqual(["1.2.3.4.5"]);
    expect(authorize(ctx, "map.view")).toEqual(["1.2"]);
    expect(() => authorize(ctx, "resident.export")).toThrowError(
      expect.objectContaining({ code: "FORBIDDEN", message: "您的角色无权导出居民信息。" }),
    );
    expect(can(ctx, "region.export")).toBe(true);
    expect(can(actorWith(), "map.view")).toBe(false);
  });
});

describe("scopes", () => {
  it("drop nested and repeated paths and check containment by whole labels", () => {
    expect(normalizeScope(["1.2.3", "1.2", "1.20", "1.2"])).toEqual(["1.2", "1.20"]);
    expect(scopeContains(["1.2"], "1.2.3")).toBe(true);
    expect(scopeContains(["1.2"], "1.20.3")).toBe(false);
    expect(scopeLiteral(["1.2", "3"])).toBe("{1.2,3}");
    expect(() => scopeLiteral(["1.2'); drop table x; --"])).toThrow(/invalid region path/);
  });
});

describe("the session cookie", () => {
  it("is HttpOnly and SameSite=Lax, and only a well-formed token is read back", () => {
    const token = "a".repeat(43);
    expect(sessionCookie(token, 3600, true)).toBe(
      `gridatlas_session=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600; Secure`,
    );
    expect(sessionTokenFromCookieHeader(`x=1; gridatlas_session=${token}; y=2`)).toBe(token);
    expect(sessionTokenFromCookieHeader("gridatlas_session=short")).toBeNull();
    expect(sessionTokenFromCookieHeader(null)).toBeNull();
  });
});
