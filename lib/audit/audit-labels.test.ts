import { describe, expect, it } from "vitest";
import { auditActionName, auditActionOptions, auditEntityName, auditFieldName, auditValue } from "./audit-labels";
import { summarizeChange } from "./summarize-change";

describe("audit labels", () => {
  it("names actions, the loop's steps and the kinds of thing changed in Chinese, and keeps unknown keys", () => {
    expect(auditActionName("account.create")).toBe("新建账户");
    expect(auditActionName("case.acknowledge")).toBe("案件·签收");
    expect(auditActionName("case_config.time_limit.update")).toBe("修改办理时限");
    expect(auditActionName("something.new")).toBe("something.new");
    expect(auditActionName("case.assess_risk")).toBe("评估案件风险（LEC）");
    expect(auditFieldName("resolution")).toBe("问题是否解决");
    expect(auditFieldName("emergencyPlan")).toBe("应急预案");
    expect(auditEntityName("app_user")).toBe("账户");
    expect(auditEntityName("case")).toBe("案件");
    expect(auditEntityName("toString")).toBe("toString");
    expect(auditFieldName("mustChangePassword")).toBe("须修改密码");
    expect(auditFieldName("constructor")).toBe("constructor");
  });

  it("shows booleans as 是/否 and known codes by their names", () => {
    expect(auditValue("disabled", true)).toBe("是");
    expect(auditValue("state", "dispatched")).toBe("已派遣");
    expect(auditValue("level", "street")).toBe("街道（镇）");
    expect(auditValue("urgency", "urgent")).toBe("紧急");
    expect(auditValue("role", "grid_worker")).toBe("网格员");
    expect(auditValue("resolution", "unresolved")).toBe("未解决");
    expect(auditValue("note", "dispatched")).toBe("dispatched");
    expect(auditValue("version", 3)).toBe(3);
  });

  it("summarizes a change with Chinese field names and values", () => {
    expect(
      summarizeChange(
        { state: "dispatched", level: "community", version: 3 },
        { state: "acknowledged", level: "community", version: 4 },
      ),
    ).toEqual(["状态: 已派遣 → 已签收", "版本: 3 → 4"]);
    expect(summarizeChange(null, { username: "zhangsan", disabled: false })).toEqual(["新建", "用户名: zhangsan", "已停用: 否"]);
  });

  it("offers every group and action once in the filter, and keeps a value from the URL", () => {
    const options = auditActionOptions();
    expect(options[0]).toEqual({ value: "account", label: "账户（全部操作）" });
    expect(options.find((o) => o.value === "case.acknowledge")?.label).toBe("\u3000案件·签收");
    expect(new Set(options.map((o) => o.value)).size).toBe(options.length);
    expect(auditActionOptions("legacy.thing").at(-1)).toEqual({ value: "legacy.thing", label: "legacy.thing" });
  });
});
