"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import type { AttendancePointDto } from "@/lib/attendance/points/point-dto";
import type { Bounds } from "@/lib/grid/dto";
import { t } from "@/lib/i18n";
import { MapEngine, type MapEngineHandle } from "../map/map-engine";
import { ZoomControls } from "../map/zoom-controls";
import { buttonClass } from "../ui/button";
import { filterControlClass } from "../ui/field";

const text = t.attendancePoints;

export type PointFilters = { q: string; region: string; shape: string; status: string; before: string };

/**
 * The attendance points list (filters in the URL, keyset pages) beside the map with the fence tile layer: a row
 * shows its fence on the map, a fence on the map opens its editor. After a save (?saved=id) the saved fence is
 * shown and ringed.
 */
export function PointsBrowser({
  districtBounds,
  items,
  next,
  filters,
  savedId,
}: {
  districtBounds: Bounds;
  items: AttendancePointDto[];
  next: number | null;
  filters: PointFilters;
  savedId: number | null;
}) {
  const router = useRouter();
  const engine = useRef<MapEngineHandle>(null);
  const [selected, setSelected] = useState<number | null>(savedId);
  const byId = useMemo(() => new Map(items.map((p) => [p.id, p])), [items]);

  const show = (p: AttendancePointDto) => {
    setSelected(p.id);
    const w = Math.max(p.bbox[2] - p.bbox[0], 0.001);
    const h = Math.max(p.bbox[3] - p.bbox[1], 0.001);
    engine.current?.fitBounds([p.bbox[0] - w, p.bbox[1] - h, p.bbox[2] + w, p.bbox[3] + h], { rightInset: 0, maxZoom: 18 });
  };

  // Arriving from a save: the saved fence is the one to look at.
  useEffect(() => {
    const saved = savedId !== null ? byId.get(savedId) : undefined;
    if (!saved) return;
    const frame = requestAnimationFrame(() => show(saved));
    return () => cancelAnimationFrame(frame);
    // once per arrival
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [savedId]);

  const fences = useMemo(
    () => ({ visible: true, includeInactive: filters.status !== "active", selectedId: selected }),
    [filters.status, selected],
  );
  const query = (extra: Record<string, string>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filters, ...extra })) if (v) p.set(k, v);
    return `/attendance/points?${p.toString()}`;
  };

  return (
    <div className="flex min-h-0 flex-1" data-testid="points-page">
      <aside className="flex w-[420px] shrink-0 flex-col border-r border-slate-200 bg-white">
        <div className="border-b border-slate-100 p-4">
          <div className="flex items-baseline justify-between gap-3">
            <h1 className="text-lg font-semibold text-slate-900">{text.list.title}</h1>
            <div className="flex items-center gap-3 text-sm">
              <Link href="/attendance/rules" className="text-sky-700 hover:underline">
                {text.list.rulesLink}
              </Link>
              <Link href="/attendance/points/new" className={buttonClass("primary", "px-3 py-1.5")} data-testid="point-new">
                {text.list.create}
              </Link>
            </div>
          </div>
          <p className="mt-1 text-xs text-slate-500">{text.list.intro}</p>
          {savedId !== null && (
            <p
              className="mt-2 rounded-md bg-emerald-50 px-3 py-1.5 text-sm text-emerald-800 ring-1 ring-emerald-200"
              role="status"
              data-testid="point-saved"
            >
              {text.editor.saved}
            </p>
          )}
          <form
            method="get"
            action="/attendance/points"
            className="mt-3 flex flex-wrap items-center gap-2"
            data-testid="point-filters"
          >
            <input
              name="q"
              defaultValue={filters.q}
              placeholder={text.list.searchPlaceholder}
              aria-label={text.list.search}
              className={`${filterControlClass} w-36`}
            />
            <select name="shape" defaultValue={filters.shape} aria-label={text.list.shape} className={filterControlClass}>
              <option value="">{text.list.anyShape}</option>
              <option value="polygon">{text.shapes.polygon}</option>
              <option value="circle">{text.shapes.circle}</option>
            </select>
            <select name="status" defaultValue={filters.status} aria-label={text.list.status} className={filterControlClass}>
              {(["active", "inactive", "all"] as const).map((s) => (
                <option key={s} value={s}>
                  {text.list.statuses[s]}
                </option>
              ))}
            </select>
            {filters.region && <input type="hidden" name="region" value={filters.region} />}
            <button type="submit" className={buttonClass("filter")}>
              {text.list.apply}
            </button>
          </form>
        </div>
        <ul className="min-h-0 flex-1 divide-y divide-slate-100 overflow-y-auto" data-testid="point-list">
          {items.length === 0 && <li className="p-6 text-center text-sm text-slate-500">{text.list.empty}</li>}
          {items.map((p) => (
            <li key={p.id} data-testid="point-row" data-id={p.id} className={selected === p.id ? "bg-sky-50" : ""}>
              <div className="flex items-start justify-between gap-3 px-4 py-3">
                <button type="button" className="min-w-0 flex-1 text-left" onClick={() => show(p)}>
                  <div className="flex items-center gap-2">
                    <span className="truncate font-medium text-slate-900">{p.name}</span>
                    <span className="shrink-0 rounded bg-slate-100 px-1.5 py-0.5 text-[11px] text-slate-600">
                      {text.shapes[p.shape]}
                    </span>
                    {!p.active && (
                      <span className="shrink-0 rounded bg-slate-200 px-1.5 py-0.5 text-[11px] text-slate-600">
                        {text.list.inactive}
                      </span>
                    )}
                  </div>
                  <div className="mt-0.5 text-xs text-slate-500">
                    {p.regionName} ·{" "}
                    {p.shape === "circle" && p.radiusM ? text.list.radius(p.radiusM) : text.list.vertices(p.vertices)} ·{" "}
                    {text.list.area(p.areaM2)}
                  </div>
                  <div className="mt-0.5 text-xs text-slate-400">
                    {text.list.members(p.staffCount, p.departmentCount)} · {p.updatedAt}
                  </div>
                </button>
                <Link
                  href={`/attendance/points/${p.id}`}
                  className="shrink-0 text-sm text-sky-700 hover:underline"
                  data-testid="point-open"
                >
                  {text.list.open}
                </Link>
              </div>
            </li>
          ))}
        </ul>
        {(next !== null || filters.before) && (
          <div className="flex justify-between border-t border-slate-100 px-4 py-2 text-sm">
            {filters.before ? (
              <Link href={query({ before: "" })} className="text-sky-700 hover:underline">
                {text.list.first}
              </Link>
            ) : (
              <span />
            )}
            {next !== null && (
              <Link href={query({ before: String(next) })} className="text-sky-700 hover:underline" data-testid="point-next">
                {text.list.more}
              </Link>
            )}
          </div>
        )}
      </aside>
      <main className="relative min-h-0 flex-1 overflow-hidden bg-[#f4f5f2]" data-testid="points-map">
        <MapEngine
          ref={engine}
          initialBounds={districtBounds}
          selection={null}
          rightInset={0}
          onSelect={() => {}}
          onZoom={() => {}}
          fences={fences}
          selectRegions={false}
          onFenceClick={(id) => router.push(`/attendance/points/${id}`)}
        />
        <div className="pointer-events-none absolute top-3 left-3 z-10">
          <ZoomControls
            onZoomIn={() => engine.current?.zoomBy(1)}
            onZoomOut={() => engine.current?.zoomBy(-1)}
            onReset={() => engine.current?.fitBounds(districtBounds, { rightInset: 0 })}
          />
        </div>
      </main>
    </div>
  );
}
