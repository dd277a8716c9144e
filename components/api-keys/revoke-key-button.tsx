"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/components/account/send-json";
import { open311 } from "@/lib/i18n/zh-CN/open311";

const text = open311.keys;

/** Revokes one key after a confirmation (it cannot be undone). */
export function RevokeKeyButton({ id, name }: { id: number; name: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col items-start">
      <button
        type="button"
        disabled={busy}
        onClick={async () => {
          if (!window.confirm(text.revokeConfirm(name))) return;
          setBusy(true);
          setError(null);
          try {
            await sendJson(`/api/api-keys/${id}/revoke`, "POST");
            router.refresh();
          } catch (e) {
            setError(e instanceof Error ? e.message : String(e));
          } finally {
            setBusy(false);
          }
        }}
        className="rounded-md px-2 py-1 text-sm text-rose-700 ring-1 ring-rose-200 hover:bg-rose-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-rose-400 disabled:opacity-50"
        data-testid="key-revoke"
      >
        {busy ? text.revoking : text.revoke}
      </button>
      {error && (
        <span role="alert" className="mt-1 text-xs text-rose-700">
          {error}
        </span>
      )}
    </span>
  );
}
