"use client";

import { useState, type FormEvent } from "react";
import { t } from "@/lib/i18n";

const text = t.org.import;

type Result = { imported: number; skipped: number; errors: { line: number; messages: string[] }[] };

/** 批量导入: upload one file; the answer lists every row's problems (nothing imported then) or the counts. */
export function StaffImportForm() {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setError(text.errors.fileMissing);
      return;
    }
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const response = await fetch("/api/staff/import", { method: "POST", body: data });
      const body = (await response.json().catch(() => null)) as (Result & { error?: { message?: string } }) | null;
      if (!response.ok) setError(body?.error?.message ?? t.errors.INTERNAL);
      else setResult(body);
    } catch {
      setError(t.errors.UNAVAILABLE);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="space-y-4">
      <form
        onSubmit={onSubmit}
        className="flex flex-wrap items-center gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
        data-testid="staff-import-form"
      >
        <label className="text-sm text-slate-700">
          {text.file}{" "}
          <input type="file" name="file" accept=".xlsx,.csv,text/csv" className="text-sm" data-testid="staff-import-file" />
        </label>
        <button
          type="submit"
          disabled={busy}
          className="rounded-md bg-sky-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-sky-700 disabled:opacity-60"
          data-testid="staff-import-submit"
        >
          {busy ? text.submitting : text.submit}
        </button>
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a file download from a route handler, not a page */}
        <a href="/api/staff/import/template" className="text-sm text-sky-700 hover:underline" data-testid="staff-import-template">
          {text.template}
        </a>
      </form>
      {error && (
        <p
          role="alert"
          className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-800 ring-1 ring-red-200"
          data-testid="staff-import-error"
        >
          {error}
        </p>
      )}
      {result && (
        <div
          className="rounded-xl bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200"
          role="status"
          data-testid="staff-import-result"
        >
          {result.errors.length > 0 ? (
            <>
              <p className="font-medium text-red-700">{text.resultRejected(result.errors.length)}</p>
              <table className="mt-3 w-full text-left text-sm" data-testid="staff-import-errors">
                <thead className="text-xs text-slate-400">
                  <tr>
                    <th scope="col" className="w-20 py-1 font-medium">
                      {text.row}
                    </th>
                    <th scope="col" className="py-1 font-medium">
                      {text.problem}
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {result.errors.map((e) => (
                    <tr key={e.line}>
                      <td className="py-1 tabular-nums">{e.line}</td>
                      <td className="py-1">{e.messages.join("；")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : (
            <p className="text-emerald-700">
              {text.resultImported(result.imported)} {result.skipped > 0 && text.resultSkipped(result.skipped)}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
