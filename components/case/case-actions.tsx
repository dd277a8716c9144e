"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { CaseDetailDto, UnitOption } from "@/lib/case/case-dto";
import { RETURN_REASONS, type CaseAction } from "@/lib/case/case-states";
import { TRANSITIONS } from "@/lib/case/case-transitions";
import { buildTransitionRequest } from "@/lib/case/transition-request";
import { RESOLUTION_ANSWERS, SATISFACTION_LEVELS } from "@/lib/case/ratings";
import { caseLoop } from "@/lib/i18n/zh-CN/case-loop";
import { casePhotoStages } from "@/lib/i18n/zh-CN/case-inbox";
import { casePage } from "@/lib/i18n/zh-CN/case-page";
import { PHOTO_STEP_STAGES } from "@/lib/case/photos/photo-stage";
import { BlockedActions } from "./blocked-actions";
import { StepPhotos } from "./step-photos";

const text = casePage.form;
const inputClass =
  "mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-200";

/** Steps that move the case forward, shown first and in colour; the rest are secondary. */
const PRIMARY: readonly CaseAction[] = [
  "file",
  "dispatch",
  "acknowledge",
  "handle",
  "report_back",
  "start_verification",
  "close",
  "evaluate",
  "resume",
  "extension_approve",
];

type Props = {
  detail: Pick<CaseDetailDto, "id" | "version" | "availableActions" | "blockedActions" | "proposedRouting">;
  units: readonly UnitOption[];
};

/**
 * The buttons of the steps the caller may take now, each opening a small form with what the step needs
 * (a note where the rules require one, units for a dispatch, a reason for a return, the satisfaction of the
 * return visit). The request id is made when the form opens and kept until the server answers, so a double
 * click or a retry after a network error is applied once; a 409 (someone acted first) refreshes the page.
 */
export function CaseActions({ detail, units }: Props) {
  const [open, setOpen] = useState<CaseAction | null>(null);
  if (detail.availableActions.length === 0)
    return (
      <>
        <p className="text-sm text-slate-500" data-testid="case-no-actions">
          {casePage.noActions}
        </p>
        <BlockedActions blocked={detail.blockedActions} />
      </>
    );
  const ordered = [...detail.availableActions].sort((a, b) => Number(PRIMARY.includes(b)) - Number(PRIMARY.includes(a)));
  return (
    <div data-testid="case-actions">
      <div className="flex flex-wrap gap-2">
        {ordered.map((action) => (
          <button
            key={action}
            type="button"
            onClick={() => setOpen(open === action ? null : action)}
            aria-expanded={open === action}
            data-testid={`case-action-${action}`}
            className={`rounded-md px-3 py-1.5 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 ${
              PRIMARY.includes(action)
                ? "bg-sky-700 text-white hover:bg-sky-800"
                : "bg-white text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"
            } ${open === action ? "ring-2 ring-sky-300" : ""}`}
          >
            {caseLoop.actionLabels[action]}
          </button>
        ))}
      </div>
      <BlockedActions blocked={detail.blockedActions} />
      {open && <ActionForm key={open} action={open} detail={detail} units={units} onClose={() => setOpen(null)} />}
    </div>
  );
}

function ActionForm({
  action,
  detail,
  units,
  onClose,
}: {
  action: CaseAction;
  detail: Props["detail"];
  units: readonly UnitOption[];
  onClose: () => void;
}) {
  const router = useRouter();
  const rule = TRANSITIONS[action];
  const [requestId] = useState(() => crypto.randomUUID());
  const [note, setNote] = useState("");
  const [leadUnitId, setLeadUnitId] = useState<number | "">(detail.proposedRouting?.leadUnitId ?? "");
  const [coUnitIds, setCoUnitIds] = useState<number[]>(detail.proposedRouting?.coUnitIds ?? []);
  const [returnReason, setReturnReason] = useState<string>("");
  const [resolution, setResolution] = useState<string>("");
  const [satisfaction, setSatisfaction] = useState<string>("");
  const [stars, setStars] = useState<string>("");
  const [photoIds, setPhotoIds] = useState<number[]>([]);
  const [uploading, setUploading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const photoStage = PHOTO_STEP_STAGES[action];

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const request = buildTransitionRequest({
      caseId: detail.id,
      action,
      version: detail.version,
      requestId,
      fields: {
        note,
        returnReason,
        satisfaction,
        resolution,
        stars,
        routing: { leadUnitId: leadUnitId === "" ? null : leadUnitId, coUnitIds },
        photoIds: photoStage ? photoIds : undefined,
      },
    });
    try {
      const response = await fetch(request.url, request.init);
      if (response.ok) {
        onClose();
        router.refresh();
        return;
      }
      const payload = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      if (response.status === 409) {
        setError(`${payload?.error?.message ?? ""} ${text.conflict}`.trim());
        router.refresh();
      } else setError(payload?.error?.message ?? text.failed);
    } catch {
      setError(text.failed);
    } finally {
      setBusy(false);
    }
  }

  const label = caseLoop.actionLabels[action];
  return (
    <form
      onSubmit={submit}
      className="mt-3 space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3"
      data-testid="case-action-form"
      aria-label={label}
    >
      {action === "dispatch" && (
        <>
          <label className="block text-sm text-slate-700">
            {text.leadUnit}
            {detail.proposedRouting && <span className="ml-2 text-xs text-sky-700">（{text.proposed}）</span>}
            <select
              className={inputClass}
              value={leadUnitId}
              onChange={(e) => setLeadUnitId(e.target.value ? Number(e.target.value) : "")}
              data-testid="dispatch-lead-unit"
              required
            >
              <option value="">{text.chooseUnit}</option>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="text-sm text-slate-700">
            <legend>{text.coUnits}</legend>
            <div className="mt-1 grid max-h-32 grid-cols-2 gap-1 overflow-auto">
              {units
                .filter((u) => u.id !== leadUnitId)
                .map((u) => (
                  <label key={u.id} className="flex items-center gap-1 text-xs">
                    <input
                      type="checkbox"
                      checked={coUnitIds.includes(u.id)}
                      onChange={(e) =>
                        setCoUnitIds(e.target.checked ? [...coUnitIds, u.id] : coUnitIds.filter((id) => id !== u.id))
                      }
                    />
                    {u.name}
                  </label>
                ))}
            </div>
          </fieldset>
        </>
      )}
      {action === "return" && (
        <Choice
          label={text.returnReason}
          value={returnReason}
          onChange={setReturnReason}
          options={RETURN_REASONS.map((r) => [r, caseLoop.returnReasonLabels[r]])}
          testId="return-reason"
        />
      )}
      {action === "evaluate" && (
        <Choice
          label={text.satisfaction}
          value={satisfaction}
          onChange={setSatisfaction}
          options={SATISFACTION_LEVELS.map((s) => [s, caseLoop.satisfactionLabels[s]])}
          testId="evaluate-satisfaction"
        />
      )}
      {action === "evaluate" && (
        <Choice
          label={text.resolution}
          value={resolution}
          onChange={setResolution}
          options={RESOLUTION_ANSWERS.map((r) => [r, caseLoop.resolutionLabels[r]])}
          testId="evaluate-resolution"
        />
      )}
      {action === "rate_discovery" && (
        <Choice
          label={text.discoveryStars}
          value={stars}
          onChange={setStars}
          options={([1, 2, 3, 4, 5] as const).map((n) => [String(n), `${casePage.stars(n)} ${caseLoop.discoveryStarLabels[n]}`])}
          testId="discovery-stars"
        />
      )}
      <label className="block text-sm text-slate-700">
        {text.note}
        {rule.note === "required" && <span className="text-red-600">{text.noteRequired}</span>}
        <textarea
          className={inputClass}
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={text.notePlaceholder}
          required={rule.note === "required"}
          maxLength={1000}
          data-testid="case-action-note"
        />
      </label>
      {photoStage && (
        <StepPhotos
          label={casePhotoStages.formLabel[photoStage === "handle" ? "handle" : "report_back"]}
          onChange={setPhotoIds}
          onBusy={setUploading}
        />
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700" data-testid="case-action-error">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={busy || uploading}
          className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60"
          data-testid="case-action-submit"
        >
          {busy ? text.sending : `${text.submit}${label}`}
        </button>
        <button
          type="button"
          onClick={onClose}
          className="rounded-md px-3 py-1.5 text-sm text-slate-600 ring-1 ring-slate-300 hover:bg-white"
        >
          {text.cancel}
        </button>
      </div>
    </form>
  );
}

function Choice({
  label,
  value,
  onChange,
  options,
  testId,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: readonly (readonly [string, string])[];
  testId: string;
}) {
  return (
    <label className="block text-sm text-slate-700">
      {label}
      <select className={inputClass} value={value} onChange={(e) => onChange(e.target.value)} required data-testid={testId}>
        <option value="">—</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}
