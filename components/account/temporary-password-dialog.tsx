"use client";

import { useRef, useState } from "react";
import { t } from "@/lib/i18n";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";

const text = t.account.temporaryPassword;

/**
 * Shows a generated password once (it is never stored in clear and cannot be shown again), with a
 * copy button; the field is selectable for a manual copy when the clipboard is not available.
 */
export function TemporaryPasswordDialog({
  password,
  accountName,
  onClose,
}: {
  password: string | null;
  accountName: string;
  onClose: () => void;
}) {
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  const field = useRef<HTMLInputElement>(null);
  const close = () => {
    setCopy("idle");
    onClose();
  };
  return (
    <Dialog open={password !== null} onClose={close} title={text.title} testId="temporary-password-dialog">
      <p className="text-sm text-slate-600">{text.intro(accountName)}</p>
      <div className="mt-4 flex items-center gap-2">
        <input
          ref={field}
          readOnly
          value={password ?? ""}
          onFocus={(e) => e.target.select()}
          aria-label={text.title}
          className="block w-full rounded-lg border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-lg tracking-wider text-slate-900"
          data-testid="temporary-password"
        />
        <Button
          type="button"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(password ?? "");
              setCopy("copied");
            } catch {
              field.current?.select();
              setCopy("failed");
            }
          }}
          kind="primary"
          extra="shrink-0"
          testId="copy-temporary-password"
        >
          {copy === "copied" ? text.copied : text.copy}
        </Button>
      </div>
      <p role="status" className="mt-1 h-5 text-xs text-slate-500">
        {copy === "failed" ? text.copyFailed : ""}
      </p>
      <div className="mt-4 flex justify-end">
        <Button type="button" onClick={close} kind="dark" testId="close-temporary-password">
          {text.close}
        </Button>
      </div>
    </Dialog>
  );
}
