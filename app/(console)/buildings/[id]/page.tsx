import type { Metadata } from "next";
import Link from "next/link";
import { BuildingHeader } from "@/components/building/building-header";
import { FloorPlanView } from "@/components/building/floor-plan-view";
import { TopBar } from "@/components/ui/top-bar";
import { getBuildingFloorPlan } from "@/lib/building/get-building-floor-plan";
import { requirePageContext } from "@/app/_lib/page-context";
import { rethrowForPage } from "@/app/_lib/page-errors";
import { t } from "@/lib/i18n";

type Props = { params: Promise<{ id: string }> };

async function load(id: string) {
  const ctx = await requirePageContext();
  try {
    return await getBuildingFloorPlan({ ctx, input: { id: id as unknown as number } });
  } catch (error) {
    rethrowForPage(error);
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const plan = await load(id);
  return { title: `${plan.building.name} · ${t.building.pageTitle}` };
}

/** 楼盘表: a building's rooms as floors × entrances, coloured by use, with the people's flags. */
export default async function BuildingPage({ params }: Props) {
  const { id } = await params;
  const plan = await load(id);
  const district = plan.building.breadcrumb[0]?.name ?? null;
  return (
    <>
      <TopBar
        districtName={district}
        actions={
          <Link
            href={`/?building=${plan.building.id}`}
            className="rounded-md bg-white/10 px-3 py-1.5 text-sm text-white hover:bg-white/20 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
            data-testid="back-to-map"
          >
            ← {t.common.backToMap}
          </Link>
        }
      />
      <main className="flex min-h-0 flex-1 flex-col overflow-hidden" data-testid="floor-plan-page">
        <BuildingHeader building={plan.building} counts={plan.counts} />
        <FloorPlanView plan={plan} />
      </main>
    </>
  );
}
