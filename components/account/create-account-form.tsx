"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { CreatedAccount } from "@/lib/account/dto";
import { t } from "@/lib/i18n";
import { AssignmentsEditor, draftsToInput, missingRegionMessage, newDraft, type AssignmentDraft } from "./assignments-editor";
import { sendJson } from "./send-json";
import { TemporaryPasswordDialog } from "./temporary-password-dialog";
import { Button } from "@/components/ui/button";

const text = t.account.create;
const field =
  "mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500/30";

/**
 * 新建账户: username, name, (role, region) rows and an optional initial password. Posts to
 * /api/accounts; a generated temporary password is shown once in a dialog, then the list refreshes.
 */
export function CreateAccountForm() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [username, setUsername] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [password, setPassword] = useState("");
  const [drafts, setDrafts] = useState<AssignmentDraft[]>(() => [newDraft()]);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; password: string } | null>(null);

  const reset = () => {
    setUsername("");
    setDisplayName("");
    setPassword("");
    setDrafts([newDraft()]);
    setError(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing = missingRegionMessage(drafts);
    if (missing) {
      setError(missing);
      return;
    }
    setSubmitting(true);
    setError(null);
    setNotice(null);
    try {
      const account = await sendJson<CreatedAccount>("/api/accounts", "POST", {
        username,
        displayName,
        assignments: draftsToInput(drafts),
        password: password || undefined,
      });
      setNotice(t.account.done.created(account.username));
      if (account.temporaryPassword)
        setCreated({ name: `${account.displayName}（${account.username}）`, password: account.temporaryPassword });
      reset();
      setOpen(false);
      router.refresh();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <section className="mt-4" data-testid="create-account">
      <div className="flex items-center gap-3">
        <Button
          type="button"
          aria-expanded={open}
          aria-controls="create-account-form"
          onClick={() => setOpen((v) => !v)}
          kind="primary"
          extra="shadow"
          testId="create-account-toggle"
        >
          {open ? text.cancel : `+ ${text.open}`}
        </Button>
        {notice && (
          <p role="status" className="text-sm text-emerald-700" data-testid="create-account-notice">
            {notice}
          </p>
        )}
      </div>
      {open && (
        <form
          id="create-account-form"
          onSubmit={submit}
          className="mt-3 max-w-3xl rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
          data-testid="create-account-form"
          noValidate
        >
          <h2 className="text-base font-semibold text-slate-900">{text.title}</h2>
          {error && (
            <p
              role="alert"
              className="mt-3 rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-700 ring-1 ring-rose-200"
              data-testid="create-account-error"
            >
              {error}
            </p>
          )}
          <div className="mt-3 grid grid-cols-2 gap-4">
            <label className="block text-sm font-medium text-slate-700">
              {text.username}
              <input
                value={username}
                onChange={(e) => setUsername(e.target.value)}
                required
                autoFocus
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                pattern="[a-z0-9_.\-]{3,32}"
                className={`${field} font-mono`}
                data-testid="create-username"
              />
              <span className="mt-0.5 block text-xs font-normal text-slate-500">{text.usernameHint}</span>
            </label>
            <label className="block text-sm font-medium text-slate-700">
              {text.displayName}
              <input
                value={displayName}
                onChange={(e) => setDisplayName(e.target.value)}
                required
                maxLength={40}
                autoComplete="off"
                className={field}
                data-testid="create-display-name"
              />
            </label>
          </div>
          <div className="mt-4">
            <AssignmentsEditor value={drafts} onChange={setDrafts} testId="create-assignments" />
          </div>
          <label className="mt-4 block max-w-sm text-sm font-medium text-slate-700">
            {text.password}
            <input
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoComplete="new-password"
              className={field}
              data-testid="create-password"
            />
            <span className="mt-0.5 block text-xs font-normal text-slate-500">
              {text.passwordHint} {t.auth.passwordRules}
            </span>
          </label>
          <div className="mt-5 flex gap-3">
            <Button
              type="submit"
              disabled={submitting}
              kind="primary"
              extra="shadow disabled:cursor-wait disabled:opacity-70"
              testId="create-submit"
            >
              {submitting ? text.submitting : text.submit}
            </Button>
            <Button
              type="button"
              onClick={() => {
                reset();
                setOpen(false);
              }}
              kind="quiet"
            >
              {text.cancel}
            </Button>
          </div>
        </form>
      )}
      <TemporaryPasswordDialog
        password={created?.password ?? null}
        accountName={created?.name ?? ""}
        onClose={() => setCreated(null)}
      />
    </section>
  );
}
