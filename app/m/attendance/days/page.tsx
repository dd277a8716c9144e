import type { Metadata } from "next";
import Link from "next/link";
import { requireMobilePermission } from "@/app/m/_lib/mobile-context";
import { DAY_STATUS_CLASS } from "@/components/attendance/day-status";
import { MyRequestForms, WithdrawButton } from "@/components/attendance/my-request-forms";
import { MobileHeader } from "@/components/mobile/mobile-header";
import { listMyDays } from "@/lib/attendance/days/list-my-days";
import { monthParam } from "@/lib/attendance/days/month-range";
import { isDomainError } from "@/lib/errors";
import { beijingDay, formatShortDateTime, formatTime } from "@/lib/format/time";
import { attendanceDays } from "@/lib/i18n/zh-CN/attendance-days";

const p = attendanceDays.pages;
export const metadata: Metadata = { title: p.myDaysTitle };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split("-").map(Number);
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return d.toISOString().slice(0, 7);
}

/** 我的考勤 on the phone: one's own days of a month, the correction and leave form, one's requests. */
export default async function MyAttendanceDaysPage({ searchParams }: Props) {
  const ctx = await requireMobilePermission("attendance.self");
  const today = beijingDay(new Date());
  const month = monthParam((await searchParams).month, today.slice(0, 7));
  const header = <MobileHeader title={p.myDaysTitle} back={{ href: "/m/attendance", label: p.backToPunch }} />;
  const data = await listMyDays({ ctx, input: { month } }).catch((e) => {
    if (isDomainError(e)) return e.message;
    throw e;
  });
  if (typeof data === "string") {
    return (
      <>
        {header}
        <main className="p-4">
          <p
            className="rounded-xl bg-white p-6 text-center text-sm text-slate-600 ring-1 ring-slate-200"
            data-testid="my-days-refused"
          >
            {data}
          </p>
        </main>
      </>
    );
  }
  return (
    <>
      {header}
      <main className="space-y-5 p-4 pb-10" data-testid="my-days">
        <nav className="flex items-center justify-between" aria-label={p.monthLabel}>
          <Link
            href={`/m/attendance/days?month=${shiftMonth(month, -1)}`}
            className="px-3 py-2 text-sky-700"
            data-testid="month-prev"
          >
            ‹ {shiftMonth(month, -1)}
          </Link>
          <span className="font-semibold text-slate-900" data-testid="my-days-month">
            {month}
          </span>
          <Link href={`/m/attendance/days?month=${shiftMonth(month, 1)}`} className="px-3 py-2 text-sky-700">
            {shiftMonth(month, 1)} ›
          </Link>
        </nav>
        <section aria-label={p.myDaysTitle}>
          {data.days.length === 0 ? (
            <p className="rounded-xl bg-white p-5 text-center text-sm text-slate-500 ring-1 ring-slate-200">{p.noDays}</p>
          ) : (
            <ul className="divide-y divide-slate-100 rounded-xl bg-white ring-1 ring-slate-200">
              {data.days.map((d) => (
                <li
                  key={d.day}
                  className="flex items-center gap-3 px-4 py-3"
                  data-testid="my-day"
                  data-day={d.day}
                  data-status={d.status}
                >
                  <span className="w-14 font-mono text-sm text-slate-700">{d.day.slice(5)}</span>
                  <span className={`rounded-full px-2 py-0.5 text-xs ring-1 ${DAY_STATUS_CLASS[d.status] ?? ""}`}>
                    {attendanceDays.status[d.status] ?? d.status}
                  </span>
                  <span className="ml-auto text-right text-xs text-slate-500">
                    {formatTime(d.firstIn)} – {formatTime(d.lastOut)}
                    {d.lateMinutes > 0 && ` · ${p.late} ${d.lateMinutes}`}
                    {d.earlyMinutes > 0 && ` · ${p.early} ${d.earlyMinutes}`}
                    {d.patrolsRequired > 0 && ` · ${p.patrols} ${d.patrolsDone}/${d.patrolsRequired}`}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <MyRequestForms today={today} />
        <section aria-labelledby="my-requests">
          <h2 id="my-requests" className="mb-2 text-base font-semibold text-slate-900">
            {p.myRequests}
          </h2>
          {data.requests.length === 0 ? (
            <p className="rounded-xl bg-white p-5 text-center text-sm text-slate-500 ring-1 ring-slate-200">{p.noRequests}</p>
          ) : (
            <ul className="space-y-2">
              {data.requests.map((r) => (
                <li
                  key={r.id}
                  className="rounded-xl bg-white p-3 text-sm ring-1 ring-slate-200"
                  data-testid="my-request"
                  data-state={r.state}
                >
                  <div className="flex items-center justify-between">
                    <span className="font-semibold">
                      {attendanceDays.requestKind[r.kind]} · {r.day}
                      {r.untilDay && r.untilDay !== r.day ? ` – ${r.untilDay}` : ""}
                    </span>
                    <span className="text-xs text-slate-600">{attendanceDays.requestState[r.state]}</span>
                  </div>
                  <p className="mt-1 text-slate-600">
                    {r.kind === "correction"
                      ? `${attendanceDays.punchKind[r.punchKind ?? "in"]} ${formatTime(r.punchAt)}`
                      : attendanceDays.leaveType[r.leaveType ?? "other"]}
                    {" · "}
                    {r.reason}
                  </p>
                  <div className="mt-1 flex items-center justify-between text-xs text-slate-400">
                    <span>{formatShortDateTime(r.requestedAt)}</span>
                    {r.state === "pending" && <WithdrawButton id={r.id} />}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      </main>
    </>
  );
}
