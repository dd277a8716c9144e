"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import type { CaseNoticeDto } from "@/lib/case/case-notices";
import { formatDateTime } from "@/lib/format/time";
import { caseNotices as text } from "@/lib/i18n/zh-CN/case-notices";
import { useUserBadge } from "@/components/ui/user-menu";
import { useDismiss } from "@/components/ui/use-dismiss";

const POLL_MS = 60_000;
const KIND_STYLE: Record<string, string> = {
  red_warning: "bg-red-600",
  major_risk: "bg-red-800",
  risk_warning: "bg-orange-500",
  risk_info: "bg-slate-500",
  escalated: "bg-amber-500",
  reminder: "bg-amber-400",
  supervision: "bg-violet-600",
  assigned: "bg-sky-600",
};

/**
 * 预警 in the top bar: red-light warnings, escalations, major risks, dispatches, reminders and supervision
 * orders addressed to the caller, polled every minute; a red badge when something waits. Opening a notice
 * marks it read and goes to the case.
 */
export function NoticeBell() {
  const badge = useUserBadge();
  const [data, setData] = useState<{ unread: number; notices: CaseNoticeDto[] } | null>(null);
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useDismiss(
    ref,
    open,
    useCallback(() => setOpen(false), []),
  );
  const enabled = Boolean(badge?.seesCases);

  const load = useCallback(async () => {
    const response = await fetch("/api/case-notices", { headers: { accept: "application/json" } }).catch(() => null);
    if (response?.ok) setData((await response.json()) as { unread: number; notices: CaseNoticeDto[] });
  }, []);
  useEffect(() => {
    if (!enabled) return;
    const first = setTimeout(load, 0);
    const timer = setInterval(load, POLL_MS);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [enabled, load]);

  if (!enabled) return null;
  const unread = data?.unread ?? 0;
  const markRead = (id: number) => void fetch(`/api/case-notices/${id}/read`, { method: "POST" }).then(load);
  return (
    <div className="relative" ref={ref}>
      <button
        type="button"
        onClick={() => setOpen((v) => !v)}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label={text.bell(unread)}
        data-testid="notice-bell"
        className="relative rounded-full bg-white/10 px-3 py-1.5 text-xs text-slate-100 hover:bg-white/20 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
      >
        {text.title}
        {unread > 0 && (
          <span
            className="ml-1.5 rounded-full bg-red-600 px-1.5 py-0.5 text-[10px] font-bold text-white"
            data-testid="notice-count"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </button>
      {open && (
        <div
          role="dialog"
          aria-label={text.title}
          className="absolute right-0 top-10 z-40 w-96 overflow-hidden rounded-xl bg-white text-sm text-slate-700 shadow-xl ring-1 ring-slate-200"
          data-testid="notice-panel"
        >
          <div className="border-b border-slate-100 px-4 py-2 font-semibold text-slate-900">{text.title}</div>
          {!data ? (
            <p className="px-4 py-6 text-center text-slate-500">{text.loading}</p>
          ) : data.notices.length === 0 ? (
            <p className="px-4 py-6 text-center text-slate-500">{text.empty}</p>
          ) : (
            <ul className="max-h-96 divide-y divide-slate-100 overflow-auto">
              {data.notices.map((n) => (
                <li key={n.id} data-testid="notice-item" data-kind={n.kind}>
                  <Link
                    href={`/cases/${n.caseId}`}
                    onClick={() => {
                      markRead(n.id);
                      setOpen(false);
                    }}
                    className="flex gap-3 px-4 py-2.5 hover:bg-slate-50 focus:bg-slate-50 focus:outline-none"
                  >
                    <span
                      className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${KIND_STYLE[n.kind] ?? "bg-slate-400"}`}
                      aria-hidden
                    />
                    <span className="min-w-0">
                      <span className="block text-xs font-medium text-slate-500">
                        {text.kinds[n.kind as keyof typeof text.kinds] ?? n.kind} · {formatDateTime(n.createdAt)}
                      </span>
                      <span className="block text-slate-800">{n.message}</span>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
