"use client";

import { t } from "@/lib/i18n";

/** Any unexpected failure while rendering a page: a clear message and a retry, never a stack trace. */
export default function ErrorScreen({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="grid min-h-dvh place-items-center bg-slate-100 p-8" data-testid="error-screen">
      <div className="w-full max-w-md rounded-2xl bg-white p-8 text-center shadow-lg ring-1 ring-slate-200">
        <h1 className="text-xl font-semibold text-slate-900">{t.common.errorTitle}</h1>
        <p className="mt-2 text-sm leading-6 text-slate-600">{t.common.errorBody}</p>
        <button
          type="button"
          onClick={reset}
          className="mt-6 rounded-lg bg-sky-600 px-4 py-2 text-sm font-medium text-white hover:bg-sky-700"
        >
          {t.common.retry}
        </button>
      </div>
    </main>
  );
}
