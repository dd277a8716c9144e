"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { hotline } from "@/lib/i18n/zh-CN/hotline";

const TABS = [
  { href: "/hotline", label: hotline.nav.import, match: (p: string) => p === "/hotline" || p.startsWith("/hotline/imports") },
  { href: "/hotline/queue", label: hotline.nav.queue, match: (p: string) => p.startsWith("/hotline/queue") },
  { href: "/hotline/export", label: hotline.nav.export, match: (p: string) => p.startsWith("/hotline/export") },
];

/** The three parts of the hotline desk as tabs; the queue tab shows how many orders wait. */
export function HotlineTabs({ queued }: { queued: number | null }) {
  const pathname = usePathname();
  return (
    <nav className="flex gap-1 border-b border-slate-200 bg-white px-6" aria-label={hotline.pageTitle} data-testid="hotline-tabs">
      {TABS.map((tab) => {
        const active = tab.match(pathname);
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={active ? "page" : undefined}
            className={`-mb-px flex items-center gap-2 border-b-2 px-4 py-3 text-sm font-medium focus:outline-none focus-visible:bg-sky-50 ${
              active
                ? "border-sky-600 text-sky-700"
                : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
            }`}
          >
            {tab.label}
            {tab.href === "/hotline/queue" && queued !== null && queued > 0 && (
              <span
                className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-800"
                data-testid="queue-count"
              >
                {queued}
              </span>
            )}
          </Link>
        );
      })}
    </nav>
  );
}
