"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import type { CaseDetailDto } from "@/lib/case/case-dto";
import { RETURN_REASONS, type CaseAction } from "@/lib/case/case-states";
import { TRANSITIONS } from "@/lib/case/case-transitions";
import { buildTransitionRequest } from "@/lib/case/transition-request";
import { RESOLUTION_ANSWERS, SATISFACTION_LEVELS } from "@/lib/case/ratings";
import { caseIntake } from "@/lib/i18n/zh-CN/case-intake";
import { caseLoop } from "@/lib/i18n/zh-CN/case-loop";
import { BlockedActions } from "@/components/case/blocked-actions";
import { MAX_PHOTOS } from "./report-draft";
import { resizePhoto, type ResizedPhoto } from "./resize-image";

/** Steps that move the case forward: big and coloured; side actions below them. */
const PRIMARY: readonly CaseAction[] = [
  "acknowledge",
  "handle",
  "report_back",
  "start_verification",
  "close",
  "file",
  "dispatch",
  "evaluate",
  "co_report_back",
  "resume",
];
/** Steps where a photo of the spot is usual (the disposal, the report back, the verification). */
const WITH_PHOTOS: readonly CaseAction[] = ["handle", "report_back", "co_report_back", "start_verification", "close", "reopen"];

type Detail = Pick<CaseDetailDto, "id" | "version" | "availableActions" | "blockedActions" | "proposedRouting">;

const text = caseIntake.caseView;

/**
 * The loop's steps on the phone: one large button per step the caller may take now; each opens a small
 * form with what the rules ask for (a note, a return reason, the satisfaction, photos). The requestId is
 * made when the form opens and kept until the server answers, with the version read, so a double tap or a
 * retry is applied once and a step someone else took first is refused with a clear message.
 */
export function MobileCaseActions({ detail }: { detail: Detail }) {
  const [open, setOpen] = useState<CaseAction | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const ordered = [...detail.availableActions].sort((a, b) => Number(PRIMARY.includes(b)) - Number(PRIMARY.includes(a)));
  return (
    <div className="space-y-3" data-testid="m-actions">
      {done && (
        <p
          className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200"
          role="status"
          data-testid="m-action-done"
        >
          {done}
        </p>
      )}
      {ordered.length === 0 && (
        <p className="text-sm text-slate-500" data-testid="m-no-actions">
          {text.noActions}
        </p>
      )}
      <div className="grid grid-cols-2 gap-2">
        {ordered.map((action) => (
          <button
            key={action}
            type="button"
            onClick={() => setOpen(open === action ? null : action)}
            aria-expanded={open === action}
            data-testid={`m-action-${action}`}
            className={`min-h-12 rounded-xl px-3 text-base font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 ${
              PRIMARY.includes(action)
                ? "bg-sky-600 text-white active:bg-sky-700"
                : "bg-white text-slate-800 ring-1 ring-slate-300 active:bg-slate-100"
            } ${open === action ? "ring-4 ring-sky-200" : ""}`}
          >
            {caseLoop.actionLabels[action]}
          </button>
        ))}
      </div>
      <BlockedActions blocked={detail.blockedActions} variant="phone" />
      {open && (
        <ActionSheet
          key={open}
          action={open}
          detail={detail}
          onClose={() => setOpen(null)}
          onDone={(action) => {
            setOpen(null);
            setDone(text.done(caseLoop.actionLabels[action]));
          }}
        />
      )}
    </div>
  );
}

function ActionSheet({
  action,
  detail,
  onClose,
  onDone,
}: {
  action: CaseAction;
  detail: Detail;
  onClose: () => void;
  onDone: (action: CaseAction) => void;
}) {
  const router = useRouter();
  const rule = TRANSITIONS[action];
  const [requestId] = useState(() => crypto.randomUUID());
  const [note, setNote] = useState("");
  const [returnReason, setReturnReason] = useState("");
  const [resolution, setResolution] = useState<string>("");
  const [satisfaction, setSatisfaction] = useState("");
  const [stars, setStars] = useState("");
  const [photos, setPhotos] = useState<ResizedPhoto[]>([]);
  /** Uploaded photo ids by index: a retry does not upload them again. */
  const uploaded = useRef<(number | null)[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const needsUnits = action === "dispatch";

  async function addPhotos(files: FileList | null) {
    if (!files) return;
    const next = [...photos];
    for (const file of [...files].slice(0, MAX_PHOTOS - photos.length)) {
      try {
        next.push(await resizePhoto(file));
      } catch {
        setError(caseIntake.form.photoUnreadable);
      }
    }
    setPhotos(next);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (rule.note === "required" && note.trim() === "")
      return setError(caseLoop.errors.noteRequired(caseLoop.actionLabels[action]));
    setBusy(true);
    setError(null);
    try {
      const photoIds: number[] = [];
      for (let i = 0; i < photos.length; i++) {
        let id = uploaded.current[i] ?? null;
        if (id === null) {
          const form = new FormData();
          form.append("file", photos[i].blob, `photo-${i + 1}.jpg`);
          const response = await fetch("/api/case-photos", { method: "POST", body: form });
          const body = (await response.json().catch(() => null)) as { id?: number; error?: { message?: string } } | null;
          if (!response.ok || !body?.id) throw new Error(body?.error?.message ?? caseIntake.draft.serverFailed);
          id = body.id;
          uploaded.current[i] = id;
        }
        photoIds.push(id);
      }
      const request = buildTransitionRequest({
        caseId: detail.id,
        action,
        version: detail.version,
        requestId,
        fields: { note, returnReason, satisfaction, resolution, stars, photoIds, routing: detail.proposedRouting },
      });
      const response = await fetch(request.url, request.init);
      if (response.ok) {
        onDone(action);
        router.refresh();
        return;
      }
      const payload = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      setError(payload?.error?.message ?? caseIntake.draft.serverFailed);
      // someone acted first: show the case as it is now
      if (response.status === 409) router.refresh();
    } catch (e) {
      setError(e instanceof TypeError ? text.networkDown : (e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const label = caseLoop.actionLabels[action];
  return (
    <form
      onSubmit={submit}
      noValidate
      className="space-y-3 rounded-xl bg-white p-4 ring-1 ring-slate-200"
      aria-label={label}
      data-testid="m-action-form"
    >
      <p className="text-base font-semibold text-slate-900">{label}</p>
      {needsUnits &&
        (detail.proposedRouting ? (
          <p className="text-sm text-slate-600">{text.leadUnitProposed}</p>
        ) : (
          <p className="text-sm text-amber-800">
            {text.dispatchOnConsole}{" "}
            <Link href={`/cases/${detail.id}`} className="underline">
              {caseIntake.tasks.openOnConsole}
            </Link>
          </p>
        ))}
      {action === "return" && (
        <Choice
          label={text.returnReason}
          value={returnReason}
          onChange={setReturnReason}
          options={RETURN_REASONS.map((r) => [r, caseLoop.returnReasonLabels[r]])}
          testId="m-return-reason"
        />
      )}
      {action === "evaluate" && (
        <Choice
          label={text.satisfaction}
          value={satisfaction}
          onChange={setSatisfaction}
          options={SATISFACTION_LEVELS.map((s) => [s, caseLoop.satisfactionLabels[s]])}
          testId="m-satisfaction"
        />
      )}
      {action === "evaluate" && (
        <Choice
          label={text.resolution}
          value={resolution}
          onChange={setResolution}
          options={RESOLUTION_ANSWERS.map((r) => [r, caseLoop.resolutionLabels[r]])}
          testId="m-resolution"
        />
      )}
      {action === "rate_discovery" && (
        <Choice
          label={text.discoveryStars}
          value={stars}
          onChange={setStars}
          options={([1, 2, 3, 4, 5] as const).map((n) => [String(n), `${"★".repeat(n)} ${caseLoop.discoveryStarLabels[n]}`])}
          testId="m-discovery-stars"
        />
      )}
      <label className="block text-sm text-slate-700">
        {rule.note === "required" ? text.noteRequired : text.noteOptional}
        <textarea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          rows={3}
          maxLength={1000}
          className="mt-1 block w-full rounded-xl border-0 bg-slate-50 px-3 py-2 text-base ring-1 ring-slate-300 focus:outline-none focus:ring-2 focus:ring-sky-500"
          data-testid="m-action-note"
        />
      </label>
      {WITH_PHOTOS.includes(action) && (
        <label className="block text-sm text-slate-700">
          {text.attachPhotos} {photos.length > 0 && `（${photos.length}）`}
          <input
            type="file"
            accept="image/*"
            multiple
            onChange={(e) => void addPhotos(e.currentTarget.files)}
            className="mt-1 block w-full text-sm"
            data-testid="m-action-photos"
          />
        </label>
      )}
      {error && (
        <p className="text-sm text-red-700" role="alert" data-testid="m-action-error">
          {error}
        </p>
      )}
      <div className="grid grid-cols-2 gap-2">
        <button
          type="button"
          onClick={onClose}
          className="min-h-12 rounded-xl bg-white text-base text-slate-700 ring-1 ring-slate-300"
        >
          {text.cancel}
        </button>
        <button
          type="submit"
          disabled={busy || (needsUnits && !detail.proposedRouting)}
          className="min-h-12 rounded-xl bg-sky-600 text-base font-semibold text-white disabled:opacity-50"
          data-testid="m-action-submit"
        >
          {busy ? caseIntake.form.sending : `${text.confirm}${label}`}
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
      <select
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="mt-1 block min-h-12 w-full rounded-xl border-0 bg-white px-3 text-base ring-1 ring-slate-300 focus:outline-none focus:ring-2 focus:ring-sky-500"
        data-testid={testId}
      >
        <option value="">{text.choose}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}
