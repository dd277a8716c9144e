import type { ReactNode } from "react";
import { requirePagePermission } from "@/app/_lib/page-context";
import { ConsoleFrame } from "@/components/ui/console-frame";
import { caseDesk } from "@/lib/i18n/zh-CN/case-desk";
import { ConfigNav } from "./_components/config-nav";

/** 案件配置: the top bar, the left navigation across the six configuration pages, and the page. */
export default async function CaseConfigLayout({ children }: { children: ReactNode }) {
  await requirePagePermission("case.configure");
  return (
    <ConsoleFrame>
      <main className="flex-1 overflow-auto bg-slate-50 p-6" data-testid="case-config-page">
        <h1 className="text-xl font-semibold text-slate-900">{caseDesk.config.pageTitle}</h1>
        <p className="mt-1 max-w-4xl text-sm text-slate-600">{caseDesk.config.intro}</p>
        <div className="mt-5 flex items-start gap-6">
          <ConfigNav />
          <div className="min-w-0 flex-1">{children}</div>
        </div>
      </main>
    </ConsoleFrame>
  );
}
