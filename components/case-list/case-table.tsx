import Link from "next/link";
import type { CaseSummaryDto } from "@/lib/case/case-dto";
import { OPEN_STATES } from "@/lib/case/case-states";
import { cases } from "@/lib/i18n/zh-CN/case";
import { caseDesk } from "@/lib/i18n/zh-CN/case-desk";
import { caseLoop } from "@/lib/i18n/zh-CN/case-loop";
import { deadlineNote } from "@/lib/case/deadline-note";
import { formatDateTime, formatShortDateTime } from "@/lib/format/time";
import { LightBadge } from "./light-badge";
import { RowNavigator } from "./row-navigator";

const text = caseDesk.list;
const head =
  "sticky top-0 z-10 border-b border-slate-200 bg-slate-50 px-3 py-2 text-left text-xs font-medium whitespace-nowrap text-slate-500";
const cell = "border-b border-slate-100 px-3 py-2 text-left align-top";

/** The case list's table: one row per case, the number links to its detail page. */
export function CaseTable({ rows, now }: { rows: CaseSummaryDto[]; now: Date }) {
  const c = text.columns;
  return (
    <RowNavigator label={text.pageTitle}>
      <table className="w-full border-collapse text-sm" data-testid="case-table">
        <caption className="sr-only">
          {text.pageTitle}（{text.keyboardHint}）
        </caption>
        <thead>
          <tr>
            {[c.number, c.reportedAt, c.category, c.place, c.state, c.light, c.deadline, c.leadUnit].map((h) => (
              <th key={h} scope="col" className={head}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            // A light means something only while the clock runs: open and not suspended (挂账).
            const light = OPEN_STATES.includes(r.state) && r.state !== "suspended" ? r.light : null;
            const note = r.deadlineAt && light ? deadlineNote(r.deadlineAt, now) : null;
            return (
              <tr key={r.id} className="hover:bg-sky-50/60 focus-within:bg-sky-50" data-testid="case-row" data-case-id={r.id}>
                <td className={`${cell} whitespace-nowrap`}>
                  <Link
                    href={`/cases/${r.id}`}
                    prefetch={false}
                    data-row-link
                    aria-label={text.openCase(r.number)}
                    className="rounded font-mono text-xs text-sky-700 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
                  >
                    {r.number}
                  </Link>
                  <div className="mt-0.5 text-[11px] text-slate-400">
                    {caseDesk.sources[r.source]} · {cases.urgencies[r.urgency]}
                  </div>
                </td>
                <td className={`${cell} whitespace-nowrap tabular-nums text-slate-700`}>{formatDateTime(r.reportedAt)}</td>
                <td className={`${cell} max-w-72`}>
                  <div className="font-medium text-slate-800">{r.categoryName}</div>
                  <div className="truncate text-xs text-slate-500" title={r.description}>
                    {r.description}
                  </div>
                </td>
                <td className={`${cell} max-w-56`}>
                  <div className="text-slate-800">{r.gridName}</div>
                  {r.address && (
                    <div className="truncate text-xs text-slate-500" title={r.address}>
                      {r.address}
                    </div>
                  )}
                </td>
                <td className={`${cell} whitespace-nowrap`}>
                  <span className="text-slate-800">{caseLoop.stateLabels[r.state]}</span>
                  <div className="text-[11px] text-slate-400">{caseLoop.levelLabels[r.level]}</div>
                </td>
                <td className={cell}>
                  <LightBadge light={light} none={text.noLight} />
                </td>
                <td className={`${cell} whitespace-nowrap tabular-nums`}>
                  {r.deadlineAt && light ? (
                    <>
                      <div className="text-slate-700">{formatShortDateTime(r.deadlineAt)}</div>
                      {note && (
                        <div className={`text-[11px] ${note.overdue ? "font-medium text-red-700" : "text-slate-400"}`}>
                          {note.text}
                        </div>
                      )}
                    </>
                  ) : (
                    <span className="text-slate-400">{text.noDeadline}</span>
                  )}
                </td>
                <td className={`${cell} max-w-48 text-slate-700`}>
                  {r.leadUnitName ?? <span className="text-slate-400">{text.noUnit}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </RowNavigator>
  );
}

/** The table's place while a page loads: the same frame with grey bars, so nothing jumps when rows arrive. */
export function CaseTableSkeleton() {
  return (
    <div className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200" aria-busy="true" data-testid="case-table-loading">
      <p className="mb-3 text-sm text-slate-500" role="status">
        {text.loading}
      </p>
      <div className="space-y-2">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="h-6 animate-pulse rounded bg-slate-100" />
        ))}
      </div>
    </div>
  );
}
