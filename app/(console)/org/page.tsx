import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/app/_lib/page-context";
import { GridGapsSection } from "@/components/org/grid-gaps-section";
import { OrgTree } from "@/components/org/org-tree";
import { ConsoleFrame } from "@/components/ui/console-frame";
import { PageBody, PageHeader } from "@/components/ui/page-header";
import { textLinkClass } from "@/components/ui/text-link";
import { t } from "@/lib/i18n";
import { getOrgChart } from "@/lib/org/get-org-chart";
import { listGridGaps } from "@/lib/org/list-grid-gaps";

export const metadata: Metadata = { title: t.org.chart.pageTitle };
export const dynamic = "force-dynamic";

const text = t.org.chart;

/** 组织架构: the department tree of the caller's area with in-service counts, and the grids without a 专职网格员. */
export default async function OrgPage() {
  const ctx = await requirePagePermission("staff.read");
  const chart = await getOrgChart({ ctx });
  const gaps = await listGridGaps({ ctx, input: { limit: 200 } });
  return (
    <ConsoleFrame>
      <PageBody testId="org-page">
        <PageHeader
          title={text.heading}
          intro={text.intro}
          aside={
            <Link href="/staff" className={`${textLinkClass} text-sm`} data-testid="org-staff-link">
              {text.staffLink} →
            </Link>
          }
        />
        <div className="mt-4 grid gap-5 xl:grid-cols-2">
          <OrgTree roots={chart.roots} />
          <GridGapsSection gaps={gaps} />
        </div>
      </PageBody>
    </ConsoleFrame>
  );
}
