import { describe, expect, it } from "vitest";
import { mobileRefusalFor } from "./mobile-refusal";

describe("mobileRefusalFor", () => {
  it("gives each phone page its header and its notice", () => {
    expect(mobileRefusalFor("/m")).toEqual({ title: "网格员工作台", message: "您的角色没有需要在手机上办理的案件。" });
    expect(mobileRefusalFor("/m/report")).toEqual({ title: "上报事件", back: { href: "/m" }, message: "您的角色无权上报事件。" });
    expect(mobileRefusalFor("/m/tasks/")).toEqual({ title: "我的任务", back: { href: "/m" }, message: "您的角色无权查看案件。" });
    expect(mobileRefusalFor("/m/cases/12")).toEqual({
      title: "基本信息",
      back: { href: "/m/tasks", label: "我的任务" },
      message: "您的角色无权查看案件。",
    });
  });
});
