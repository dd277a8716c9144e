import { ConsoleMap, type CaseAccess, type InitialFocus } from "@/components/map/console-map";
import { readCaseMapState } from "@/components/map/case-map-state";
import { TopBar } from "@/components/ui/top-bar";
import { redirect } from "next/navigation";
import { requirePageContext } from "@/app/_lib/page-context";
import { can } from "@/lib/auth/authorize";
import { landingPathFor } from "@/lib/auth/landing";
import { listCategories } from "@/lib/case/list-categories";
import { isDomainError } from "@/lib/errors";
import { getDistrictBounds, type DistrictView } from "@/lib/grid/get-district-bounds";
import { t } from "@/lib/i18n";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function focusFrom(params: Record<string, string | string[] | undefined>, withCases: boolean): InitialFocus {
  for (const kind of withCases ? (["case", "building", "region"] as const) : (["building", "region"] as const)) {
    const raw = params[kind];
    const id = typeof raw === "string" && /^[0-9]{1,15}$/.test(raw) ? Number(raw) : NaN;
    if (id > 0) return { kind, id };
  }
  return null;
}

/**
 * 网格一张图: the district on a full-screen map, opening on the bounds of the caller's area; for roles with
 * case.read also the case layers with their filter bar (settings from the URL: components/map/case-map-state.ts).
 */
export default async function MapPage({ searchParams }: Props) {
  const params = await searchParams;
  const ctx = await requirePageContext();
  // A role without the map (an administrator, payroll) starts on its own page instead of a refusal.
  if (!can(ctx, "map.view")) redirect(landingPathFor(ctx.actor.assignments.map((a) => a.role)));
  let district: DistrictView | null = null;
  let problem: string | null = null;
  try {
    district = await getDistrictBounds({ ctx });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    problem = error.code === "NOT_FOUND" ? t.map.noDistrict : error.message;
  }
  if (!district) {
    return (
      <>
        <TopBar districtName={null} />
        <main className="grid flex-1 place-items-center p-8" data-testid="map-empty">
          <div className="max-w-lg rounded-2xl bg-white p-8 text-center shadow-lg ring-1 ring-slate-200">
            <h1 className="text-lg font-semibold text-slate-900">{t.common.productName}</h1>
            <p className="mt-3 text-sm leading-6 text-slate-600">{problem}</p>
          </div>
        </main>
      </>
    );
  }
  const caseAccess: CaseAccess | null = can(ctx, "case.read") ? { categories: await listCategories({ ctx }) } : null;
  return (
    <ConsoleMap
      district={district}
      initialFocus={focusFrom(params, caseAccess !== null)}
      caseAccess={caseAccess}
      initialCaseState={readCaseMapState(params)}
      initialFences={params.fences === "1"}
    />
  );
}
