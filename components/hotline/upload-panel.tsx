"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type DragEvent } from "react";
import { hotline } from "@/lib/i18n/zh-CN/hotline";
import { Button } from "@/components/ui/button";

const text = hotline.upload;
const ACCEPT = ".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv";
const MAX_BYTES = 10 * 1024 * 1024;

/**
 * Choose or drop a 12345 file and send it; the server checks the whole file at once (format, header, size)
 * and answers with the batch, whose report page then follows the worker's progress.
 */
export function UploadPanel() {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function pick(f: File | null | undefined) {
    setError(null);
    if (!f) return;
    if (!/\.(xlsx|csv)$/i.test(f.name)) {
      setError(hotline.fileErrors.format);
      return;
    }
    if (f.size > MAX_BYTES) {
      setError(hotline.fileErrors.tooLarge(10));
      return;
    }
    setFile(f);
  }

  function onDrop(e: DragEvent<HTMLLabelElement>) {
    e.preventDefault();
    setDragging(false);
    pick(e.dataTransfer.files?.[0]);
  }

  async function submit() {
    if (!file || busy) return;
    setBusy(true);
    setError(null);
    try {
      const body = new FormData();
      body.set("file", file);
      const response = await fetch("/api/hotline/imports", { method: "POST", body, headers: { accept: "application/json" } });
      const payload = (await response.json().catch(() => null)) as { batchId?: number; error?: { message?: string } } | null;
      if (!response.ok || !payload?.batchId) throw new Error(payload?.error?.message ?? hotline.rowErrors.internal);
      router.push(`/hotline/imports/${payload.batchId}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : hotline.rowErrors.internal);
      setBusy(false);
    }
  }

  return (
    <section
      className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
      aria-labelledby="upload-title"
      data-testid="upload-panel"
    >
      <h2 id="upload-title" className="font-semibold text-slate-900">
        {text.title}
      </h2>
      <label
        htmlFor="hotline-file"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`mt-3 flex cursor-pointer flex-col items-center justify-center rounded-lg border-2 border-dashed px-6 py-8 text-center text-sm transition focus-within:ring-2 focus-within:ring-sky-500 ${
          dragging ? "border-sky-500 bg-sky-50" : "border-slate-300 bg-slate-50 hover:border-sky-400"
        }`}
        data-testid="drop-zone"
      >
        <svg viewBox="0 0 24 24" className="h-8 w-8 text-slate-400" aria-hidden="true">
          <path
            d="M12 16V4m0 0-4 4m4-4 4 4M4 16v3a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-3"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        <span className="mt-2 text-slate-700">
          {text.drop} <span className="font-medium text-sky-700 underline">{text.choose}</span>
        </span>
        <span className="mt-1 text-xs text-slate-500">{text.accepted}</span>
        <input
          id="hotline-file"
          ref={input}
          type="file"
          accept={ACCEPT}
          className="sr-only"
          onChange={(e) => pick(e.target.files?.[0])}
          data-testid="file-input"
        />
      </label>
      {file && (
        <p className="mt-3 text-sm text-slate-700" data-testid="file-chosen">
          {text.selected(file.name, Math.max(1, Math.round(file.size / 1024)))}
        </p>
      )}
      {error && (
        <p
          role="alert"
          className="mt-3 rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-rose-200"
          data-testid="upload-error"
        >
          {error}
        </p>
      )}
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <Button
          type="button"
          onClick={submit}
          disabled={!file || busy}
          kind="primary"
          extra="shadow-sm disabled:cursor-not-allowed disabled:bg-slate-300"
          testId="upload-submit"
        >
          {busy ? text.uploading : text.submit}
        </Button>
        <a
          href="/api/hotline/template?format=xlsx"
          className="text-sm text-sky-700 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
          data-testid="template-xlsx"
        >
          {text.templateXlsx}
        </a>
        <a
          href="/api/hotline/template?format=csv"
          className="text-sm text-sky-700 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
          data-testid="template-csv"
        >
          {text.templateCsv}
        </a>
      </div>
    </section>
  );
}
