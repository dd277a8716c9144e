import Link from "next/link";
import type { ReactNode } from "react";
import { requirePageContext } from "@/app/_lib/page-context";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { TopBar } from "@/components/ui/top-bar";
import { can } from "@/lib/auth/authorize";
import { t } from "@/lib/i18n";
import { caseDesk } from "@/lib/i18n/zh-CN/case-desk";
import { ConfigNav } from "./_components/config-nav";

/** 案件配置: the top bar, the left navigation across the six configuration pages, and the page. */
export default async function CaseConfigLayout({ children }: { children: ReactNode }) {
  const ctx = await requirePageContext();
  const topBar = (
    <TopBar
      districtName={null}
      actions={
        <Link
          href="/"
          className="rounded-md bg-white/10 px-3 py-1.5 text-sm text-white hover:bg-white/20 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
        >
          ← {t.common.backToMap}
        </Link>
      }
    />
  );
  if (!can(ctx, "case.configure")) {
    return (
      <>
        {topBar}
        <ForbiddenNotice message={caseDesk.config.forbidden} />
      </>
    );
  }
  return (
    <>
      {topBar}
      <main className="flex-1 overflow-auto bg-slate-50 p-6" data-testid="case-config-page">
        <h1 className="text-xl font-semibold text-slate-900">{caseDesk.config.pageTitle}</h1>
        <p className="mt-1 max-w-4xl text-sm text-slate-600">{caseDesk.config.intro}</p>
        <div className="mt-5 flex items-start gap-6">
          <ConfigNav />
          <div className="min-w-0 flex-1">{children}</div>
        </div>
      </main>
    </>
  );
}
