"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { sendJson } from "@/components/account/send-json";
import { Dialog } from "@/components/ui/dialog";
import type { ApiKeyDto, KeyRegionOption } from "@/lib/open311/dto";
import { open311 } from "@/lib/i18n/zh-CN/open311";
import { Button } from "@/components/ui/button";
import { filterControlClass } from "@/components/ui/field";

const text = open311.keys;
const control = `mt-1 block ${filterControlClass}`;

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
        <Button type="submit" disabled={busy} kind="primary" extra="shadow-sm disabled:bg-slate-300" testId="key-create">
          {busy ? text.create.creating : text.create.submit}
        </Button>
        {error && (
          <p role="alert" className="w-full text-sm text-rose-700" data-testid="key-error">
            {error}
          </p>
        )}
      </form>
      <Dialog open={created !== null} onClose={close} title={text.created.title} testId="key-created-dialog">
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
          <Button
            type="button"
            onClick={async () => {
              try {
                await navigator.clipboard.writeText(created?.token ?? "");
                setCopied(true);
              } catch {
                field.current?.select();
              }
            }}
            kind="primary"
            extra="shrink-0"
          >
            {copied ? text.created.copied : text.created.copy}
          </Button>
        </div>
        <div className="mt-5 flex justify-end">
          <Button type="button" onClick={close} kind="dark" testId="key-created-close">
            {text.created.close}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
