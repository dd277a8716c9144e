import Link from "next/link";
import type { BuildingSummary, FloorPlanCounts } from "@/lib/building/dto";
import { t } from "@/lib/i18n";

/** The 楼盘表 header: where the building is, what it is, and its totals. */
export function BuildingHeader({ building, counts }: { building: BuildingSummary; counts: FloorPlanCounts }) {
  const b = t.building;
  const stats: [string, number, string][] = [
    [b.counts.rooms, counts.rooms, "text-slate-900"],
    [b.counts.households, counts.households, "text-slate-900"],
    [b.counts.residents, counts.residents, "text-slate-900"],
    [b.counts.rented, counts.rented, "text-amber-700"],
    [b.counts.vacant, counts.vacant, "text-slate-500"],
    [b.counts.floating, counts.floating, "text-orange-600"],
    [b.counts.special, counts.special, "text-violet-700"],
    [b.counts.keyPersons, counts.keyPersons, "text-red-600"],
  ];
  return (
    <section className="shrink-0 border-b border-slate-200 bg-white px-6 py-4" data-testid="building-header">
      <nav
        aria-label={t.map.breadcrumb}
        className="flex flex-wrap items-center gap-1 text-xs text-slate-500"
        data-testid="building-breadcrumb"
      >
        {building.breadcrumb.map((c, i) => (
          <span key={c.id} className="flex items-center gap-1">
            {i > 0 && <span aria-hidden="true">›</span>}
            <Link
              href={`/?region=${c.id}`}
              className="rounded px-1 py-0.5 hover:bg-slate-100 hover:text-sky-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
            >
              <span className="mr-1 text-slate-400">{c.levelName}</span>
              {c.name}
            </Link>
          </span>
        ))}
      </nav>
      <div className="mt-2 flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <h1 className="flex items-center gap-3 text-2xl font-bold text-slate-900">
            <span data-testid="building-name">{building.name}</span>
            <span className="rounded-md bg-sky-50 px-2 py-0.5 text-sm font-medium text-sky-700 ring-1 ring-sky-200">
              {t.building.pageTitle}
            </span>
          </h1>
          <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-600">
            <div className="flex gap-1.5">
              <dt className="text-slate-400">{b.header.address}</dt>
              <dd data-testid="building-address">{building.address}</dd>
            </div>
            <div className="flex gap-1.5">
              <dt className="text-slate-400">{b.header.type}</dt>
              <dd>{building.typeName}</dd>
            </div>
            <div className="flex gap-1.5">
              <dt className="text-slate-400">{b.header.floors}</dt>
              <dd data-testid="building-floors">{b.floorsValue(building.floors)}</dd>
            </div>
            <div className="flex gap-1.5">
              <dt className="text-slate-400">{b.header.entrances}</dt>
              <dd data-testid="building-entrances">{b.entrancesValue(building.entrances)}</dd>
            </div>
            <div className="flex gap-1.5">
              <dt className="text-slate-400">{b.header.code}</dt>
              <dd className="font-mono text-xs leading-5">{building.code}</dd>
            </div>
          </dl>
        </div>
        <dl className="flex flex-wrap gap-2" data-testid="building-counts">
          {stats.map(([label, value, tone]) => (
            <div key={label} className="min-w-[72px] rounded-lg bg-slate-50 px-3 py-1.5 text-center ring-1 ring-slate-200">
              <dt className="text-[11px] text-slate-500">{label}</dt>
              <dd className={`text-lg font-semibold tabular-nums ${tone}`}>{value.toLocaleString("zh-CN")}</dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  );
}
