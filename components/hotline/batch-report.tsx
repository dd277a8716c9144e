"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { fetchJson } from "@/components/ui/fetch-json";
import type { BatchOutcome, BatchReportDto } from "@/lib/hotline/dto";
import { hotline } from "@/lib/i18n/zh-CN/hotline";
import { seconds } from "./format";
import { StatusBadge } from "./status-badge";

const text = hotline.report;
const OUTCOMES: BatchOutcome[] = ["created", "updated", "unchanged", "queued", "rejected"];
const TONE: Record<BatchOutcome, { card: string; chip: string }> = {
  created: { card: "text-emerald-700", chip: "bg-emerald-100 text-emerald-800" },
  updated: { card: "text-sky-700", chip: "bg-sky-100 text-sky-800" },
  unchanged: { card: "text-slate-600", chip: "bg-slate-100 text-slate-700" },
  queued: { card: "text-amber-700", chip: "bg-amber-100 text-amber-800" },
  rejected: { card: "text-rose-700", chip: "bg-rose-100 text-rose-800" },
};
const cell = "border-b border-slate-100 px-3 py-2 text-left align-top";

/**
 * An import's report: counts per outcome (each a filter), the lines of the file with their reason, and the
 * full report as CSV. While the worker runs, the page asks for the progress every second.
 */
export function BatchReport({ initial }: { initial: BatchReportDto }) {
  const [report, setReport] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const { batch } = report;
  const live = batch.status === "pending" || batch.status === "running";

  useEffect(() => {
    if (!live) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const q = initial.shownOutcome ? `?outcome=${initial.shownOutcome}` : "";
      fetchJson<BatchReportDto>(`/api/hotline/imports/${batch.id}${q}`, controller.signal)
        .then((r) => {
          setReport(r);
          setError(null);
        })
        .catch((e: Error) => {
          if (e.name !== "AbortError") setError(e.message);
        });
    }, 1000);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [live, report, batch.id, initial.shownOutcome]);

  const percent = batch.totalRows ? Math.round((batch.processedRows / batch.totalRows) * 100) : 0;
  const filterHref = (o: BatchOutcome | null) => `/hotline/imports/${batch.id}${o ? `?outcome=${o}` : ""}`;

  return (
    <div className="space-y-4" data-testid="batch-report" data-status={batch.status}>
      <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
        <StatusBadge status={batch.status} />
        <span>{text.summary(batch.totalRows, batch.status === "done" ? batch.durationMs : null)}</span>
        <span className="text-slate-400">·</span>
        <span>{batch.createdByName}</span>
        {batch.encoding && (
          <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-500">
            {batch.format.toUpperCase()} · {batch.encoding}
          </span>
        )}
        {batch.status === "done" && (
          <a
            href={`/api/hotline/imports/${batch.id}/report`}
            className="ml-auto rounded-lg bg-white px-3 py-1.5 text-sky-700 shadow-sm ring-1 ring-slate-200 hover:bg-sky-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
            data-testid="report-download"
          >
            {text.download}
          </a>
        )}
      </div>

      {live && (
        <div
          className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
          role="status"
          aria-live="polite"
          data-testid="report-progress"
        >
          <p className="text-sm text-slate-700">
            {batch.status === "pending" ? text.waiting : text.running(batch.processedRows, batch.totalRows)}
          </p>
          <div className="mt-2 h-2 overflow-hidden rounded-full bg-slate-100">
            <div className="h-full rounded-full bg-sky-500 transition-all" style={{ width: `${percent}%` }} />
          </div>
        </div>
      )}
      {batch.status === "failed" && (
        <p role="alert" className="rounded-lg bg-rose-50 px-4 py-3 text-sm text-rose-800 ring-1 ring-rose-200">
          {text.failed}
          {batch.error}
        </p>
      )}
      {error && (
        <p role="alert" className="rounded-lg bg-amber-50 px-4 py-2 text-sm text-amber-800 ring-1 ring-amber-200">
          {error}
        </p>
      )}

      <div className="grid grid-cols-5 gap-3" data-testid="report-counts">
        {OUTCOMES.map((o) => (
          <Link
            key={o}
            href={filterHref(report.shownOutcome === o ? null : o)}
            aria-current={report.shownOutcome === o ? "true" : undefined}
            className={`rounded-xl bg-white p-4 shadow-sm ring-1 hover:ring-sky-300 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 ${report.shownOutcome === o ? "ring-2 ring-sky-500" : "ring-slate-200"}`}
            data-testid={`count-${o}`}
          >
            <div className="text-xs text-slate-500">{hotline.outcomeLabels[o]}</div>
            <div className={`mt-1 text-2xl font-semibold tabular-nums ${TONE[o].card}`}>{batch.counts[o]}</div>
          </Link>
        ))}
      </div>

      <section className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
        <div className="flex items-center gap-3 border-b border-slate-100 px-4 py-2 text-sm">
          <Link
            href={filterHref(null)}
            className={`rounded px-2 py-1 ${report.shownOutcome === null ? "bg-slate-800 text-white" : "text-sky-700 hover:underline"}`}
          >
            {text.filterAll}
          </Link>
          {OUTCOMES.map((o) => (
            <Link
              key={o}
              href={filterHref(o)}
              className={`rounded px-2 py-1 ${report.shownOutcome === o ? "bg-slate-800 text-white" : "text-sky-700 hover:underline"}`}
            >
              {hotline.outcomeLabels[o]}
            </Link>
          ))}
          {report.shownOutcome === "queued" && batch.counts.queued > 0 && (
            <Link
              href="/hotline/queue"
              className="ml-auto rounded-lg bg-amber-500 px-3 py-1 text-sm font-medium text-white hover:bg-amber-600"
            >
              {text.openQueue} →
            </Link>
          )}
        </div>
        {report.rows.length === 0 ? (
          <p className="p-6 text-sm text-slate-500" data-testid="report-empty">
            {live ? text.waiting : text.empty}
          </p>
        ) : (
          <table className="w-full border-collapse text-sm" data-testid="report-rows">
            <thead className="text-slate-500">
              <tr>
                <th scope="col" className={`${cell} w-16 font-medium`}>
                  {text.columns.row}
                </th>
                <th scope="col" className={`${cell} w-48 font-medium`}>
                  {text.columns.orderNo}
                </th>
                <th scope="col" className={`${cell} w-24 font-medium`}>
                  {text.columns.outcome}
                </th>
                <th scope="col" className={`${cell} font-medium`}>
                  {text.columns.message}
                </th>
                <th scope="col" className={`${cell} w-48 font-medium`}>
                  {text.columns.caseNumber}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.rows.map((r) => (
                <tr key={r.rowNumber} data-testid="report-row" data-outcome={r.outcome}>
                  <td className={`${cell} tabular-nums text-slate-500`}>{r.rowNumber}</td>
                  <td className={`${cell} font-mono text-xs`}>{r.orderNo ?? "—"}</td>
                  <td className={cell}>
                    <span className={`whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${TONE[r.outcome].chip}`}>
                      {hotline.outcomeLabels[r.outcome]}
                    </span>
                  </td>
                  <td className={`${cell} text-slate-700`}>{r.message}</td>
                  <td className={cell}>
                    {r.caseId && r.caseNumber ? (
                      <Link href={`/cases/${r.caseId}`} className="font-mono text-xs text-sky-700 hover:underline">
                        {r.caseNumber}
                      </Link>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {report.matching > report.rows.length && (
          <p className="border-t border-slate-100 px-4 py-2 text-xs text-slate-500">
            {text.more(report.rows.length, report.matching)}
          </p>
        )}
      </section>
      {batch.status === "done" && <p className="text-xs text-slate-400">{seconds(batch.durationMs)}</p>}
    </div>
  );
}
