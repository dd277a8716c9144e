"use client";

import { LEC_CONSEQUENCE, LEC_EXPOSURE, LEC_LIKELIHOOD } from "@/lib/case/risk";
import { caseIntake } from "@/lib/i18n/zh-CN/case-intake";
import { caseLoop } from "@/lib/i18n/zh-CN/case-loop";
import { riskValue, type DraftRisk } from "./report-draft";

const FACTORS = [
  {
    key: "l",
    label: caseIntake.form.riskL,
    values: LEC_LIKELIHOOD,
    labels: caseLoop.lecLikelihoodLabels as Record<number, string>,
  },
  { key: "e", label: caseIntake.form.riskE, values: LEC_EXPOSURE, labels: caseLoop.lecExposureLabels as Record<number, string> },
  {
    key: "c",
    label: caseIntake.form.riskC,
    values: LEC_CONSEQUENCE,
    labels: caseLoop.lecConsequenceLabels as Record<number, string>,
  },
] as const;

/** The optional LEC assessment of a dispute or hazard: three selects of the standard scores and D = L × E × C. */
export function RiskFields({
  risk,
  onChange,
  problem,
}: {
  risk: DraftRisk;
  onChange: (risk: DraftRisk) => void;
  problem?: string;
}) {
  const d = riskValue(risk);
  return (
    <fieldset className="space-y-3" data-testid="risk-fields">
      <legend className="text-base font-semibold text-slate-900">{caseIntake.form.risk}</legend>
      <p className="text-xs text-slate-500">{caseIntake.form.riskHint}</p>
      {FACTORS.map((f) => (
        <label key={f.key} className="block text-sm text-slate-700">
          {f.label}
          <select
            value={risk[f.key] ?? ""}
            onChange={(e) => onChange({ ...risk, [f.key]: e.target.value === "" ? null : Number(e.target.value) })}
            className="mt-1 block min-h-12 w-full rounded-xl border-0 bg-white px-3 text-base ring-1 ring-slate-300 focus:outline-none focus:ring-2 focus:ring-sky-500"
            data-testid={`risk-${f.key}`}
          >
            <option value="">{caseIntake.form.riskNone}</option>
            {[...f.values].reverse().map((v) => (
              <option key={v} value={v}>
                {v} — {f.labels[v]}
              </option>
            ))}
          </select>
        </label>
      ))}
      {typeof d === "number" && (
        <p className="text-sm font-medium text-slate-800" data-testid="risk-value">
          {caseIntake.form.riskValue(d)}
        </p>
      )}
      {problem && (
        <p className="text-sm text-red-700" role="alert" data-testid="error-risk">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
