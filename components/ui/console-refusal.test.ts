import { describe, expect, it } from "vitest";
import { refusalFor } from "./console-refusal";

describe("refusalFor", () => {
  it("says, in each page's words, who may open it", () => {
    expect(refusalFor("/audit")).toBe("您的角色无权查看审计日志。审计日志仅对具有审计权限的角色开放。");
    expect(refusalFor("/cases")).toBe("您的角色不能查看案件。");
    expect(refusalFor("/cases/rates")).toBe("您的角色不能查看案件统计。");
    expect(refusalFor("/admin/case-config/limits")).toBe(
      "只有具备案件配置权限的角色（区级指挥中心、系统管理员）可以修改这些设置。",
    );
    expect(refusalFor("/hotline/imports/12")).toBe("只有街道分中心和区级指挥中心可以导入 12345 工单、处理待定位工单和导出回复。");
    expect(refusalFor("/residents/7/")).toBe("您的角色无权查看居民信息。");
    expect(refusalFor("/topology")).toBe("您的角色无权查看拓扑检查。");
    expect(refusalFor("/exports")).toBe("您的角色没有导出权限。如需导出居民名单或区域统计，请联系系统管理员。");
  });

  it("falls back to the general refusal where no page names one (a case, an unknown path)", () => {
    expect(refusalFor("/cases/123")).toBe("您没有权限执行此操作。");
    expect(refusalFor("/casesx")).toBe("您没有权限执行此操作。");
    expect(refusalFor("/")).toBe("您没有权限执行此操作。");
  });
});
