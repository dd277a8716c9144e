import type { ReactNode } from "react";
import { requirePagePermission } from "@/app/_lib/page-context";
import { ConsoleFrame } from "@/components/ui/console-frame";
import { caseDesk } from "@/lib/i18n/zh-CN/case-desk";
import { ConfigNav } from "./_components/config-nav";
import { PageBody, PageHeader } from "@/components/ui/page-header";

/** 案件配置: the top bar, the left navigation across the six configuration pages, and the page. */
export default async function CaseConfigLayout({ children }: { children: ReactNode }) {
  await requirePagePermission("case.configure");
  return (
    <ConsoleFrame>
      <PageBody testId="case-config-page">
        <PageHeader title={caseDesk.config.pageTitle} intro={caseDesk.config.intro} introClass="mt-1 max-w-4xl" />
        <div className="mt-5 flex items-start gap-6">
          <ConfigNav />
          <div className="min-w-0 flex-1">{children}</div>
        </div>
      </PageBody>
    </ConsoleFrame>
  );
}
