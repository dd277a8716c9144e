import Link from "next/link";
import { CaseLightBadge } from "@/components/case/case-light-badge";
import { deadlineNote } from "@/lib/case/deadline-note";
import { formatShortDateTime } from "@/lib/format/time";
import type { TaskItemDto } from "@/lib/case/list-my-tasks";
import { caseIntake } from "@/lib/i18n/zh-CN/case-intake";
import { caseLoop } from "@/lib/i18n/zh-CN/case-loop";

/** One case of "my tasks": number, light, category, state, deadline (time left or overdue), place; tap to open. */
export function TaskCard({ item, now }: { item: TaskItemDto; now: Date }) {
  const note = item.deadlineAt ? deadlineNote(item.deadlineAt, now) : null;
  return (
    <li
      className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200"
      data-testid="task-item"
      data-case-id={item.id}
      data-state={item.state}
    >
      <Link
        href={`/m/cases/${item.id}`}
        className="block rounded-xl p-4 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 active:bg-slate-50"
      >
        <span className="flex items-center justify-between gap-2">
          <span className="font-mono text-sm text-slate-600" data-testid="task-number">
            {item.number}
          </span>
          <CaseLightBadge light={item.light} />
        </span>
        <span className="mt-1 flex items-baseline justify-between gap-2">
          <span className="text-base font-semibold text-slate-900">{item.categoryName}</span>
          <span className="shrink-0 text-sm text-slate-600" data-testid="task-state">
            {caseLoop.stateLabels[item.state]}
            {item.coUnit && (
              <span className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{caseIntake.tasks.coUnit}</span>
            )}
          </span>
        </span>
        <span className="mt-1 line-clamp-2 block text-sm text-slate-700">{item.description}</span>
        <span className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
          <span data-testid="task-deadline">
            {caseIntake.tasks.deadline}：
            {item.deadlineAt ? (
              <>
                {formatShortDateTime(item.deadlineAt)}
                <span className={`ml-1 ${note?.overdue ? "font-semibold text-red-700" : ""}`}>（{note?.text}）</span>
              </>
            ) : (
              caseIntake.tasks.noDeadline
            )}
          </span>
          <span className="flex min-w-0 items-center gap-1">
            <svg viewBox="0 0 16 16" className="h-3.5 w-3.5 shrink-0 fill-slate-400" aria-hidden="true">
              <path d="M8 1a5 5 0 0 0-5 5c0 3.6 5 9 5 9s5-5.4 5-9a5 5 0 0 0-5-5Zm0 7a2 2 0 1 1 0-4 2 2 0 0 1 0 4Z" />
            </svg>
            <span className="truncate">{item.address ?? item.gridName}</span>
          </span>
        </span>
      </Link>
    </li>
  );
}
