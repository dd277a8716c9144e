import { describe, expect, it } from "vitest";
import { maskAuditValue } from "./mask-audit-values";

describe("maskAuditValue", () => {
  it("masks numbers typed into texts and reporters' names, at any depth, and leaves the rest", () => {
    expect(
      maskAuditValue({
        description: "来电人身份证11010519491231002X，电话13812345678",
        reporterName: "欧阳娜娜",
        reporterPhone: "138****5678",
        urgency: "urgent",
        version: 3,
        orderNo: "GD2026120300012",
        fields: ["content", { note: "回电0571-87654321" }],
        closedAt: null,
      }),
    ).toEqual({
      description: "来电人身份证110105********002X，电话138****5678",
      reporterName: "欧阳**",
      reporterPhone: "138****5678",
      urgency: "urgent",
      version: 3,
      orderNo: "GD2026120300012",
      fields: ["content", { note: "回电0571-******21" }],
      closedAt: null,
    });
    expect(maskAuditValue("13812345678")).toBe("138****5678");
    expect(maskAuditValue(null)).toBeNull();
  });
});
