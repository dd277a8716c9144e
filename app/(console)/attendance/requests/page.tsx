import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/app/_lib/page-context";
import { DecisionButtons } from "@/components/attendance/decision-buttons";
import { ConsoleFrame } from "@/components/ui/console-frame";
import { EmptyState } from "@/components/ui/empty-state";
import { PageBody, PageHeader } from "@/components/ui/page-header";
import { cellClass, headCellClass, TableFrame } from "@/components/ui/table";
import { listRequestQueue } from "@/lib/attendance/days/list-request-queue";
import { formatShortDateTime, formatTime } from "@/lib/format/time";
import { attendanceDays } from "@/lib/i18n/zh-CN/attendance-days";

const p = attendanceDays.pages;
export const metadata: Metadata = { title: p.requestsTitle };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** 补卡与请假审批: the lead's queue of the people in the area, pending first (?all=1 shows decided ones too). */
export default async function AttendanceRequestsPage({ searchParams }: Props) {
  const ctx = await requirePagePermission("attendance.approve");
  const all = (await searchParams).all === "1";
  const requests = await listRequestQueue({ ctx, input: { all } });
  const tab = (on: boolean) =>
    `rounded-full px-3 py-1 text-sm ring-1 ${on ? "bg-sky-600 text-white ring-sky-600" : "bg-white text-slate-700 ring-slate-300"}`;
  return (
    <ConsoleFrame>
      <PageBody testId="attendance-requests">
        <PageHeader title={p.requestsTitle} intro={p.requestsIntro} />
        <nav className="my-4 flex gap-2">
          <Link href="/attendance/requests" className={tab(!all)} aria-current={!all ? "page" : undefined}>
            {p.statePending}
          </Link>
          <Link href="/attendance/requests?all=1" className={tab(all)} aria-current={all ? "page" : undefined}>
            {p.stateAll}
          </Link>
        </nav>
        {requests.length === 0 ? (
          <EmptyState testId="requests-empty">{p.noPending}</EmptyState>
        ) : (
          <TableFrame>
            <table className="w-full border-collapse text-sm">
              <thead>
                <tr>
                  {[p.person, p.kind, p.when, p.detail, p.reason, p.requestedAt, p.state, ""].map((h, i) => (
                    <th key={i} scope="col" className={headCellClass}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {requests.map((r) => (
                  <tr key={r.id} data-testid="request-row" data-request-id={r.id} data-state={r.state}>
                    <td className={cellClass}>
                      {r.staffName}
                      <span className="ml-1 font-mono text-xs text-slate-400">{r.staffNo}</span>
                    </td>
                    <td className={cellClass}>{attendanceDays.requestKind[r.kind]}</td>
                    <td className={`${cellClass} font-mono text-xs`}>
                      {r.day}
                      {r.untilDay && r.untilDay !== r.day ? ` – ${r.untilDay}` : ""}
                    </td>
                    <td className={cellClass}>
                      {r.kind === "correction"
                        ? `${attendanceDays.punchKind[r.punchKind ?? "in"]} ${formatTime(r.punchAt)}`
                        : attendanceDays.leaveType[r.leaveType ?? "other"]}
                    </td>
                    <td className={`${cellClass} max-w-xs`}>{r.reason}</td>
                    <td className={`${cellClass} whitespace-nowrap text-xs`}>{formatShortDateTime(r.requestedAt)}</td>
                    <td className={cellClass}>{attendanceDays.requestState[r.state]}</td>
                    <td className={cellClass}>
                      {r.state === "pending" ? <DecisionButtons id={r.id} /> : (r.decisionNote ?? "")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        )}
      </PageBody>
    </ConsoleFrame>
  );
}
