"use client";

import { useState, type MouseEvent } from "react";
import { filenameFromDisposition } from "@/lib/format/content-disposition";
import { t } from "@/lib/i18n";
import { caseDesk } from "@/lib/i18n/zh-CN/case-desk";

type State =
  { status: "idle" } | { status: "busy"; href: string } | { status: "done"; rows: number } | { status: "error"; message: string };

const text = caseDesk.export;

/**
 * Download links for exports. Each is a normal link (works without scripts); with scripts the file is
 * fetched first, so a refusal (too many rows, no permission) shows as its Chinese message beside the
 * buttons instead of a JSON page, and the row count of a finished download is shown.
 */
export function DownloadButtons({
  items,
  hint,
  kind = "cases",
}: {
  items: { label: string; href: string; testId: string }[];
  hint?: string;
  kind?: "cases" | "rates";
}) {
  const [state, setState] = useState<State>({ status: "idle" });
  const busy = state.status === "busy";

  const download = async (e: MouseEvent<HTMLAnchorElement>, href: string) => {
    e.preventDefault();
    if (busy) return;
    setState({ status: "busy", href });
    try {
      const response = await fetch(href);
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? text.failed);
      }
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = filenameFromDisposition(response.headers.get("content-disposition")) ?? "export";
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState({ status: "done", rows: Number(response.headers.get("x-row-count") ?? 0) });
    } catch (err) {
      setState({
        status: "error",
        message: err instanceof TypeError ? t.errors.UNAVAILABLE : (err as Error).message || text.failed,
      });
    }
  };

  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="download-buttons">
      {items.map((item) => (
        <a
          key={item.href}
          href={item.href}
          onClick={(e) => download(e, item.href)}
          aria-disabled={busy}
          className={`inline-flex h-8 items-center rounded-md px-3 text-sm font-medium ring-1 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 ${busy ? "pointer-events-none bg-slate-100 text-slate-400 ring-slate-200" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
          data-testid={item.testId}
        >
          {busy && state.href === item.href ? text.busy : item.label}
        </a>
      ))}
      <span aria-live="polite" className="text-xs">
        {state.status === "done" && (
          <span className="text-emerald-700" data-testid="download-done">
            {kind === "rates" ? caseDesk.rates.exportDone(state.rows) : text.done(state.rows)}
          </span>
        )}
        {state.status === "error" && (
          <span className="text-red-700" role="alert" data-testid="download-error">
            {state.message}
          </span>
        )}
        {state.status === "idle" && hint && <span className="text-slate-400">{hint}</span>}
      </span>
    </div>
  );
}
