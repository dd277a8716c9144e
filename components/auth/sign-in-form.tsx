"use client";

import { useState } from "react";
import { t } from "@/lib/i18n";

/**
 * The sign-in card. A real HTML form posting to /api/auth/sign-in: the browser follows the route's
 * redirect (the map, or back here with the reason). JavaScript only disables the button while it posts.
 */
export function SignInForm({ next, error, notice }: { next: string; error: string | null; notice: string | null }) {
  const [submitting, setSubmitting] = useState(false);
  const field =
    "mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-slate-900 shadow-sm focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500/30";
  return (
    <form
      method="post"
      action="/api/auth/sign-in"
      onSubmit={() => setSubmitting(true)}
      className="rounded-2xl bg-white p-7 shadow-2xl"
      data-testid="sign-in-form"
    >
      <h1 className="text-lg font-semibold text-slate-900">{t.auth.signIn.title}</h1>
      {error && (
        <p
          role="alert"
          className="mt-3 rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-700 ring-1 ring-rose-200"
          data-testid="sign-in-error"
        >
          {error}
        </p>
      )}
      {notice && !error && (
        <p
          role="status"
          className="mt-3 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-700 ring-1 ring-emerald-200"
          data-testid="sign-in-notice"
        >
          {notice}
        </p>
      )}
      <input type="hidden" name="next" value={next} />
      <label className="mt-5 block text-sm font-medium text-slate-700">
        {t.auth.signIn.username}
        <input
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          autoFocus
          className={field}
          data-testid="sign-in-username"
        />
      </label>
      <label className="mt-4 block text-sm font-medium text-slate-700">
        {t.auth.signIn.password}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={field}
          data-testid="sign-in-password"
        />
      </label>
      <button
        type="submit"
        disabled={submitting}
        className="mt-6 w-full rounded-lg bg-sky-600 px-4 py-2.5 font-semibold text-white shadow hover:bg-sky-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:ring-offset-2 disabled:cursor-wait disabled:opacity-70"
        data-testid="sign-in-submit"
      >
        {submitting ? t.auth.signIn.submitting : t.auth.signIn.submit}
      </button>
    </form>
  );
}
