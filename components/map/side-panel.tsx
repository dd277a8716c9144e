"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import type { BuildingSummary, FloorPlanCounts, GridBuildingPage } from "@/lib/building/dto";
import type { CaseDetailDto } from "@/lib/case/case-dto";
import type { RegionCrumb, RegionDetail, RegionSummary } from "@/lib/grid/dto";
import { t } from "@/lib/i18n";
import { CaseBody } from "./case-panel";
import { GridBuildings } from "./grid-buildings";

export type RegionPanelData = {
  region: RegionDetail;
  breadcrumb: RegionCrumb[];
  children: RegionSummary[];
  /** A basic grid's first page of buildings (null for other areas and for roles that may not read buildings). */
  buildings: GridBuildingPage | null;
};
export type BuildingPanelData = { building: BuildingSummary; counts: FloorPlanCounts };

export type PanelState =
  | { status: "loading"; kind: "region" | "building" | "case" }
  | { status: "error"; message: string; kind?: "region" | "building" | "case" }
  | { status: "region"; data: RegionPanelData }
  | { status: "building"; data: BuildingPanelData }
  | { status: "case"; data: CaseDetailDto };

type Props = {
  state: PanelState;
  onClose: () => void;
  onPickRegion: (region: { id: number; level: number; bounds?: [number, number, number, number] }) => void;
  onRetry: () => void;
};

const LEVEL_TONES = [
  "bg-slate-800 text-white",
  "bg-indigo-100 text-indigo-800",
  "bg-sky-100 text-sky-800",
  "bg-teal-100 text-teal-800",
  "bg-emerald-100 text-emerald-800",
];

function panelTitle(state: PanelState): string {
  const kind = state.status === "loading" || state.status === "error" ? state.kind : state.status;
  return kind === "building" ? t.map.panelTitleBuilding : kind === "case" ? t.caseMap.panelTitle : t.map.panelTitleRegion;
}

/** The right-hand panel: an area (breadcrumb, counts, children), a building with its 楼盘表 link, or a case. */
export function SidePanel({ state, onClose, onPickRegion, onRetry }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const title =
    state.status === "region"
      ? state.data.region.name
      : state.status === "building"
        ? state.data.building.name
        : state.status === "case"
          ? state.data.number
          : "";
  useEffect(() => {
    // Move focus into the panel when its subject changes, so keyboard users land on it.
    if (title) headingRef.current?.focus({ preventScroll: true });
  }, [title]);

  return (
    <aside
      className="pointer-events-auto absolute top-3 right-3 bottom-3 z-20 flex w-[380px] flex-col overflow-hidden rounded-2xl bg-white/95 shadow-2xl ring-1 ring-slate-900/10 backdrop-blur"
      aria-label={panelTitle(state)}
      data-testid="side-panel"
      data-status={state.status}
    >
      <div className="flex items-center justify-between border-b border-slate-100 px-4 py-2.5">
        <span className="text-xs font-medium tracking-wide text-slate-400">{panelTitle(state)}</span>
        <button
          type="button"
          onClick={onClose}
          className="rounded-md p-1 text-slate-400 hover:bg-slate-100 hover:text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
          aria-label={t.map.closePanel}
          title={t.map.closePanel}
          data-testid="panel-close"
        >
          <svg viewBox="0 0 20 20" className="h-5 w-5" aria-hidden="true">
            <path d="M5 5l10 10M15 5L5 15" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto">
        {state.status === "loading" && <PanelSkeleton />}
        {state.status === "error" && (
          <div
            className="m-4 rounded-lg bg-red-50 p-4 text-sm text-red-700 ring-1 ring-red-200"
            role="alert"
            data-testid="panel-error"
          >
            <p>{state.message}</p>
            <button
              type="button"
              onClick={onRetry}
              className="mt-3 rounded-md bg-white px-3 py-1 text-xs font-medium text-red-700 ring-1 ring-red-200 hover:bg-red-100"
            >
              {t.common.retry}
            </button>
          </div>
        )}
        {state.status === "region" && <RegionBody data={state.data} headingRef={headingRef} onPickRegion={onPickRegion} />}
        {state.status === "building" && <BuildingBody data={state.data} headingRef={headingRef} onPickRegion={onPickRegion} />}
        {state.status === "case" && <CaseBody data={state.data} headingRef={headingRef} />}
      </div>
    </aside>
  );
}

function Breadcrumb({
  crumbs,
  current,
  onPickRegion,
}: {
  crumbs: RegionCrumb[];
  current?: number;
  onPickRegion: Props["onPickRegion"];
}) {
  return (
    <nav aria-label={t.map.breadcrumb} data-testid="panel-breadcrumb">
      <ol className="flex flex-wrap items-center gap-x-1 gap-y-1 text-xs">
        {crumbs.map((c, i) => (
          <li key={c.id} className="flex items-center gap-1">
            {i > 0 && (
              <span className="text-slate-300" aria-hidden="true">
                ›
              </span>
            )}
            {c.id === current ? (
              <span className="rounded px-1 py-0.5 font-medium text-slate-900" aria-current="location" data-testid="crumb">
                {c.name}
              </span>
            ) : (
              <button
                type="button"
                onClick={() => onPickRegion({ id: c.id, level: c.level })}
                className="rounded px-1 py-0.5 text-sky-700 hover:bg-sky-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
                title={`${c.levelName} ${c.code}`}
                data-testid="crumb"
              >
                {c.name}
              </button>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

function Stat({
  label,
  value,
  tone = "text-slate-900",
  testId,
}: {
  label: string;
  value: number;
  tone?: string;
  testId: string;
}) {
  return (
    <div className="rounded-xl bg-slate-50 px-3 py-2.5 ring-1 ring-slate-100" data-testid={testId}>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className={`mt-0.5 text-xl font-semibold tabular-nums ${tone}`} data-testid={`${testId}-value`}>
        {value.toLocaleString("zh-CN")}
      </dd>
    </div>
  );
}

function RegionBody({
  data,
  headingRef,
  onPickRegion,
}: {
  data: RegionPanelData;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  onPickRegion: Props["onPickRegion"];
}) {
  const { region, breadcrumb, children, buildings } = data;
  const c = t.grid.counts;
  return (
    <div className="space-y-5 p-4" data-testid="region-panel" data-region-id={region.id} data-level={region.level}>
      <Breadcrumb crumbs={breadcrumb} current={region.id} onPickRegion={onPickRegion} />
      <div>
        <div className="flex items-center gap-2">
          <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${LEVEL_TONES[region.level]}`} data-testid="panel-level">
            {region.levelName}
          </span>
          <span className="font-mono text-xs text-slate-400" data-testid="panel-code">
            {region.code}
          </span>
        </div>
        <h2
          ref={headingRef}
          tabIndex={-1}
          className="mt-1.5 text-xl font-bold text-slate-900 focus:outline-none"
          data-testid="panel-title"
        >
          {region.name}
        </h2>
      </div>
      <section>
        <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-500">{t.map.counts}</h3>
        <dl className="grid grid-cols-2 gap-2" data-testid="panel-counts">
          <Stat label={c.households} value={region.counts.households} testId="count-households" />
          <Stat label={c.residents} value={region.counts.residents} testId="count-residents" />
          <Stat label={c.floating} value={region.counts.floating} tone="text-orange-600" testId="count-floating" />
          <Stat label={c.rented} value={region.counts.rented} tone="text-amber-700" testId="count-rented" />
          <Stat label={c.special} value={region.counts.special} tone="text-violet-700" testId="count-special" />
          <Stat label={c.buildings} value={region.counts.buildings} testId="count-buildings" />
          <Stat label={c.keyPersons} value={region.counts.keyPersons} tone="text-red-600" testId="count-key-persons" />
        </dl>
      </section>
      {buildings && <GridBuildings key={region.id} gridId={region.id} total={region.counts.buildings} first={buildings} />}
      {/* A basic grid has no areas below it: its panel lists buildings (above) instead of an empty "下级区域". */}
      {!(buildings && children.length === 0) && (
        <section>
          <h3 className="mb-2 flex items-baseline justify-between text-xs font-semibold tracking-wide text-slate-500">
            <span>{t.grid.children[region.level] || t.map.children}</span>
            {children.length > 0 && <span className="font-normal text-slate-400">{children.length}</span>}
          </h3>
          {children.length === 0 ? (
            <p className="rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-400">{t.grid.noChildren}</p>
          ) : (
            <ul
              className="divide-y divide-slate-100 overflow-hidden rounded-xl ring-1 ring-slate-200"
              data-testid="panel-children"
            >
              {children.map((child) => (
                <li key={child.id}>
                  <button
                    type="button"
                    onClick={() => onPickRegion({ id: child.id, level: child.level, bounds: child.bounds })}
                    className="flex w-full items-center gap-2 px-3 py-2 text-left hover:bg-sky-50 focus:bg-sky-50 focus:outline-none"
                    data-testid="panel-child"
                    data-id={child.id}
                  >
                    <span className={`shrink-0 rounded px-1 py-0.5 text-[10px] font-medium ${LEVEL_TONES[child.level]}`}>
                      {child.levelName}
                    </span>
                    <span className="min-w-0 flex-1 truncate text-sm text-slate-800">{child.name}</span>
                    <span className="shrink-0 text-xs text-slate-400 tabular-nums">
                      {child.counts.households.toLocaleString("zh-CN")}
                      {t.common.units.household}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}

function BuildingBody({
  data,
  headingRef,
  onPickRegion,
}: {
  data: BuildingPanelData;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  onPickRegion: Props["onPickRegion"];
}) {
  const { building, counts } = data;
  const m = t.map;
  const b = t.building;
  return (
    <div className="space-y-5 p-4" data-testid="building-panel" data-building-id={building.id}>
      <Breadcrumb crumbs={building.breadcrumb} onPickRegion={onPickRegion} />
      <div>
        <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-800">{building.typeName}</span>
        <h2
          ref={headingRef}
          tabIndex={-1}
          className="mt-1.5 text-xl font-bold text-slate-900 focus:outline-none"
          data-testid="panel-title"
        >
          {building.name}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{building.address}</p>
      </div>
      <dl className="grid grid-cols-3 gap-2 text-center">
        <div className="rounded-xl bg-slate-50 py-2 ring-1 ring-slate-100">
          <dt className="text-xs text-slate-500">{m.floors}</dt>
          <dd className="text-lg font-semibold">{building.floors}</dd>
        </div>
        <div className="rounded-xl bg-slate-50 py-2 ring-1 ring-slate-100">
          <dt className="text-xs text-slate-500">{m.entrances}</dt>
          <dd className="text-lg font-semibold">{building.entrances}</dd>
        </div>
        <div className="rounded-xl bg-slate-50 py-2 ring-1 ring-slate-100">
          <dt className="text-xs text-slate-500">{m.rooms}</dt>
          <dd className="text-lg font-semibold">{counts.rooms}</dd>
        </div>
      </dl>
      <dl className="grid grid-cols-2 gap-2" data-testid="panel-counts">
        <Stat label={b.counts.households} value={counts.households} testId="count-households" />
        <Stat label={b.counts.residents} value={counts.residents} testId="count-residents" />
        <Stat label={b.counts.floating} value={counts.floating} tone="text-orange-600" testId="count-floating" />
        <Stat label={b.counts.rented} value={counts.rented} tone="text-amber-700" testId="count-rented" />
        <Stat label={b.counts.special} value={counts.special} tone="text-violet-700" testId="count-special" />
        <Stat label={b.counts.keyPersons} value={counts.keyPersons} tone="text-red-600" testId="count-key-persons" />
      </dl>
      <Link
        href={`/buildings/${building.id}`}
        className="flex w-full items-center justify-center gap-2 rounded-xl bg-sky-600 px-4 py-2.5 text-sm font-semibold text-white shadow-sm hover:bg-sky-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:ring-offset-2"
        data-testid="open-floor-plan"
      >
        {m.viewFloorPlan} →
      </Link>
    </div>
  );
}

function PanelSkeleton() {
  return (
    <div className="animate-pulse space-y-4 p-4" aria-busy="true" aria-label={t.common.loading} data-testid="panel-loading">
      <div className="h-3 w-2/3 rounded bg-slate-200" />
      <div className="h-6 w-1/2 rounded bg-slate-200" />
      <div className="grid grid-cols-2 gap-2">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="h-16 rounded-xl bg-slate-100" />
        ))}
      </div>
      <div className="h-32 rounded-xl bg-slate-100" />
    </div>
  );
}
