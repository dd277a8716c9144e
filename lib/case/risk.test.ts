import { describe, expect, it } from "vitest";
import type { CaseActorFacts } from "./case-transitions";
import {
  alertOnAssessment,
  assessRisk,
  checkEmergencyPlan,
  checkRiskBands,
  lecValue,
  riskAssessmentRefusal,
  riskFilingProblem,
  riskGrade,
  riskNoticeMessage,
} from "./risk";

describe("LEC risk, worked examples (default bands: < 70 一般, 70–160 重要, ≥ 160 重大)", () => {
  it.each([
    // l, e, c, D by hand, grade
    [0.1, 0.5, 1, 0.05, "general"], // the smallest possible D
    [10, 6, 1, 60, "general"],
    [0.1, 6, 100, 60, "general"], // 60.00000000000001 in floating point, stored as 60
    [3, 3, 7, 63, "general"], // the largest D below 70
    [10, 1, 7, 70, "important"], // exactly on the lower cut point
    [1, 10, 7, 70, "important"],
    [0.5, 10, 15, 75, "important"],
    [10, 1, 15, 150, "important"], // the largest D below 160
    [6, 2, 15, 180, "major"], // the smallest D above 160 (160 itself cannot be reached with the standard sets)
    [3, 6, 15, 270, "major"],
    [10, 10, 100, 10_000, "major"], // the largest possible D
  ] as const)("L %d × E %d × C %d = %d → %s", (l, e, c, d, grade) => {
    const result = assessRisk({ l, e, c });
    expect(result.d).toBe(d);
    expect(result.grade).toBe(grade);
  });

  it("every grade warns: 一般 an info note to the community, 重要 a warning to community and street, 重大 an alert to street and district with an emergency plan", () => {
    expect(assessRisk({ l: 6, e: 2, c: 15 })).toEqual({
      d: 180,
      grade: "major",
      needsEmergencyPlan: true,
      alert: { kind: "major_risk", levels: ["street", "district"] },
      alertLevels: ["street", "district"],
    });
    expect(assessRisk({ l: 10, e: 1, c: 15 })).toEqual({
      d: 150,
      grade: "important",
      needsEmergencyPlan: false,
      alert: { kind: "risk_warning", levels: ["community", "street"] },
      alertLevels: ["community", "street"],
    });
    expect(assessRisk({ l: 1, e: 1, c: 1 })).toEqual({
      d: 1,
      grade: "general",
      needsEmergencyPlan: false,
      alert: { kind: "risk_info", levels: ["community"] },
      alertLevels: ["community"],
    });
    expect(riskNoticeMessage("risk_info", "SJ1")).toBe("一般风险告知：案件 SJ1 风险等级为「一般」，请按常规跟进。");
    expect(riskNoticeMessage("risk_warning", "SJ1")).toBe(
      "重要风险提示：案件 SJ1 风险等级为「重要」，请社区、街道加强关注并跟进化解。",
    );
    expect(riskNoticeMessage("major_risk", "SJ1")).toBe("重大风险预警：案件 SJ1 风险等级为「重大」，请立即启动应急预案。");
  });

  it("uses configured bands, cut points belonging to the higher grade", () => {
    const bands = { importantFrom: 60, majorFrom: 150 };
    expect(assessRisk({ l: 3, e: 1, c: 15, bands })).toMatchObject({ d: 45, grade: "general" });
    expect(assessRisk({ l: 0.1, e: 6, c: 100, bands })).toMatchObject({ d: 60, grade: "important" });
    expect(assessRisk({ l: 10, e: 1, c: 15, bands })).toMatchObject({
      d: 150,
      grade: "major",
      alertLevels: ["street", "district"],
    });
    expect(riskGrade(159.99)).toBe("important");
    expect(riskGrade(160)).toBe("major");
    expect(riskGrade(69.99)).toBe("general");
  });

  it("refuses values outside the standard sets", () => {
    expect(() => assessRisk({ l: 2, e: 1, c: 1 })).toThrow(
      expect.objectContaining({ code: "VALIDATION", message: "可能性（L）的取值必须是以下之一：0.1、0.2、0.5、1、3、6、10。" }),
    );
    expect(() => assessRisk({ l: 1, e: 4, c: 1 })).toThrow(expect.objectContaining({ code: "VALIDATION" }));
    expect(() => assessRisk({ l: 1, e: 1, c: 50 })).toThrow(expect.objectContaining({ code: "VALIDATION" }));
  });

  it("refuses bands that are not increasing and positive", () => {
    expect(() => checkRiskBands({ importantFrom: 160, majorFrom: 70 })).toThrow(expect.objectContaining({ code: "VALIDATION" }));
    expect(() => checkRiskBands({ importantFrom: 100, majorFrom: 100 })).toThrow(expect.objectContaining({ code: "VALIDATION" }));
    expect(() => checkRiskBands({ importantFrom: 0, majorFrom: 100 })).toThrow(expect.objectContaining({ code: "VALIDATION" }));
    expect(() => checkRiskBands({ importantFrom: 70, majorFrom: Number.NaN })).toThrow(
      expect.objectContaining({ code: "VALIDATION" }),
    );
    expect(checkRiskBands({ importantFrom: 70, majorFrom: 160 })).toEqual({ importantFrom: 70, majorFrom: 160 });
  });

  it("D is the product as computed by hand, the one value the phone's form and the server both show", () => {
    expect(lecValue(0.1, 6, 100)).toBe(60);
    expect(lecValue(0.5, 0.5, 1)).toBe(0.25);
    expect(lecValue(0.2, 0.5, 7)).toBe(0.7);
    expect(lecValue(3, 6, 15)).toBe(270);
  });
});

describe("risk rules around the case", () => {
  it("a 重大 risk needs an emergency plan; others may carry one; the plan is stored trimmed", () => {
    expect(() => checkEmergencyPlan("major", null)).toThrow(
      expect.objectContaining({ code: "VALIDATION", message: "风险等级为「重大」时必须填写应急预案。" }),
    );
    expect(() => checkEmergencyPlan("major", "   ")).toThrow(expect.objectContaining({ code: "VALIDATION" }));
    expect(checkEmergencyPlan("major", " 一、疏散群众 ")).toBe("一、疏散群众");
    expect(checkEmergencyPlan("important", "")).toBeNull();
    expect(checkEmergencyPlan("general", "备用方案")).toBe("备用方案");
    expect(() => checkEmergencyPlan("general", "字".repeat(4001))).toThrow(
      expect.objectContaining({ message: "应急预案不能超过 4000 个字符。" }),
    );
  });

  it("a dispute or hazard is filed only with its assessment, a 重大 one only with its plan", () => {
    expect(riskFilingProblem({ riskAssessed: false, grade: null, emergencyPlan: null })).toBeNull();
    expect(riskFilingProblem({ riskAssessed: true, grade: null, emergencyPlan: null })).toBe(
      "矛盾纠纷、问题隐患类案件须先完成风险评估（LEC）才能立案，请在案件详情中填写风险评估。",
    );
    expect(riskFilingProblem({ riskAssessed: true, grade: "major", emergencyPlan: null })).toBe(
      "该案件风险等级为「重大」，须先填写应急预案才能立案。",
    );
    expect(riskFilingProblem({ riskAssessed: true, grade: "major", emergencyPlan: "预案" })).toBeNull();
    expect(riskFilingProblem({ riskAssessed: true, grade: "general", emergencyPlan: null })).toBeNull();
  });

  it("a first assessment or a change of grade alerts; a revision inside the grade does not alert again", () => {
    expect(alertOnAssessment(null, "general")).toEqual({ kind: "risk_info", levels: ["community"] });
    expect(alertOnAssessment("general", "major")).toEqual({ kind: "major_risk", levels: ["street", "district"] });
    expect(alertOnAssessment("major", "important")).toEqual({ kind: "risk_warning", levels: ["community", "street"] });
    expect(alertOnAssessment("important", "important")).toBeNull();
  });

  it("only an office (operator or dispatcher) assesses, on a dispute or hazard still open", () => {
    const office: CaseActorFacts = { userId: 1, unitIds: [], grants: [{ kind: "operator", level: "community" }] };
    const worker: CaseActorFacts = { userId: 2, unitIds: [], grants: [{ kind: "verifier", level: "grid" }] };
    expect(riskAssessmentRefusal({ actor: office, riskAssessed: true, state: "reported" })).toBeNull();
    expect(riskAssessmentRefusal({ actor: office, riskAssessed: true, state: "acknowledged" })).toBeNull();
    expect(riskAssessmentRefusal({ actor: worker, riskAssessed: true, state: "reported" })).toMatchObject({ code: "FORBIDDEN" });
    expect(riskAssessmentRefusal({ actor: office, riskAssessed: false, state: "reported" })).toMatchObject({
      code: "VALIDATION",
    });
    for (const state of ["closed", "evaluated", "cancelled"])
      expect(riskAssessmentRefusal({ actor: office, riskAssessed: true, state })).toMatchObject({ code: "CONFLICT" });
  });
});
