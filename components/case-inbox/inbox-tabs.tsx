import Link from "next/link";
import type { InboxTab } from "@/lib/case/list-inbox";
import { caseInbox } from "@/lib/i18n/zh-CN/case-inbox";

const text = caseInbox;

/**
 * The inbox's tabs as links (the tab lives in the URL, so the back button and a bookmark keep it), each with
 * its count badge; the current one is marked aria-current. Links reach the keyboard in order; 超期 shows
 * its badge in red when it holds any case.
 */
export function InboxTabs({
  tabs,
  current,
  counts,
  hrefOf,
}: {
  tabs: readonly InboxTab[];
  current: InboxTab;
  counts: Record<InboxTab, number>;
  hrefOf: (tab: InboxTab) => string;
}) {
  return (
    <nav aria-label={text.tabsLabel} className="flex flex-wrap gap-2 border-b border-slate-200" data-testid="inbox-tabs">
      {tabs.map((tab) => {
        const active = tab === current;
        const alarm = tab === "overdue" && counts[tab] > 0;
        return (
          <Link
            key={tab}
            href={hrefOf(tab)}
            aria-current={active ? "page" : undefined}
            data-testid={`inbox-tab-${tab}`}
            className={`-mb-px flex items-center gap-2 rounded-t-md border-b-2 px-3 py-2 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 ${
              active ? "border-sky-600 font-semibold text-sky-800" : "border-transparent text-slate-600 hover:text-slate-900"
            }`}
          >
            {text.tabs[tab]}
            <span
              className={`min-w-6 rounded-full px-1.5 py-0.5 text-center text-xs tabular-nums ${
                alarm ? "bg-red-600 text-white" : active ? "bg-sky-600 text-white" : "bg-slate-200 text-slate-700"
              }`}
              data-testid={`inbox-count-${tab}`}
              aria-label={text.count(counts[tab])}
            >
              {counts[tab]}
            </span>
          </Link>
        );
      })}
    </nav>
  );
}
