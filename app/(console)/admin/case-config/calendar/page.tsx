import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/app/_lib/page-context";
import { beijingDay } from "@/lib/format/time";
import { listCalendarDays } from "@/lib/case-config/list-calendar-days";
import { weekdayOf } from "@/lib/case-config/schemas";
import { caseDesk } from "@/lib/i18n/zh-CN/case-desk";
import { AddCalendarDay, EditCalendarDay, WorkingHoursForm } from "../_components/calendar-forms";
import { calendarDayKindOf } from "@/lib/case-config/calendar-day-kind";
import { DeleteButton } from "../_components/delete-button";
import { cellClass, headCellClass, TableFrame } from "@/components/ui/table";
import { ConfigSection } from "../_components/section";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: `${caseDesk.config.nav.calendar} · ${caseDesk.config.pageTitle}` };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const text = caseDesk.config;
const cal = text.calendar;

/** 工作日历: one year's statutory holidays and swapped working days, and the working hours of a day. */
export default async function CalendarPage({ searchParams }: Props) {
  const ctx = await requirePagePermission("case.configure");
  const sp = await searchParams;
  const thisYear = Number(beijingDay(new Date()).slice(0, 4));
  const year = typeof sp.year === "string" && /^[0-9]{4}$/.test(sp.year) ? Number(sp.year) : thisYear;
  const data = await listCalendarDays({ ctx, input: { year } });
  const years = [...new Set([...data.years, thisYear, thisYear + 1])].sort((a, b) => b - a);
  const c = cal.columns;
  return (
    <ConfigSection title={cal.title} intro={cal.intro} testId="config-calendar">
      <div className="space-y-4">
        <WorkingHoursForm key={data.workingHours.version} setting={data.workingHours} />
        <nav className="flex flex-wrap items-center gap-2" aria-label={cal.year}>
          <span className="text-xs text-slate-500">{cal.year}</span>
          {years.map((y) => (
            <Link
              key={y}
              href={`/admin/case-config/calendar?year=${y}`}
              aria-current={y === data.year ? "page" : undefined}
              className={`rounded-full px-3 py-1 text-sm ring-1 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 ${y === data.year ? "bg-sky-600 text-white ring-sky-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
              data-testid={`calendar-year-${y}`}
            >
              {y}
            </Link>
          ))}
        </nav>
        <AddCalendarDay year={data.year} />
        {data.days.length === 0 ? (
          <EmptyState testId="calendar-empty" spacing="px-4 py-8 text-center">
            {cal.empty(data.year)}
          </EmptyState>
        ) : (
          <TableFrame>
            <table className="w-full border-collapse text-sm" data-testid="calendar-table">
              <thead>
                <tr>
                  {[c.day, c.weekday, c.kind, c.name, c.actions].map((h) => (
                    <th key={h} scope="col" className={headCellClass}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.days.map((d) => (
                  <tr key={d.day} className="hover:bg-slate-50" data-testid="calendar-row">
                    <th scope="row" className={`${cellClass} text-left font-mono text-xs font-normal`}>
                      {d.day}
                    </th>
                    <td className={`${cellClass} text-slate-600`}>{cal.weekdays[weekdayOf(d.day)]}</td>
                    <td className={cellClass}>
                      <span
                        className={`rounded-full px-2 py-0.5 text-xs ring-1 ${d.kind === "workday" ? "bg-sky-50 text-sky-800 ring-sky-200" : d.statutory ? "bg-rose-100 text-rose-900 ring-rose-300" : "bg-amber-50 text-amber-800 ring-amber-200"}`}
                        data-testid="calendar-kind"
                      >
                        {cal.dayKinds[calendarDayKindOf(d)]}
                      </span>
                    </td>
                    <td className={cellClass}>{d.name}</td>
                    <td className={`${cellClass} whitespace-nowrap`}>
                      <div className="flex items-start gap-2">
                        <EditCalendarDay entry={d} />
                        <DeleteButton
                          url={`/api/case-config/calendar-days/${d.day}`}
                          expectedVersion={d.version}
                          what={`${d.day} ${d.name}`}
                        />
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        )}
      </div>
    </ConfigSection>
  );
}
