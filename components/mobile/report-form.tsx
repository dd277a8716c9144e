"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import type { CategoryNodeDto } from "@/lib/case/list-categories";
import type { Bounds } from "@/lib/grid/dto";
import { cases } from "@/lib/i18n/zh-CN/case";
import { caseIntake } from "@/lib/i18n/zh-CN/case-intake";
import { CASE_URGENCIES, type CaseUrgency } from "@/lib/case/time-limits";
import { CategoryPicker, findCategory } from "./category-picker";
import { clearDraft, loadDraft, saveDraft, type DraftStorage } from "./draft-store";
import { DuplicateWarning } from "./duplicate-warning";
import { LocationSection } from "./location-section";
import { PhotoPicker } from "./photo-picker";
import { draftProblems, emptyDraft, isDraftEmpty, MAX_PHOTOS, type DraftField, type ReportDraft } from "./report-draft";
import { ReportSuccess } from "./report-success";
import { resizePhoto } from "./resize-image";
import { RiskFields } from "./risk-fields";
import { sendReport, type SendOutcome } from "./send-report";

type Props = {
  /** One draft per account in this browser. */
  storageKey: string;
  areaBounds: Bounds;
  categories: CategoryNodeDto[];
};

type Phase = { kind: "idle" } | { kind: "sending"; progress: string } | Exclude<SendOutcome, { kind: "sent" }>;
type Sent = Extract<SendOutcome, { kind: "sent" }>;

const SAVE_DELAY_MS = 250;

function geolocationMessage(code: number): string {
  if (code === 1) return caseIntake.location.denied;
  if (code === 3) return caseIntake.location.timeout;
  return caseIntake.location.unavailable;
}

/**
 * 上报事件 on the phone. The form is a draft kept in the browser as the user types (draft-store.ts); sending
 * uploads the photos, then posts the report under the draft's clientRequestId (send-report.ts). The draft is
 * cleared only when the server has answered 201/200; offline, the page says so and sends by itself when the
 * network is back, and a retry can never create a second case.
 */
export function ReportForm({ storageKey, areaBounds, categories }: Props) {
  const [draft, setDraftState] = useState<ReportDraft | null>(null);
  const draftRef = useRef<ReportDraft | null>(null);
  const [storage, setStorage] = useState<DraftStorage>("indexeddb");
  const [restored, setRestored] = useState(false);
  const [locating, setLocating] = useState(false);
  const [locationError, setLocationError] = useState<string | null>(null);
  const [photoBusy, setPhotoBusy] = useState(false);
  const [photoProblem, setPhotoProblem] = useState<string | null>(null);
  const [problems, setProblems] = useState<Partial<Record<DraftField, string>>>({});
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [sent, setSent] = useState<Sent | null>(null);
  const [online, setOnline] = useState(true);
  /** updatedAt of the draft last written to storage: the status line says "saved" only when it is the current one. */
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const sendingRef = useRef(false);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const persist = useCallback(async () => {
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = null;
    const d = draftRef.current;
    if (!d) return;
    if (isDraftEmpty(d) && !d.sendWhenOnline) await clearDraft(storageKey);
    else setStorage(await saveDraft(storageKey, d));
    setSavedAt(d.updatedAt);
  }, [storageKey]);

  /** Every change goes through here: state for the screen, the ref for async work, storage shortly after. */
  const update = useCallback(
    (change: (d: ReportDraft) => ReportDraft) => {
      const current = draftRef.current;
      if (!current) return;
      const next = { ...change(current), updatedAt: new Date().toISOString() };
      draftRef.current = next;
      setDraftState(next);
      // "restored" is news until the user goes on with the draft
      setRestored(false);
      if (saveTimer.current) clearTimeout(saveTimer.current);
      saveTimer.current = setTimeout(() => void persist(), SAVE_DELAY_MS);
    },
    [persist],
  );

  /**
   * Asks the phone for its position. On its own (page open, next report) it only fills an empty position or
   * refines a GPS one: a slow fix must not move a pin the user has set by hand meanwhile. 「重新定位」 overrides.
   */
  const locate = useCallback(
    (override = false) => {
      if (!window.isSecureContext) return setLocationError(caseIntake.location.insecure);
      if (!("geolocation" in navigator)) return setLocationError(caseIntake.location.unsupported);
      setLocating(true);
      setLocationError(null);
      navigator.geolocation.getCurrentPosition(
        (p) => {
          setLocating(false);
          update((d) =>
            override || d.position === null || d.position.source === "gps"
              ? {
                  ...d,
                  position: { lon: p.coords.longitude, lat: p.coords.latitude, source: "gps", accuracy: p.coords.accuracy },
                }
              : d,
          );
          setProblems(({ location: _dropped, ...rest }) => rest);
        },
        (error) => {
          setLocating(false);
          setLocationError(geolocationMessage(error.code));
        },
        { enableHighAccuracy: true, timeout: 15_000, maximumAge: 30_000 },
      );
    },
    [update],
  );

  const send = useCallback(async () => {
    const d = draftRef.current;
    if (!d || sendingRef.current) return;
    const category = findCategory(categories, d.categoryId)?.node ?? null;
    const found = draftProblems(d, category);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      document
        .querySelector<HTMLElement>(`[data-field="${Object.keys(found)[0]}"]`)
        ?.scrollIntoView({ behavior: "smooth", block: "center" });
      return;
    }
    sendingRef.current = true;
    setPhase({ kind: "sending", progress: caseIntake.form.sending });
    try {
      await persist();
      const outcome = await sendReport(d, category, {
        fetch: (input, init) => window.fetch(input, init),
        online: navigator.onLine,
        onPhotoUploaded: async (localId, id) => {
          update((x) => ({ ...x, photos: x.photos.map((p) => (p.localId === localId ? { ...p, uploadedId: id } : p)) }));
          await persist();
        },
        onProgress: (step) =>
          setPhase({
            kind: "sending",
            progress: step.kind === "photos" ? caseIntake.form.uploadingPhotos(step.done, step.total) : caseIntake.form.sending,
          }),
      });
      if (outcome.kind === "sent") {
        // Only now is the draft done with: the server has the case.
        await clearDraft(storageKey);
        const fresh = emptyDraft(crypto.randomUUID());
        draftRef.current = fresh;
        setDraftState(fresh);
        setRestored(false);
        setSent(outcome);
        setPhase({ kind: "idle" });
        window.scrollTo({ top: 0 });
        return;
      }
      if (outcome.kind === "offline" || (outcome.kind === "refused" && d.sendWhenOnline)) {
        // offline: send by itself later; refused: not again by itself, the user has something to change
        update((x) => ({ ...x, sendWhenOnline: outcome.kind === "offline" }));
        await persist();
      }
      setPhase(outcome);
    } finally {
      sendingRef.current = false;
    }
  }, [categories, persist, storageKey, update]);

  // Load the stored draft once; a fresh one otherwise; then ask for the position if the draft has none.
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const loaded = await loadDraft(storageKey);
      if (cancelled) return;
      const d = loaded.draft ?? emptyDraft(crypto.randomUUID());
      draftRef.current = d;
      setDraftState(d);
      setSavedAt(d.updatedAt);
      setStorage(loaded.storage);
      setRestored(loaded.draft !== null && !isDraftEmpty(loaded.draft));
      setOnline(navigator.onLine);
      if (!d.position) locate();
      if (d.sendWhenOnline && navigator.onLine) void send();
      else if (d.sendWhenOnline) setPhase({ kind: "offline" });
    })();
    return () => {
      cancelled = true;
    };
    // once per page: later changes go through update()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storageKey]);

  // Online/offline: say so, and send a waiting draft as soon as the network is back.
  useEffect(() => {
    const onOnline = () => {
      setOnline(true);
      if (draftRef.current?.sendWhenOnline) void send();
    };
    const onOffline = () => setOnline(false);
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);
    return () => {
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
    };
  }, [send]);

  // Keep the last keystrokes when the page is hidden or closed before the save delay ran out.
  useEffect(() => {
    const flush = () => {
      if (saveTimer.current) void persist();
    };
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      document.removeEventListener("visibilitychange", flush);
    };
  }, [persist]);

  const addPhotos = async (files: File[]) => {
    const d = draftRef.current;
    if (!d) return;
    const room = MAX_PHOTOS - d.photos.length;
    setPhotoProblem(files.length > room ? caseIntake.form.photoTooMany(MAX_PHOTOS) : null);
    setPhotoBusy(true);
    try {
      for (const file of files.slice(0, Math.max(0, room))) {
        try {
          const resized = await resizePhoto(file);
          update((x) =>
            x.photos.length >= MAX_PHOTOS
              ? x
              : {
                  ...x,
                  photos: [
                    ...x.photos,
                    {
                      localId: crypto.randomUUID(),
                      blob: resized.blob,
                      width: resized.width,
                      height: resized.height,
                      uploadedId: null,
                    },
                  ],
                },
          );
        } catch {
          setPhotoProblem(caseIntake.form.photoUnreadable);
        }
      }
    } finally {
      setPhotoBusy(false);
    }
  };

  const another = () => {
    setSent(null);
    setProblems({});
    locate();
  };

  const reset = async () => {
    if (!window.confirm(caseIntake.form.clearDraftConfirm)) return;
    await clearDraft(storageKey);
    const fresh = {
      ...emptyDraft(crypto.randomUUID()),
      position: draftRef.current?.position?.source === "gps" ? draftRef.current.position : null,
    };
    draftRef.current = fresh;
    setDraftState(fresh);
    setRestored(false);
    setProblems({});
    setPhase({ kind: "idle" });
  };

  if (sent) return <ReportSuccess result={sent} onAnother={another} />;
  if (!draft) {
    return (
      <p className="py-16 text-center text-sm text-slate-500" role="status">
        {caseIntake.draft.loading}
      </p>
    );
  }

  const chosen = findCategory(categories, draft.categoryId);
  const defaultUrgency = chosen?.node.defaultUrgency;
  const sending = phase.kind === "sending";
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void send();
  };

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="space-y-6 pb-28"
      data-testid="report-form"
      data-client-request-id={draft.clientRequestId}
      data-storage={storage}
    >
      <DraftStatus
        restored={restored}
        storage={storage}
        online={online}
        phase={phase}
        empty={isDraftEmpty(draft)}
        saved={savedAt === draft.updatedAt}
        hasPhotos={draft.photos.length > 0}
        onRetry={() => void send()}
      />

      {/* nothing changes under a report on its way; the send bar below stays outside */}
      <fieldset disabled={sending} className="min-w-0 space-y-6">
        <div data-field="location">
          <LocationSection
            areaBounds={areaBounds}
            position={draft.position}
            locating={locating}
            locationError={locationError}
            problem={problems.location}
            onLocate={() => locate(true)}
            onPosition={(lon, lat, source) => {
              update((d) => ({ ...d, position: { lon, lat, source, accuracy: null } }));
              setProblems(({ location: _dropped, ...rest }) => rest);
            }}
          />
        </div>

        <section className="space-y-3" data-field="category" aria-labelledby="category-title">
          <h2 id="category-title" className="text-base font-semibold text-slate-900">
            {caseIntake.form.category}
          </h2>
          <CategoryPicker
            tree={categories}
            value={draft.categoryId}
            invalid={problems.category}
            onChange={(id) => {
              update((d) => ({ ...d, categoryId: id }));
              setProblems(({ category: _dropped, ...rest }) => rest);
            }}
          />
          {problems.category && (
            <p className="text-sm text-red-700" role="alert" data-testid="error-category">
              {problems.category}
            </p>
          )}
        </section>

        <section className="space-y-3" data-field="description">
          <label className="block">
            <span className="text-base font-semibold text-slate-900">{caseIntake.form.description}</span>
            <textarea
              value={draft.description}
              onChange={(e) => update((d) => ({ ...d, description: e.target.value }))}
              rows={4}
              maxLength={4000}
              placeholder={caseIntake.form.descriptionPlaceholder}
              aria-invalid={problems.description ? true : undefined}
              className="mt-2 block w-full rounded-xl border-0 bg-white px-3 py-3 text-base leading-6 text-slate-900 ring-1 ring-slate-300 placeholder:text-slate-400 focus:outline-none focus:ring-2 focus:ring-sky-500"
              data-testid="report-description"
            />
          </label>
          {problems.description && (
            <p className="text-sm text-red-700" role="alert" data-testid="error-description">
              {problems.description}
            </p>
          )}
          <label className="block">
            <span className="text-sm text-slate-700">{caseIntake.form.address}</span>
            <input
              value={draft.address}
              onChange={(e) => update((d) => ({ ...d, address: e.target.value }))}
              maxLength={200}
              placeholder={caseIntake.form.addressPlaceholder}
              className="mt-1 block min-h-12 w-full rounded-xl border-0 bg-white px-3 text-base text-slate-900 ring-1 ring-slate-300 placeholder:text-slate-400 focus:outline-none focus:ring-2 focus:ring-sky-500"
              data-testid="report-address"
            />
          </label>
          <label className="block">
            <span className="text-sm text-slate-700">{caseIntake.form.urgency}</span>
            <select
              value={draft.urgency}
              onChange={(e) => update((d) => ({ ...d, urgency: e.target.value as CaseUrgency | "" }))}
              className="mt-1 block min-h-12 w-full rounded-xl border-0 bg-white px-3 text-base ring-1 ring-slate-300 focus:outline-none focus:ring-2 focus:ring-sky-500"
              data-testid="report-urgency"
            >
              <option value="">
                {caseIntake.form.urgencyDefault(defaultUrgency ? cases.urgencies[defaultUrgency] : cases.urgencies.general)}
              </option>
              {CASE_URGENCIES.map((u) => (
                <option key={u} value={u}>
                  {cases.urgencies[u]}
                </option>
              ))}
            </select>
          </label>
        </section>

        {chosen?.node.riskAssessed && (
          <div data-field="risk">
            <RiskFields risk={draft.risk} onChange={(risk) => update((d) => ({ ...d, risk }))} problem={problems.risk} />
          </div>
        )}

        <section className="space-y-3" aria-labelledby="photos-title">
          <h2 id="photos-title" className="flex items-baseline justify-between text-base font-semibold text-slate-900">
            {caseIntake.form.photos}
            <span className="text-sm font-normal text-slate-500">
              {caseIntake.form.photosCount(draft.photos.length, MAX_PHOTOS)}
            </span>
          </h2>
          <PhotoPicker
            photos={draft.photos}
            onAdd={(files) => void addPhotos(files)}
            onRemove={(id) => update((d) => ({ ...d, photos: d.photos.filter((p) => p.localId !== id) }))}
            busy={photoBusy}
            disabled={sending}
            problem={photoProblem}
          />
        </section>

        <DuplicateWarning categoryId={draft.categoryId} position={draft.position} />
      </fieldset>

      {phase.kind === "refused" && (
        <div
          className="rounded-xl bg-red-50 p-4 text-sm text-red-800 ring-1 ring-red-200"
          role="alert"
          data-testid="report-refused"
        >
          <p>{phase.message}</p>
          {Object.values(phase.fields)
            .filter((m, i, all) => m !== phase.message && all.indexOf(m) === i)
            .map((m) => (
              <p key={m} className="mt-1">
                {m}
              </p>
            ))}
          {phase.signedOut && (
            <Link href="/sign-in" className="mt-2 inline-block font-medium underline">
              {caseIntake.draft.signInAgain}
            </Link>
          )}
        </div>
      )}
      {phase.kind === "failed" && (
        <div
          className="rounded-xl bg-red-50 p-4 text-sm text-red-800 ring-1 ring-red-200"
          role="alert"
          data-testid="report-failed"
        >
          {phase.message}
        </div>
      )}

      <div
        className="fixed inset-x-0 bottom-0 z-20 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur"
        style={{ paddingBottom: "max(0.75rem, env(safe-area-inset-bottom))" }}
      >
        <div className="mx-auto flex max-w-[430px] items-center gap-3">
          <button
            type="button"
            onClick={() => void reset()}
            disabled={sending}
            className="min-h-12 shrink-0 rounded-xl px-3 text-sm text-slate-600 ring-1 ring-slate-300 disabled:opacity-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
            data-testid="clear-draft"
          >
            {caseIntake.form.clearDraft}
          </button>
          <button
            type="submit"
            disabled={sending || photoBusy}
            className="min-h-12 flex-1 rounded-xl bg-sky-600 text-base font-semibold text-white shadow-sm active:bg-sky-700 disabled:opacity-60 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:ring-offset-2"
            data-testid="report-send"
          >
            {sending ? phase.progress : caseIntake.form.send}
          </button>
        </div>
      </div>
    </form>
  );
}

/** The line above the form: restored, saved, offline (with retry), or storage trouble. */
function DraftStatus(props: {
  restored: boolean;
  storage: DraftStorage;
  online: boolean;
  phase: Phase;
  empty: boolean;
  saved: boolean;
  hasPhotos: boolean;
  onRetry: () => void;
}) {
  const { restored, storage, online, phase, empty, saved, hasPhotos, onRetry } = props;
  if (!online && empty && phase.kind !== "offline")
    return <Notice testId="offline-banner" tone="warn" text={caseIntake.draft.offlineEmpty} />;
  if (phase.kind === "offline" || !online) {
    const waiting = phase.kind === "offline";
    return (
      <div
        className="rounded-xl bg-amber-50 p-4 ring-1 ring-amber-300"
        role="status"
        data-testid="offline-banner"
        data-waiting={waiting ? "true" : "false"}
      >
        <p className="text-base font-semibold text-amber-900">{caseIntake.draft.offline}</p>
        <p className="mt-1 text-sm text-amber-800">{caseIntake.draft.offlineHint}</p>
        {waiting && <p className="mt-1 text-sm font-medium text-amber-900">{caseIntake.draft.willSendWhenOnline}</p>}
        {waiting && (
          <button
            type="button"
            onClick={onRetry}
            className="mt-3 min-h-11 rounded-lg bg-amber-600 px-4 text-sm font-medium text-white focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-400 focus-visible:ring-offset-2"
            data-testid="retry-send"
          >
            {caseIntake.draft.retryNow}
          </button>
        )}
      </div>
    );
  }
  if (storage === "none") return <Notice testId="draft-status" tone="warn" text={caseIntake.draft.storageUnavailable} />;
  if (storage === "localstorage" && hasPhotos)
    return <Notice testId="draft-status" tone="warn" text={caseIntake.draft.storagePartial} />;
  if (restored && saved) return <Notice testId="draft-status" tone="info" text={caseIntake.draft.restored} />;
  // nothing typed yet: nothing to say about a draft
  if (empty) return null;
  return <Notice testId="draft-status" tone="quiet" text={saved ? caseIntake.draft.saved : caseIntake.draft.saving} />;
}

function Notice({ text, tone, testId }: { text: string; tone: "info" | "warn" | "quiet"; testId: string }) {
  const style =
    tone === "warn"
      ? "bg-amber-50 text-amber-900 ring-1 ring-amber-200"
      : tone === "info"
        ? "bg-sky-50 text-sky-900 ring-1 ring-sky-200"
        : "text-slate-500";
  return (
    <p className={`rounded-lg px-3 py-2 text-sm ${style}`} role="status" data-testid={testId} data-tone={tone}>
      {text}
    </p>
  );
}
