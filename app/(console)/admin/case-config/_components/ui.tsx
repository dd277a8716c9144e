"use client";

import { buttonClass } from "@/components/ui/button";
import { caseDesk } from "@/lib/i18n/zh-CN/case-desk";

/** The configuration forms' own pieces (the generic ones are in components/ui). */

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
      <button type="button" onClick={onCancel} className={buttonClass("secondary")}>
        {a.cancel}
      </button>
      <button type="submit" disabled={busy} className={buttonClass("save")} data-testid={testId ?? "config-save"}>
        {busy ? a.saving : a.save}
      </button>
    </div>
  );
}
