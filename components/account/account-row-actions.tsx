"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { AccountListItem } from "@/lib/account/dto";
import { t } from "@/lib/i18n";
import { EditAssignmentsDialog } from "./edit-assignments-dialog";
import { Dialog } from "@/components/ui/dialog";
import { sendJson } from "./send-json";
import { TemporaryPasswordDialog } from "./temporary-password-dialog";
import { Button } from "@/components/ui/button";

const text = t.account;
type Pending = "disable" | "enable" | "resetPassword" | "revokeSessions";

const button =
  "rounded-md px-2 py-1 text-xs font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400 disabled:cursor-not-allowed disabled:opacity-40";

/**
 * The actions of one account row: 停用/启用, 重置密码, 注销会话 (each confirmed in a dialog first) and
 * 编辑角色. After a change the page's server data is refreshed; the outcome is announced in the row.
 */
export function AccountRowActions({ account, isSelf }: { account: AccountListItem; isSelf: boolean }) {
  const router = useRouter();
  const name = `${account.displayName}（${account.username}）`;
  const [confirming, setConfirming] = useState<Pending | null>(null);
  const [working, setWorking] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [temporary, setTemporary] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);

  const run = async (action: Pending) => {
    setWorking(true);
    setMessage(null);
    try {
      if (action === "disable" || action === "enable") {
        await sendJson(`/api/accounts/${account.id}`, "PATCH", {
          disabled: action === "disable",
          expectedVersion: account.version,
        });
        setMessage({ ok: true, text: action === "disable" ? text.done.disabled(name) : text.done.enabled(name) });
      } else if (action === "resetPassword") {
        const result = await sendJson<{ temporaryPassword: string }>(`/api/accounts/${account.id}/reset-password`, "POST");
        setTemporary(result.temporaryPassword);
      } else {
        const result = await sendJson<{ revokedSessions: number }>(`/api/accounts/${account.id}/revoke-sessions`, "POST");
        setMessage({ ok: true, text: text.done.revoked(name, result.revokedSessions) });
      }
      router.refresh();
    } catch (err) {
      setMessage({ ok: false, text: (err as Error).message });
    } finally {
      setWorking(false);
      setConfirming(null);
    }
  };

  const confirmText: Record<Pending, string> = {
    disable: text.confirm.disable(name),
    enable: text.confirm.enable(name),
    resetPassword: text.confirm.resetPassword(name),
    revokeSessions: text.confirm.revokeSessions(name),
  };
  const actionLabel: Record<Pending, string> = {
    disable: text.actions.disable,
    enable: text.actions.enable,
    resetPassword: text.actions.resetPassword,
    revokeSessions: text.actions.revokeSessions,
  };

  return (
    <div className="flex flex-col items-start gap-1">
      <div className="flex flex-wrap gap-1">
        {account.disabled ? (
          <button
            type="button"
            className={`${button} text-emerald-700 hover:bg-emerald-50`}
            onClick={() => setConfirming("enable")}
            data-testid="account-enable"
          >
            {text.actions.enable}
          </button>
        ) : (
          <button
            type="button"
            className={`${button} text-rose-700 hover:bg-rose-50`}
            onClick={() => setConfirming("disable")}
            disabled={isSelf}
            title={isSelf ? text.errors.selfDisable : undefined}
            data-testid="account-disable"
          >
            {text.actions.disable}
          </button>
        )}
        <button
          type="button"
          className={`${button} text-amber-700 hover:bg-amber-50`}
          onClick={() => setConfirming("resetPassword")}
          disabled={isSelf}
          title={isSelf ? text.errors.selfReset : undefined}
          data-testid="account-reset-password"
        >
          {text.actions.resetPassword}
        </button>
        <button
          type="button"
          className={`${button} text-slate-700 hover:bg-slate-100`}
          onClick={() => setConfirming("revokeSessions")}
          disabled={account.liveSessions === 0 && !isSelf}
          data-testid="account-revoke-sessions"
        >
          {text.actions.revokeSessions}
        </button>
        <button
          type="button"
          className={`${button} text-sky-700 hover:bg-sky-50`}
          onClick={() => setEditing(true)}
          data-testid="account-edit-roles"
        >
          {text.actions.editRoles}
        </button>
      </div>
      {message && (
        <p
          role={message.ok ? "status" : "alert"}
          className={`text-xs ${message.ok ? "text-emerald-700" : "text-rose-700"}`}
          data-testid="account-action-message"
        >
          {message.text}
        </p>
      )}

      <Dialog
        open={confirming !== null}
        onClose={() => !working && setConfirming(null)}
        title={confirming ? actionLabel[confirming] : ""}
        testId="account-confirm-dialog"
      >
        <p className="text-sm text-slate-600">{confirming ? confirmText[confirming] : ""}</p>
        <div className="mt-5 flex justify-end gap-3">
          <Button type="button" autoFocus onClick={() => setConfirming(null)} disabled={working} kind="quiet">
            {t.account.create.cancel}
          </Button>
          <button
            type="button"
            onClick={() => confirming && run(confirming)}
            disabled={working}
            className={`rounded-lg px-4 py-2 text-sm font-semibold text-white focus:outline-none focus-visible:ring-2 focus-visible:ring-offset-2 disabled:cursor-wait disabled:opacity-70 ${
              confirming === "enable"
                ? "bg-emerald-600 hover:bg-emerald-700 focus-visible:ring-emerald-400"
                : "bg-rose-600 hover:bg-rose-700 focus-visible:ring-rose-400"
            }`}
            data-testid="account-confirm"
          >
            {working ? text.actions.working : confirming ? actionLabel[confirming] : ""}
          </button>
        </div>
      </Dialog>

      <TemporaryPasswordDialog password={temporary} accountName={name} onClose={() => setTemporary(null)} />

      <EditAssignmentsDialog
        open={editing}
        accountId={account.id}
        accountName={name}
        version={account.version}
        assignments={account.assignments}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          setMessage({ ok: true, text: text.done.assignments(name) });
          router.refresh();
        }}
      />
    </div>
  );
}
