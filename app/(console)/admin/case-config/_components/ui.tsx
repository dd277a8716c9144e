"use client";

import type { ReactNode } from "react";
import { caseDesk } from "@/lib/i18n/zh-CN/case-desk";

/** Small shared pieces of the configuration forms (one look across the six pages). */

export const inputClass =
  "block w-full rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-900 shadow-sm focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500/30 disabled:bg-slate-100";
export const smallButton =
  "rounded-md px-2.5 py-1 text-xs font-medium ring-1 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 disabled:cursor-wait disabled:opacity-60";
export const primaryButton =
  "rounded-lg bg-sky-600 px-4 py-2 text-sm font-semibold text-white shadow hover:bg-sky-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:ring-offset-2 disabled:cursor-wait disabled:opacity-60";
export const secondaryButton =
  "rounded-lg px-4 py-2 text-sm text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500";

export function FormField({
  label,
  htmlFor,
  children,
  hint,
}: {
  label: string;
  htmlFor: string;
  children: ReactNode;
  hint?: string;
}) {
  return (
    <div>
      <label htmlFor={htmlFor} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      <div className="mt-1">{children}</div>
      {hint && <p className="mt-1 text-[11px] text-slate-400">{hint}</p>}
    </div>
  );
}

/** The refusal of a write, with a reload button when the row changed or vanished meanwhile. */
export function WriteError({ error, stale, onRefresh }: { error: string | null; stale: boolean; onRefresh: () => void }) {
  if (!error) return null;
  return (
    <div
      role="alert"
      className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-red-200"
      data-testid="config-error"
    >
      {error}
      {stale && (
        <button
          type="button"
          onClick={onRefresh}
          className="ml-3 rounded text-sm font-medium text-red-800 underline focus:outline-none focus-visible:ring-2 focus-visible:ring-red-400"
          data-testid="config-refresh"
        >
          {caseDesk.config.actions.refresh}
        </button>
      )}
    </div>
  );
}

export function FormButtons({ busy, onCancel, testId }: { busy: boolean; onCancel: () => void; testId?: string }) {
  const a = caseDesk.config.actions;
  return (
    <div className="flex justify-end gap-2 pt-2">
      <button type="button" onClick={onCancel} className={secondaryButton}>
        {a.cancel}
      </button>
      <button type="submit" disabled={busy} className={primaryButton} data-testid={testId ?? "config-save"}>
        {busy ? a.saving : a.save}
      </button>
    </div>
  );
}
