"use client";

import { useRef, useState } from "react";
import { t } from "@/lib/i18n";
import { ModalDialog } from "./modal-dialog";

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
    <ModalDialog open={password !== null} onClose={close} title={text.title} testId="temporary-password-dialog">
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
        <button
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
          className="shrink-0 rounded-lg bg-sky-600 px-4 py-2 text-sm font-semibold text-white hover:bg-sky-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:ring-offset-2"
          data-testid="copy-temporary-password"
        >
          {copy === "copied" ? text.copied : text.copy}
        </button>
      </div>
      <p role="status" className="mt-1 h-5 text-xs text-slate-500">
        {copy === "failed" ? text.copyFailed : ""}
      </p>
      <div className="mt-4 flex justify-end">
        <button
          type="button"
          onClick={close}
          className="rounded-lg bg-slate-800 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-slate-400 focus-visible:ring-offset-2"
          data-testid="close-temporary-password"
        >
          {text.close}
        </button>
      </div>
    </ModalDialog>
  );
}
