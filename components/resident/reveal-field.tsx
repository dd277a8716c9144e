"use client";

import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { createPortal } from "react-dom";
import { t } from "@/lib/i18n";

type Field = "id_number" | "phone" | "name";

type Props = {
  residentId: number;
  field: Field;
  /** What the field is called ("身份证号"), for the button's label and the dialog's title. */
  label: string;
  /** The masked value as the server sent it; null when nothing is on record. */
  masked: string | null;
  /** Whether the caller may reveal this field (the server decides again on every request). */
  allowed: boolean;
  mono?: boolean;
};

const text = t.resident.reveal;

/**
 * A masked value with a "查看" button: the button opens a small dialog asking why (three quick reasons
 * or free text), posts the reveal and shows the clear value in place with a note that it was logged.
 */
export function RevealField({ residentId, field, label, masked, allowed, mono = true }: Props) {
  const [open, setOpen] = useState(false);
  const [revealed, setRevealed] = useState<{ value: string | null } | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  if (masked === null && field !== "name") {
    return <span className="text-slate-400">{t.resident.none}</span>;
  }
  const valueClass = mono ? "font-mono tabular-nums" : "";
  if (revealed) {
    return (
      <span className="inline-flex flex-wrap items-baseline gap-2" data-testid={`revealed-${field}`}>
        <span className={`${valueClass} font-medium text-slate-900`}>{revealed.value ?? text.noValue}</span>
        <span className="rounded bg-amber-50 px-1.5 py-0.5 text-[11px] text-amber-800 ring-1 ring-amber-200">{text.logged}</span>
      </span>
    );
  }
  return (
    <span className="inline-flex items-baseline gap-2">
      <span className={`${valueClass} text-slate-700`} data-testid={`masked-${field}`}>
        {masked}
      </span>
      {allowed && (
        <button
          ref={buttonRef}
          type="button"
          onClick={() => setOpen(true)}
          aria-label={text.buttonLabel(label)}
          className="rounded px-1.5 py-0.5 text-xs font-medium text-sky-700 ring-1 ring-sky-200 hover:bg-sky-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
          data-testid={`reveal-${field}`}
        >
          {text.button}
        </button>
      )}
      {open &&
        createPortal(
          <RevealDialog
            title={text.title(label)}
            endpoint={`/api/residents/${residentId}/reveal`}
            payload={{ field }}
            onDone={(body) => {
              setOpen(false);
              setRevealed({ value: (body as { value?: string | null } | null)?.value ?? null });
            }}
            onCancel={() => {
              setOpen(false);
              // back to the button that opened the dialog (keyboard users keep their place)
              requestAnimationFrame(() => buttonRef.current?.focus());
            }}
          />,
          document.body,
        )}
    </span>
  );
}

/**
 * The reason dialog of every reveal (a resident's field, a case's free text): posts {...payload, reason} to
 * `endpoint` and hands the answer's body to onDone.
 */
export function RevealDialog({
  title,
  endpoint,
  payload,
  onDone,
  onCancel,
}: {
  title: string;
  endpoint: string;
  payload: Record<string, unknown>;
  onDone: (body: unknown) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dialogRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const titleId = useId();
  const reasonId = useId();

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  // Esc closes; Tab stays inside the dialog.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === "Escape") {
      e.stopPropagation();
      onCancel();
      return;
    }
    if (e.key !== "Tab") return;
    const focusable = dialogRef.current?.querySelectorAll<HTMLElement>("button:not([disabled]), textarea:not([disabled])");
    if (!focusable || focusable.length === 0) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const trimmed = reason.trim();
    if (trimmed.length === 0) return setError(t.resident.errors.reasonRequired);
    if (trimmed.length < 4) return setError(t.resident.errors.reasonTooShort);
    if (trimmed.length > 200) return setError(t.resident.errors.reasonTooLong);
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(endpoint, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ ...payload, reason: trimmed }),
      });
      const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      if (!response.ok) throw new Error(body?.error?.message ?? text.failed);
      onDone(body);
    } catch (err) {
      setError(err instanceof TypeError ? t.errors.UNAVAILABLE : (err as Error).message || text.failed);
      setBusy(false);
    }
  };

  return (
    <div
      className="fixed inset-0 z-50 grid place-items-center bg-slate-900/40 p-4"
      onMouseDown={(e) => e.target === e.currentTarget && onCancel()}
    >
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
        className="w-full max-w-md rounded-xl bg-white p-5 text-left shadow-2xl ring-1 ring-slate-200"
        data-testid="reveal-dialog"
      >
        <h2 id={titleId} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        <p className="mt-1 text-xs leading-5 text-slate-500">{text.intro}</p>
        <form onSubmit={submit} className="mt-4" noValidate>
          <p className="text-xs font-medium text-slate-600">{text.quickLabel}</p>
          <div className="mt-1.5 flex flex-wrap gap-2">
            {text.quickReasons.map((r) => (
              <button
                key={r}
                type="button"
                aria-pressed={reason.trim() === r}
                onClick={() => {
                  setReason(r);
                  setError(null);
                  inputRef.current?.focus();
                }}
                className={`rounded-full px-3 py-1 text-xs ring-1 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 ${reason.trim() === r ? "bg-sky-600 text-white ring-sky-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
                data-testid="reveal-quick-reason"
              >
                {r}
              </button>
            ))}
          </div>
          <label htmlFor={reasonId} className="mt-3 block text-xs font-medium text-slate-600">
            {text.reasonLabel}
            <span className="text-rose-600"> *</span>
          </label>
          <textarea
            ref={inputRef}
            id={reasonId}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setError(null);
            }}
            maxLength={200}
            rows={3}
            required
            aria-invalid={error !== null}
            aria-describedby={error ? `${reasonId}-error` : undefined}
            placeholder={text.reasonPlaceholder}
            className="mt-1 w-full resize-none rounded-lg border border-slate-300 px-3 py-2 text-sm text-slate-900 focus:border-sky-500 focus:ring-2 focus:ring-sky-200 focus:outline-none"
            data-testid="reveal-reason"
          />
          {error && (
            <p
              id={`${reasonId}-error`}
              role="alert"
              className="mt-2 rounded-md bg-red-50 px-3 py-2 text-xs text-red-700 ring-1 ring-red-200"
              data-testid="reveal-error"
            >
              {error}
            </p>
          )}
          <div className="mt-4 flex justify-end gap-2">
            <button
              type="button"
              onClick={onCancel}
              className="rounded-lg px-3 py-1.5 text-sm text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
            >
              {text.cancel}
            </button>
            <button
              type="submit"
              disabled={busy}
              className="rounded-lg bg-sky-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:ring-offset-2 disabled:opacity-60"
              data-testid="reveal-submit"
            >
              {busy ? text.submitting : text.submit}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
