import { DomainError } from "../errors";
import { caseLoop } from "../i18n/zh-CN/case-loop";
import type { CaseLevel } from "./case-states";

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
 * A major risk needs an emergency plan and alerts the street and district levels at once.
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

/** The levels a major risk alerts at once, whatever the case's own level. */
export const MAJOR_RISK_ALERT_LEVELS: readonly CaseLevel[] = ["street", "district"];

export type RiskAssessment = {
  /** D = L × E × C, rounded to two decimals (the sets have at most one decimal each, so D has at most two). */
  d: number;
  grade: RiskGrade;
  /** 重大 needs an emergency plan (应急预案). */
  needsEmergencyPlan: boolean;
  /** Levels to alert immediately: street and district for 重大, none otherwise. */
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
  const major = grade === "major";
  return { d, grade, needsEmergencyPlan: major, alertLevels: major ? MAJOR_RISK_ALERT_LEVELS : [] };
}
