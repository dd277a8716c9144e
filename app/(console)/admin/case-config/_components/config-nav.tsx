"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { caseDesk } from "@/lib/i18n/zh-CN/case-desk";

const SECTIONS = ["categories", "routing", "limits", "calendar", "escalation", "settings"] as const;
const text = caseDesk.config;

/** The left navigation across the configuration pages; the current one is marked for screen readers too. */
export function ConfigNav() {
  const pathname = usePathname();
  return (
    <nav aria-label={text.pageTitle} className="w-56 shrink-0" data-testid="config-nav">
      <ul className="space-y-1">
        {SECTIONS.map((s) => {
          const href = `/admin/case-config/${s}`;
          const current = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={s}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={`block rounded-lg px-3 py-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 ${current ? "bg-sky-600 text-white shadow-sm" : "text-slate-700 hover:bg-white"}`}
                data-testid={`config-nav-${s}`}
              >
                <span className="block text-sm font-medium">{text.nav[s]}</span>
                <span className={`block text-[11px] ${current ? "text-sky-100" : "text-slate-400"}`}>{text.navHint[s]}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
