"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { sendJson } from "@/components/account/send-json";
import { ModalDialog } from "@/components/account/modal-dialog";
import type { ApiKeyDto, KeyRegionOption } from "@/lib/open311/dto";
import { open311 } from "@/lib/i18n/zh-CN/open311";

const text = open311.keys;
const control =
  "mt-1 block rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500/30";

/** Name a key and pick its region; the new token is shown once in a dialog with a copy button. */
export function CreateKeyForm({ regions }: { regions: KeyRegionOption[] }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [regionId, setRegionId] = useState(regions[0]?.id ?? 0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ key: ApiKeyDto; token: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const field = useRef<HTMLInputElement>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!name.trim()) {
      setError(text.create.nameRequired);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await sendJson<{ key: ApiKeyDto; token: string }>("/api/api-keys", "POST", { name: name.trim(), regionId });
      setCreated(result);
      setName("");
      router.refresh();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  function close() {
    setCreated(null);
    setCopied(false);
  }

  return (
    <>
      <form
        onSubmit={submit}
        className="mt-4 flex flex-wrap items-end gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
        data-testid="create-key-form"
        aria-label={text.create.title}
      >
        <label className="text-xs font-medium text-slate-600">
          {text.create.name}
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={60}
            placeholder={text.create.namePlaceholder}
            className={`${control} w-64`}
            data-testid="key-name"
          />
        </label>
        <label className="text-xs font-medium text-slate-600">
          {text.create.region}
          <select
            value={regionId}
            onChange={(e) => setRegionId(Number(e.target.value))}
            className={`${control} w-56`}
            data-testid="key-region"
          >
            {regions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.level === 0 ? r.name : `　${r.name}`}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          disabled={busy}
          className="rounded-lg bg-sky-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-sky-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:ring-offset-2 disabled:bg-slate-300"
          data-testid="key-create"
        >
          {busy ? text.create.creating : text.create.submit}
        </button>
        {error && (
          <p role="alert" className="w-full text-sm text-rose-700" data-testid="key-error">
            {error}
          </p>
        )}
      </form>
      <ModalDialog open={created !== null} onClose={close} title={text.created.title} testId="key-created-dialog">
        <p className="text-sm text-slate-600">{text.created.body}</p>
        <div className="mt-4 flex items-center gap-2">
          <input
            ref={field}
            readOnly
            value={created?.token ?? ""}
            onFocus={(e) => e.target.select()}
            aria-label={text.created.title}
            className="block w-full rounded-lg border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm text-slate-900"
            data-testid="key-token"
          />
          <button
            type="button"
            onClick={async () => {
              try {
                await navigator.clipboard.writeText(created?.token ?? "");
                setCopied(true);
              } catch {
                field.current?.select();
              }
            }}
            className="shrink-0 rounded-lg bg-sky-600 px-4 py-2 text-sm font-semibold text-white hover:bg-sky-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:ring-offset-2"
          >
            {copied ? text.created.copied : text.created.copy}
          </button>
        </div>
        <div className="mt-5 flex justify-end">
          <button
            type="button"
            onClick={close}
            className="rounded-lg bg-slate-800 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-slate-400 focus-visible:ring-offset-2"
            data-testid="key-created-close"
          >
            {text.created.close}
          </button>
        </div>
      </ModalDialog>
    </>
  );
}
