"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { CaseDetailDto } from "@/lib/case/case-dto";
import { LEC_CONSEQUENCE, LEC_EXPOSURE, LEC_LIKELIHOOD, lecValue, riskGrade } from "@/lib/case/risk";
import { caseLoop } from "@/lib/i18n/zh-CN/case-loop";
import { casePage } from "@/lib/i18n/zh-CN/case-page";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

const text = casePage.risk;

const NOTE_STYLE = {
  general: "bg-slate-50 text-slate-700 ring-slate-300",
  important: "bg-amber-50 text-amber-800 ring-amber-300",
  major: "bg-red-50 text-red-800 ring-red-300",
} as const;

const FACTORS = [
  { key: "l", label: text.l, values: LEC_LIKELIHOOD, labels: caseLoop.lecLikelihoodLabels as Record<number, string> },
  { key: "e", label: text.e, values: LEC_EXPOSURE, labels: caseLoop.lecExposureLabels as Record<number, string> },
  { key: "c", label: text.c, values: LEC_CONSEQUENCE, labels: caseLoop.lecConsequenceLabels as Record<number, string> },
] as const;

type Factors = { l: string; e: string; c: string };

/**
 * 风险评估 on the case page: the current LEC value and grade with the note the grade sent (一般 info, 重要
 * warning, 重大 alert) and the emergency plan; for the offices that may, a form to set or revise it (the
 * preview's grade uses the configured bands; the server decides and keeps the old value on the timeline).
 */
export function CaseRisk({ detail }: { detail: CaseDetailDto }) {
  const risk = detail.risk;
  const [editing, setEditing] = useState(false);
  return (
    <div className="space-y-3 text-sm" data-testid="case-risk">
      {risk ? (
        <>
          <div className="flex flex-wrap items-baseline gap-x-3">
            <span className="font-medium text-slate-900" data-testid="case-risk-value">
              {casePage.riskValue(risk.value, caseLoop.riskGradeLabels[risk.grade])}
            </span>
            <span className="text-xs text-slate-500">{text.factors(risk.l, risk.e, risk.c)}</span>
          </div>
          <p className={`rounded px-3 py-2 text-xs ring-1 ${NOTE_STYLE[risk.grade]}`} data-testid="case-risk-note">
            {text.notes[risk.grade]}
          </p>
          {(detail.emergencyPlan || risk.grade === "major") && (
            <div>
              <div className="text-xs font-medium text-slate-600">{text.plan}</div>
              {detail.emergencyPlan ? (
                <p className="mt-1 whitespace-pre-wrap text-slate-800" data-testid="case-emergency-plan">
                  {detail.emergencyPlan}
                </p>
              ) : (
                <p className="mt-1 text-red-700" data-testid="case-emergency-plan-missing">
                  {text.planMissing}
                </p>
              )}
            </div>
          )}
        </>
      ) : (
        <p className={detail.state === "reported" ? "text-red-700" : "text-slate-500"} data-testid="case-risk-none">
          {text.none}
          {detail.state === "reported" && ` ${text.requiredToFile}`}
        </p>
      )}
      {detail.canAssessRisk &&
        (editing ? (
          <RiskForm detail={detail} onClose={() => setEditing(false)} />
        ) : (
          <button type="button" className={buttonClass("secondary")} onClick={() => setEditing(true)} data-testid="risk-edit">
            {risk ? text.revise : text.assess}
          </button>
        ))}
    </div>
  );
}

function RiskForm({ detail, onClose }: { detail: CaseDetailDto; onClose: () => void }) {
  const router = useRouter();
  const [requestId] = useState(() => crypto.randomUUID());
  const [factors, setFactors] = useState<Factors>({
    l: detail.risk ? String(detail.risk.l) : "",
    e: detail.risk ? String(detail.risk.e) : "",
    c: detail.risk ? String(detail.risk.c) : "",
  });
  const [plan, setPlan] = useState(detail.emergencyPlan ?? "");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const complete = factors.l !== "" && factors.e !== "" && factors.c !== "";
  const d = complete ? lecValue(Number(factors.l), Number(factors.e), Number(factors.c)) : null;
  const grade = d !== null && detail.riskBands ? riskGrade(d, detail.riskBands) : null;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(`/api/cases/${detail.id}/risk`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          l: Number(factors.l),
          e: Number(factors.e),
          c: Number(factors.c),
          emergencyPlan: plan.trim() || null,
          expectedVersion: detail.version,
          requestId,
        }),
      });
      if (response.ok) {
        onClose();
        router.refresh();
        return;
      }
      const payload = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      setError(payload?.error?.message ?? text.failed);
      if (response.status === 409) router.refresh();
    } catch {
      setError(text.failed);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200" data-testid="risk-form">
      {FACTORS.map((f) => (
        <label key={f.key} className="block text-sm text-slate-700">
          {f.label}
          <select
            className={inputClass}
            value={factors[f.key]}
            required
            onChange={(e) => setFactors((x) => ({ ...x, [f.key]: e.target.value }))}
            data-testid={`risk-form-${f.key}`}
          >
            <option value="">{text.choose}</option>
            {[...f.values].reverse().map((v) => (
              <option key={v} value={v}>
                {v} — {f.labels[v]}
              </option>
            ))}
          </select>
        </label>
      ))}
      {d !== null && (
        <p className="text-sm font-medium text-slate-800" data-testid="risk-form-preview">
          {text.preview(d, grade ? caseLoop.riskGradeLabels[grade] : "")}
        </p>
      )}
      <label className="block text-sm text-slate-700">
        {text.plan}
        <span className={grade === "major" ? "text-red-600" : "text-slate-400"}>（{text.planHint}）</span>
        <textarea
          className={inputClass}
          rows={4}
          maxLength={4000}
          required={grade === "major"}
          value={plan}
          onChange={(e) => setPlan(e.target.value)}
          data-testid="risk-form-plan"
        />
      </label>
      {error && (
        <p role="alert" className="text-sm text-red-700" data-testid="risk-form-error">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" disabled={busy} className={buttonClass("save")} data-testid="risk-form-save">
          {busy ? text.saving : text.save}
        </button>
        <button type="button" onClick={onClose} className={buttonClass("quiet")}>
          {text.cancel}
        </button>
      </div>
    </form>
  );
}
