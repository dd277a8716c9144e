"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { t } from "@/lib/i18n";
import { sendJson } from "./send-json";

const text = t.account.password;
const field =
  "mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-slate-900 shadow-sm focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500/30";

/**
 * 修改密码: current, new and repeated new password, posted as JSON to /api/account/password. The
 * server decides (current password, policy); the form only catches a mistyped repeat early. On
 * success the browser goes to the map (rendered afresh on the server, which sees the cleared flag).
 */
export function ChangePasswordForm() {
  const router = useRouter();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (next !== repeat) {
      setError(text.mismatch);
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      await sendJson("/api/account/password", "POST", { currentPassword: current, newPassword: next });
      setDone(true);
      // replace: the password page should not stay in the history behind the map.
      router.replace("/start");
      router.refresh();
    } catch (err) {
      setError((err as Error).message);
      setSubmitting(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="change-password-form">
      {error && (
        <p
          role="alert"
          className="mt-3 rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-700 ring-1 ring-rose-200"
          data-testid="change-password-error"
        >
          {error}
        </p>
      )}
      {done && (
        <p
          role="status"
          className="mt-3 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-700 ring-1 ring-emerald-200"
          data-testid="change-password-done"
        >
          {text.success}
        </p>
      )}
      <label className="mt-4 block text-sm font-medium text-slate-700">
        {text.current}
        <input
          type="password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          autoComplete="current-password"
          required
          autoFocus
          className={field}
          data-testid="current-password"
        />
      </label>
      <label className="mt-4 block text-sm font-medium text-slate-700">
        {text.next}
        <input
          type="password"
          value={next}
          onChange={(e) => setNext(e.target.value)}
          autoComplete="new-password"
          required
          aria-describedby="password-rules"
          className={field}
          data-testid="new-password"
        />
      </label>
      <p id="password-rules" className="mt-1 text-xs text-slate-500">
        {t.auth.passwordRules}
      </p>
      <label className="mt-4 block text-sm font-medium text-slate-700">
        {text.repeat}
        <input
          type="password"
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          autoComplete="new-password"
          required
          className={field}
          data-testid="repeat-password"
        />
      </label>
      <p className="mt-3 text-xs text-slate-500">{text.otherSessions}</p>
      <button
        type="submit"
        disabled={submitting || done}
        className="mt-5 w-full rounded-lg bg-sky-600 px-4 py-2.5 font-semibold text-white shadow hover:bg-sky-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:ring-offset-2 disabled:cursor-wait disabled:opacity-70"
        data-testid="change-password-submit"
      >
        {submitting ? text.submitting : text.submit}
      </button>
    </form>
  );
}
