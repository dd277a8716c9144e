import { describe, expect, it } from "vitest";
import { isSystemEvent } from "./system-event";

describe("isSystemEvent", () => {
  it("is the system's own work: automatic actions and the system actors, without an account", () => {
    expect(isSystemEvent({ actorUserId: null, actorName: "系统（派遣规则）", action: "auto_dispatch" })).toBe(true);
    expect(isSystemEvent({ actorUserId: null, actorName: "系统（派遣规则）", action: "escalate" })).toBe(true);
    expect(isSystemEvent({ actorUserId: null, actorName: "系统（时限监控）", action: "auto_escalate" })).toBe(true);
    expect(isSystemEvent({ actorUserId: null, actorName: "系统", action: "file" })).toBe(true);
  });
  it("is a person's work whenever an account acted, whatever the name says", () => {
    expect(isSystemEvent({ actorUserId: 7, actorName: "系统管理员", action: "file" })).toBe(false);
    expect(isSystemEvent({ actorUserId: 7, actorName: "系统", action: "dispatch" })).toBe(false);
  });
  it("is not the system for reports that came in through imports or Open311, or people named in demo data", () => {
    expect(isSystemEvent({ actorUserId: null, actorName: "12345热线（张三导入）", action: "report" })).toBe(false);
    expect(isSystemEvent({ actorUserId: null, actorName: "Open311（市民 App）", action: "report" })).toBe(false);
    expect(isSystemEvent({ actorUserId: null, actorName: "王丽", action: "dispatch" })).toBe(false);
  });
});
