import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/app/_lib/page-context";
import { ConfirmReport, GenerateReport } from "@/components/attendance/report-actions";
import { buttonClass } from "@/components/ui/button";
import { ConsoleFrame } from "@/components/ui/console-frame";
import { EmptyState } from "@/components/ui/empty-state";
import { PageBody, PageHeader } from "@/components/ui/page-header";
import { cellClass, headCellClass, TableFrame } from "@/components/ui/table";
import { monthParam } from "@/lib/attendance/days/month-range";
import { previousMonth } from "@/lib/attendance/reports/month-of";
import { getMonthReportView } from "@/lib/attendance/reports/get-month-report-view";
import { beijingDay, formatShortDateTime } from "@/lib/format/time";
import { attendanceDays } from "@/lib/i18n/zh-CN/attendance-days";
import type { MonthFigures } from "@/lib/attendance/reports/get-month-report-view";

const p = attendanceDays.pages;
const c = attendanceDays.columns;
export const metadata: Metadata = { title: p.reportsTitle };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const hours = (m: number) => (m / 60).toFixed(1);
const FIGURES: { header: string; value: (r: MonthFigures) => string | number }[] = [
  { header: c.workDays, value: (r) => r.workDays },
  { header: c.daysWorked, value: (r) => r.daysWorked },
  { header: c.lateCount, value: (r) => r.lateCount },
  { header: c.lateMinutes, value: (r) => r.lateMinutes },
  { header: c.earlyCount, value: (r) => r.earlyCount },
  { header: c.absentDays, value: (r) => r.absentDays },
  { header: c.missingPunches, value: (r) => r.missingPunches },
  { header: c.outsideDays, value: (r) => r.outsideDays },
  { header: c.corrections, value: (r) => r.corrections },
  { header: c.leaveDays, value: (r) => r.leaveDays },
  { header: c.overtimeWorkdayHours, value: (r) => hours(r.overtimeWorkdayMinutes) },
  { header: c.overtimeRestdayHours, value: (r) => hours(r.overtimeRestdayMinutes) },
  { header: c.overtimeHolidayHours, value: (r) => hours(r.overtimeHolidayMinutes) },
  { header: `${c.patrolsDone}/${c.patrolsRequired}`, value: (r) => `${r.patrolsDone}/${r.patrolsRequired}` },
];

/** 考勤月报: generate a version, see its rows per person and per department, confirm (lock), export; versions and changes. */
export default async function AttendanceReportsPage({ searchParams }: Props) {
  const ctx = await requirePagePermission("attendance.report");
  const sp = await searchParams;
  const thisMonth = beijingDay(new Date()).slice(0, 7);
  const month = monthParam(sp.month, previousMonth(thisMonth));
  const view = await getMonthReportView({
    ctx,
    input: { month, version: typeof sp.version === "string" ? sp.version : undefined },
  });
  const byDepartment = sp.by === "department";
  const sel = view.selected;
  const url = (extra: Record<string, string | number>) =>
    `/attendance/reports?${new URLSearchParams({ month, ...(sel ? { version: String(sel.version) } : {}), ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, String(v)])) }).toString()}`;
  return (
    <ConsoleFrame>
      <PageBody testId="attendance-reports">
        <PageHeader title={p.reportsTitle} intro={p.reportsIntro} />
        <div className="my-4 rounded-xl bg-white p-4 ring-1 ring-slate-200">
          <GenerateReport month={month} maxMonth={thisMonth} />
        </div>
        {view.reports.length === 0 ? (
          <EmptyState testId="reports-empty">{p.noReports}</EmptyState>
        ) : (
          <div className="space-y-4">
            <nav className="flex flex-wrap items-center gap-2" aria-label={p.version} data-testid="report-versions">
              {view.reports.map((r) => (
                <Link
                  key={r.id}
                  href={`/attendance/reports?month=${month}&version=${r.version}`}
                  aria-current={sel?.id === r.id ? "page" : undefined}
                  className={`rounded-full px-3 py-1 text-sm ring-1 ${sel?.id === r.id ? "bg-sky-600 text-white ring-sky-600" : "bg-white text-slate-700 ring-slate-300"}`}
                  data-testid="report-version"
                  data-state={r.state}
                >
                  {p.version} {r.version} · {attendanceDays.reportState[r.state]}
                </Link>
              ))}
            </nav>
            {sel && (
              <div
                className="flex flex-wrap items-center gap-4 text-sm text-slate-600"
                data-testid="report-selected"
                data-state={sel.state}
              >
                <span>
                  {p.generatedAt} {formatShortDateTime(sel.generatedAt)}
                </span>
                {sel.confirmedAt && (
                  <span>
                    {p.confirmedAt} {formatShortDateTime(sel.confirmedAt)}
                  </span>
                )}
                <span>
                  {p.rows} {sel.rowCount}
                </span>
                {sel.state === "draft" && sel.id === view.reports[0].id && <ConfirmReport id={sel.id} />}
                <a
                  href={`/api/attendance/reports/${sel.id}/export`}
                  className={buttonClass("secondary")}
                  data-testid="report-export"
                >
                  {p.exportXlsx}
                </a>
              </div>
            )}
            {view.changes && (
              <section className="rounded-xl bg-amber-50 p-4 text-sm ring-1 ring-amber-200" data-testid="report-changes">
                <h2 className="font-semibold text-amber-900">{p.changedSince(view.changes.againstVersion)}</h2>
                {view.changes.rows.length === 0 ? (
                  <p className="mt-1">{p.noChanges}</p>
                ) : (
                  <ul className="mt-1 list-inside list-disc">
                    {view.changes.rows.map((r) => (
                      <li key={r.staffId}>
                        {r.staffName} ({r.staffNo}): {r.fields.map((f) => c[f as keyof typeof c] ?? f).join("、")}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            )}
            <nav className="flex gap-2">
              <Link
                href={url({ by: "person" })}
                aria-current={!byDepartment ? "page" : undefined}
                className={`rounded px-3 py-1 text-sm ring-1 ${!byDepartment ? "bg-slate-800 text-white" : "bg-white"}`}
              >
                {p.byPerson}
              </Link>
              <Link
                href={url({ by: "department" })}
                aria-current={byDepartment ? "page" : undefined}
                className={`rounded px-3 py-1 text-sm ring-1 ${byDepartment ? "bg-slate-800 text-white" : "bg-white"}`}
                data-testid="report-by-department"
              >
                {p.byDepartment}
              </Link>
            </nav>
            <TableFrame>
              <table className="w-full border-collapse text-xs" data-testid="report-table">
                <thead>
                  <tr>
                    {(byDepartment ? [c.department, c.staffCount] : [c.staffNo, c.name, c.department]).map((h) => (
                      <th key={h} scope="col" className={`${headCellClass} whitespace-nowrap`}>
                        {h}
                      </th>
                    ))}
                    {FIGURES.map((f) => (
                      <th key={f.header} scope="col" className={`${headCellClass} text-right`}>
                        {f.header}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {byDepartment
                    ? view.departments.map((r) => (
                        <tr key={r.departmentId ?? 0} data-testid="report-row">
                          <td className={`${cellClass} whitespace-nowrap`}>{r.departmentName}</td>
                          <td className={cellClass}>{r.staffCount}</td>
                          {FIGURES.map((f) => (
                            <td key={f.header} className={`${cellClass} text-right tabular-nums`}>
                              {f.value(r)}
                            </td>
                          ))}
                        </tr>
                      ))
                    : view.people.map((r) => (
                        <tr key={r.staffId} data-testid="report-row" data-staff-no={r.staffNo}>
                          <td className={`${cellClass} whitespace-nowrap font-mono`}>{r.staffNo}</td>
                          <td className={`${cellClass} whitespace-nowrap`}>{r.staffName}</td>
                          <td className={`${cellClass} whitespace-nowrap`}>{r.departmentName}</td>
                          {FIGURES.map((f) => (
                            <td key={f.header} className={`${cellClass} text-right tabular-nums`} data-figure={f.header}>
                              {f.value(r)}
                            </td>
                          ))}
                        </tr>
                      ))}
                </tbody>
              </table>
            </TableFrame>
          </div>
        )}
      </PageBody>
    </ConsoleFrame>
  );
}
