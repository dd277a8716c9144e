import type { Metadata } from "next";
import { ExportPanel, type RegionChoice } from "@/components/export/export-panel";
import { ConsoleFrame } from "@/components/ui/console-frame";
import { requirePagePermission } from "@/app/_lib/page-context";
import { can } from "@/lib/auth/authorize";
import { roleAllows } from "@/lib/auth/permissions";
import { levelNameOf } from "@/lib/grid/dto";
import { t } from "@/lib/i18n";
import { PageBody, PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: t.resident.exportPage.title };
export const dynamic = "force-dynamic";

/** 数据导出: 居民名单 (masked, or unmasked with a reason) and 区域统计, as the caller's roles allow. */
export default async function ExportsPage() {
  const ctx = await requirePagePermission(["resident.export", "region.export"]);
  const canResidents = can(ctx, "resident.export");
  const canUnmasked = can(ctx, "resident.export_unmasked");
  const canStats = can(ctx, "region.export");
  const text = t.resident.exportPage;
  // The caller's own areas (for the roles that export) as one-click choices.
  const seen = new Set<number>();
  const myRegions: RegionChoice[] = [];
  for (const a of ctx.actor.assignments) {
    if (seen.has(a.regionId) || !(roleAllows(a.role, "resident.export") || roleAllows(a.role, "region.export"))) continue;
    seen.add(a.regionId);
    // Level 1/2 names depend on the kind (街道/镇, 社区/村), which the assignment does not carry: the ladder's name is close enough here.
    myRegions.push({ id: a.regionId, name: a.regionName, levelName: levelNameOf(a.regionLevel, "") });
  }
  return (
    <ConsoleFrame>
      <PageBody testId="exports-page">
        <PageHeader title={text.title} intro={text.intro} introClass="mt-1 mb-5" />
        <ExportPanel canResidents={canResidents} canUnmasked={canUnmasked} canStats={canStats} myRegions={myRegions} />
      </PageBody>
    </ConsoleFrame>
  );
}
