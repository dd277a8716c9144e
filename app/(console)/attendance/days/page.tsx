import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/app/_lib/page-context";
import { DAY_STATUS_CLASS } from "@/components/attendance/day-status";
import { buttonClass } from "@/components/ui/button";
import { ConsoleFrame } from "@/components/ui/console-frame";
import { EmptyState } from "@/components/ui/empty-state";
import { compactControlClass } from "@/components/ui/field";
import { PageBody, PageHeader } from "@/components/ui/page-header";
import { TableFrame } from "@/components/ui/table";
import { DAY_STATUSES } from "@/lib/attendance/days/compute-day";
import { listTeamDays } from "@/lib/attendance/days/list-team-days";
import { monthParam } from "@/lib/attendance/days/month-range";
import { beijingDay } from "@/lib/format/time";
import { attendanceDays } from "@/lib/i18n/zh-CN/attendance-days";

const p = attendanceDays.pages;
export const metadata: Metadata = { title: p.teamTitle };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** 团队考勤: a month as a grid, one row per person of the area, a coloured cell per day; filters in the URL. */
export default async function TeamDaysPage({ searchParams }: Props) {
  const ctx = await requirePagePermission("attendance.read");
  const sp = await searchParams;
  const one = (k: string) => (typeof sp[k] === "string" ? (sp[k] as string) : undefined);
  const month = monthParam(one("month"), beijingDay(new Date()).slice(0, 7));
  const filters = { month, department: one("department"), status: one("status") };
  const data = await listTeamDays({ ctx, input: { ...filters, after: one("after") } });
  const lastDay = Number(data.to.slice(8));
  const days = Array.from({ length: lastDay }, (_, i) => `${month}-${String(i + 1).padStart(2, "0")}`);
  const query = (extra: Record<string, string | undefined>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filters, ...extra })) if (v) q.set(k, v);
    return `/attendance/days?${q.toString()}`;
  };
  return (
    <ConsoleFrame>
      <PageBody testId="team-days">
        <PageHeader title={p.teamTitle} intro={p.teamIntro} />
        <form
          method="get"
          action="/attendance/days"
          className="my-4 flex flex-wrap items-end gap-3 rounded-xl bg-white p-4 ring-1 ring-slate-200"
        >
          <label className="flex flex-col text-xs text-slate-500">
            {p.monthLabel}
            <input type="month" name="month" defaultValue={month} className={compactControlClass} data-testid="team-month" />
          </label>
          <label className="flex flex-col text-xs text-slate-500">
            {p.department}
            <select name="department" defaultValue={filters.department ?? ""} className={compactControlClass}>
              <option value="">{p.allDepartments}</option>
              {data.departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-xs text-slate-500">
            {p.statusFilter}
            <select name="status" defaultValue={filters.status ?? ""} className={compactControlClass} data-testid="team-status">
              <option value="">{p.allStatuses}</option>
              {DAY_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {attendanceDays.status[s]}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className={buttonClass("filter")}>
            {p.show}
          </button>
        </form>
        <ul className="mb-3 flex flex-wrap gap-2 text-xs" aria-label={p.legend}>
          {DAY_STATUSES.map((s) => (
            <li key={s} className={`rounded px-2 py-0.5 ring-1 ${DAY_STATUS_CLASS[s]}`}>
              {attendanceDays.statusMark[s]} {attendanceDays.status[s]}
            </li>
          ))}
        </ul>
        {data.people.length === 0 ? (
          <EmptyState testId="team-days-empty">{p.noTeamDays}</EmptyState>
        ) : (
          <TableFrame>
            <table className="border-collapse text-xs" data-testid="team-days-grid">
              <thead>
                <tr>
                  <th scope="col" className="sticky left-0 bg-slate-100 px-2 py-1 text-left">
                    {p.person}
                  </th>
                  {days.map((d) => (
                    <th
                      key={d}
                      scope="col"
                      className="w-7 bg-slate-100 px-0.5 py-1 text-center font-mono font-normal text-slate-500"
                    >
                      {Number(d.slice(8))}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.people.map((person) => {
                  const byDay = new Map(person.days.map((c) => [c.day, c]));
                  return (
                    <tr key={person.staffId} data-testid="team-person" data-staff-no={person.staffNo}>
                      <th scope="row" className="sticky left-0 whitespace-nowrap bg-white px-2 py-1 text-left font-normal">
                        {person.staffName}
                        <span className="ml-1 text-slate-400">{person.departmentName}</span>
                      </th>
                      {days.map((d) => {
                        const cell = byDay.get(d);
                        return (
                          <td key={d} className="p-0.5 text-center">
                            {cell ? (
                              // A day opens the person's patrol tracks of that day (巡查轨迹回放).
                              <Link
                                href={`/attendance/tracks?staff=${person.staffId}&day=${d}`}
                                className={`block rounded px-0.5 py-0.5 ring-1 hover:ring-2 ${DAY_STATUS_CLASS[cell.status] ?? ""}`}
                                title={`${d} ${attendanceDays.status[cell.status] ?? cell.status}${cell.lateMinutes ? ` ${p.late} ${cell.lateMinutes}` : ""}${cell.earlyMinutes ? ` ${p.early} ${cell.earlyMinutes}` : ""}`}
                                data-testid="team-cell"
                                data-day={d}
                                data-status={cell.status}
                              >
                                {attendanceDays.statusMark[cell.status] ?? "?"}
                              </Link>
                            ) : (
                              <span className="block text-slate-200">·</span>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableFrame>
        )}
        {data.next && (
          <Link href={query({ after: data.next })} className="mt-3 inline-block text-sm text-sky-700 underline">
            {p.nextPage}
          </Link>
        )}
      </PageBody>
    </ConsoleFrame>
  );
}
