import { DomainError } from "../errors";
import { caseLoop } from "../i18n/zh-CN/case-loop";
import type { CaseLevel } from "./case-states";
import type { CaseActorFacts } from "./case-transitions";

/**
 * Risk of a dispute (矛盾纠纷) or hazard (问题隐患) by the LEC method (作业条件危险性评价法, DOMAIN.md "Risk"):
 * D = L × E × C, likelihood × exposure × consequence, each picked from the standard value set.
 *
 * The standard method has five bands (D > 320 极其危险, 160–320 高度危险, 70–160 显著危险, 20–70 一般危险,
 * < 20 稍有危险). The three grades the product uses fold them at the same cut points:
 *   一般 (general)    D < 70         (稍有危险, 一般危险)
 *   重要 (important)  70 ≤ D < 160   (显著危险)
 *   重大 (major)      D ≥ 160        (高度危险, 极其危险)
 * A value on a cut point belongs to the higher grade. The cut points are configurable (RiskBands).
 *
 * Every grade warns someone (RISK_ALERTS): 一般 an info note to the community, 重要 a warning to the community
 * and the street, 重大 an alert to the street and the district. A 重大 risk also needs an emergency plan
 * (应急预案). The assessment is REQUIRED for disputes and hazards before the case is filed (立案): the office
 * that accepts the case checks the report and the risk together, and every later step (dispatch, handling)
 * then knows the grade; a phone report may carry it already, the console's case page sets it otherwise. It
 * can be revised while the case is open; each revision writes a timeline row keeping the old value.
 */

/** L, likelihood of the incident (事故发生的可能性). */
export const LEC_LIKELIHOOD = [0.1, 0.2, 0.5, 1, 3, 6, 10] as const;
/** E, how often people are exposed (暴露于危险环境的频繁程度). */
export const LEC_EXPOSURE = [0.5, 1, 2, 3, 6, 10] as const;
/** C, how bad the consequence would be (发生事故产生的后果). */
export const LEC_CONSEQUENCE = [1, 3, 7, 15, 40, 100] as const;

export type LecLikelihood = (typeof LEC_LIKELIHOOD)[number];
export type LecExposure = (typeof LEC_EXPOSURE)[number];
export type LecConsequence = (typeof LEC_CONSEQUENCE)[number];

export type RiskGrade = "general" | "important" | "major";

/** Cut points of the grades: D ≥ importantFrom is 重要, D ≥ majorFrom is 重大. *configurable* */
export type RiskBands = { importantFrom: number; majorFrom: number };

export const DEFAULT_RISK_BANDS: RiskBands = { importantFrom: 70, majorFrom: 160 };

/** The notice a grade sends and the levels it goes to, whatever the case's own level. */
export type RiskAlert = { kind: "risk_info" | "risk_warning" | "major_risk"; levels: readonly CaseLevel[] };

export const RISK_ALERTS: { readonly [G in RiskGrade]: RiskAlert } = {
  general: { kind: "risk_info", levels: ["community"] },
  important: { kind: "risk_warning", levels: ["community", "street"] },
  major: { kind: "major_risk", levels: ["street", "district"] },
};

/** The levels a major risk alerts at once, whatever the case's own level. */
export const MAJOR_RISK_ALERT_LEVELS: readonly CaseLevel[] = RISK_ALERTS.major.levels;

/** Longest emergency plan kept (the column's check). */
export const EMERGENCY_PLAN_MAX_LENGTH = 4000;

export type RiskAssessment = {
  /** D = L × E × C, rounded to two decimals (the sets have at most one decimal each, so D has at most two). */
  d: number;
  grade: RiskGrade;
  /** 重大 needs an emergency plan (应急预案). */
  needsEmergencyPlan: boolean;
  /** The notice of the grade (RISK_ALERTS). */
  alert: RiskAlert;
  /** Levels to alert immediately (the alert's levels). */
  alertLevels: readonly CaseLevel[];
};

function checkFactor(value: number, allowed: readonly number[], label: string) {
  if (!allowed.includes(value)) throw new DomainError("VALIDATION", caseLoop.errors.lecValueInvalid(label, allowed.join("、")));
}

/**
 * D = L × E × C as a person computes it by hand. Binary floating point turns 0.1 × 6 × 100 into
 * 60.00000000000001; rounding to two decimals (the sets have at most one decimal each) gives the stored and
 * shown value, and a product meant to sit on a cut point sits on it. Pure: the phone's form shows it too.
 */
export function lecValue(l: number, e: number, c: number): number {
  return Math.round(l * e * c * 100) / 100;
}

/** Checks configured bands: both positive and finite, and major above important. */
export function checkRiskBands(bands: RiskBands): RiskBands {
  const { importantFrom, majorFrom } = bands;
  if (!(Number.isFinite(importantFrom) && Number.isFinite(majorFrom) && importantFrom > 0 && majorFrom > importantFrom)) {
    throw new DomainError("VALIDATION", caseLoop.errors.riskBandsInvalid);
  }
  return bands;
}

/** The grade of a risk value under the given bands (cut points belong to the higher grade). */
export function riskGrade(d: number, bands: RiskBands = DEFAULT_RISK_BANDS): RiskGrade {
  checkRiskBands(bands);
  if (d >= bands.majorFrom) return "major";
  if (d >= bands.importantFrom) return "important";
  return "general";
}

/** LEC risk of one dispute or hazard: its value, grade and who must be alerted. */
export function assessRisk(args: { l: number; e: number; c: number; bands?: RiskBands }): RiskAssessment {
  const { l, e, c, bands = DEFAULT_RISK_BANDS } = args;
  checkFactor(l, LEC_LIKELIHOOD, "可能性（L）");
  checkFactor(e, LEC_EXPOSURE, "暴露频率（E）");
  checkFactor(c, LEC_CONSEQUENCE, "后果（C）");
  const d = lecValue(l, e, c);
  const grade = riskGrade(d, bands);
  const alert = RISK_ALERTS[grade];
  return { d, grade, needsEmergencyPlan: grade === "major", alert, alertLevels: alert.levels };
}

/**
 * The emergency plan as stored: trimmed, null when empty. A 重大 risk without one is refused, and so is a plan
 * longer than the column holds.
 */
export function checkEmergencyPlan(grade: RiskGrade, plan: string | null | undefined): string | null {
  const text = plan?.trim() || null;
  if (grade === "major" && text === null) throw new DomainError("VALIDATION", caseLoop.errors.emergencyPlanRequired);
  if (text !== null && text.length > EMERGENCY_PLAN_MAX_LENGTH)
    throw new DomainError("VALIDATION", caseLoop.errors.emergencyPlanTooLong(EMERGENCY_PLAN_MAX_LENGTH));
  return text;
}

/**
 * Why a case may not be filed (立案) yet for its risk, or null: a dispute or hazard needs its LEC assessment,
 * and a 重大 one its emergency plan.
 */
export function riskFilingProblem(args: {
  riskAssessed: boolean;
  grade: string | null;
  emergencyPlan: string | null;
}): string | null {
  if (!args.riskAssessed) return null;
  if (args.grade === null) return caseLoop.errors.riskRequiredToFile;
  if (args.grade === "major" && !args.emergencyPlan?.trim()) return caseLoop.errors.emergencyPlanRequiredToFile;
  return null;
}

/**
 * The notice a (re)assessment sends: the alert of the new grade when the case had none or had another grade;
 * a revision inside the same grade alerts nobody again.
 */
export function alertOnAssessment(previousGrade: RiskGrade | null, grade: RiskGrade): RiskAlert | null {
  return previousGrade === grade ? null : RISK_ALERTS[grade];
}

/** The text of a risk notice. */
export function riskNoticeMessage(kind: RiskAlert["kind"], caseNumber: string): string {
  const system = caseLoop.system;
  if (kind === "major_risk") return system.majorRiskNotice(caseNumber);
  return kind === "risk_warning" ? system.riskWarningNotice(caseNumber) : system.riskInfoNotice(caseNumber);
}

/** States in which the risk can no longer change: the case is over. */
const RISK_FINAL_STATES: readonly string[] = ["closed", "evaluated", "cancelled"];

/**
 * Whether an actor may set or revise the risk of a case now: the offices that accept and dispatch cases (an
 * operator or dispatcher grant over the case's place), while the case is open; a dispute or hazard only.
 * Returns the reason when not (Chinese, safe to show) and its code.
 */
export function riskAssessmentRefusal(args: {
  actor: CaseActorFacts;
  riskAssessed: boolean;
  state: string;
}): { code: "FORBIDDEN" | "VALIDATION" | "CONFLICT"; message: string } | null {
  if (!args.actor.grants.some((g) => g.kind === "operator" || g.kind === "dispatcher"))
    return { code: "FORBIDDEN", message: caseLoop.errors.riskForbidden };
  if (!args.riskAssessed) return { code: "VALIDATION", message: caseLoop.errors.riskNotApplicable };
  if (RISK_FINAL_STATES.includes(args.state)) return { code: "CONFLICT", message: caseLoop.errors.riskClosed };
  return null;
}
