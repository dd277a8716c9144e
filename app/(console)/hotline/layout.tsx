import Link from "next/link";
import type { ReactNode } from "react";
import { requirePageContext } from "@/app/_lib/page-context";
import { HotlineTabs } from "@/components/hotline/hotline-tabs";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { TopBar } from "@/components/ui/top-bar";
import { can } from "@/lib/auth/authorize";
import { listQueue } from "@/lib/hotline/queue";
import { t } from "@/lib/i18n";
import { hotline } from "@/lib/i18n/zh-CN/hotline";

/** The 12345 desk (street operators, the district command centre): import, the needs-location queue, replies. */
export default async function HotlineLayout({ children }: { children: ReactNode }) {
  const ctx = await requirePageContext();
  const allowed = can(ctx, "case.import");
  const queued = allowed ? (await listQueue({ ctx, input: { limit: 1 } })).total : null;
  return (
    <>
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
      {allowed ? (
        <>
          <HotlineTabs queued={queued} />
          {children}
        </>
      ) : (
        <ForbiddenNotice message={hotline.forbiddenBody} />
      )}
    </>
  );
}
