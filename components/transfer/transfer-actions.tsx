"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { t } from "@/lib/i18n";
import type { TransferDetailDto } from "@/lib/transfer/dto";

const text = t.transfer;

async function post(url: string, body: unknown): Promise<void> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    const payload = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(payload?.error?.message ?? t.errors.INTERNAL);
  }
}

/**
 * What the caller may do on a transfer: decide a side they approve for (同意 / 不同意 with an optional note),
 * or withdraw it (HR). Each names the version the page showed: someone faster gets a 409 with its message.
 */
export function TransferActions({ transfer }: { transfer: TransferDetailDto }) {
  const router = useRouter();
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sides = transfer.sides.filter((s) => s.canDecide);
  if (sides.length === 0 && !transfer.canCancel) return null;

  async function run(url: string, body: unknown) {
    setBusy(true);
    setError(null);
    try {
      await post(url, body);
      setNote("");
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section
      className="mt-6 max-w-2xl space-y-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
      data-testid="transfer-actions"
    >
      <Field label={text.fields.note} htmlFor="tf-note">
        <textarea
          id="tf-note"
          className={inputClass}
          rows={2}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Field>
      <div className="flex flex-wrap gap-2">
        {sides.map((s) => (
          <span key={s.side} className="flex gap-2">
            <Button
              kind="save"
              disabled={busy}
              testId={`transfer-approve-${s.side}`}
              onClick={() =>
                run(`/api/transfers/${transfer.id}/decision`, {
                  side: s.side,
                  decision: "approve",
                  expectedVersion: transfer.version,
                  note,
                })
              }
            >
              {text.detail.decideAs(s.label)} · {text.approve}
            </Button>
            <Button
              kind="secondary"
              disabled={busy}
              testId={`transfer-reject-${s.side}`}
              onClick={() =>
                run(`/api/transfers/${transfer.id}/decision`, {
                  side: s.side,
                  decision: "reject",
                  expectedVersion: transfer.version,
                  note,
                })
              }
            >
              {text.reject}
            </Button>
          </span>
        ))}
        {transfer.canCancel && (
          <Button
            kind="quiet"
            disabled={busy}
            testId="transfer-cancel"
            onClick={() => run(`/api/transfers/${transfer.id}/cancel`, { expectedVersion: transfer.version, note })}
          >
            {text.cancel}
          </Button>
        )}
      </div>
      {error && (
        <p
          className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-red-200"
          role="alert"
          data-testid="transfer-action-error"
        >
          {error}
        </p>
      )}
    </section>
  );
}
