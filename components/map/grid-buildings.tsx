"use client";

import Link from "next/link";
import { useState } from "react";
import type { GridBuildingPage } from "@/lib/building/dto";
import { t } from "@/lib/i18n";
import { fetchJson } from "../ui/fetch-json";

/**
 * A basic grid's buildings in the map panel (楼进格): name, address, floors and rooms, each opening its 楼盘表;
 * the first page comes with the grid, "显示更多楼栋" fetches the next (keyset after the last one shown).
 */
export function GridBuildings({ gridId, total, first }: { gridId: number; total: number; first: GridBuildingPage }) {
  const [pages, setPages] = useState<GridBuildingPage[]>([first]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const text = t.grid.gridBuildings;
  const buildings = pages.flatMap((p) => p.buildings);
  const nextAfter = pages[pages.length - 1].nextAfter;

  const loadMore = () => {
    if (nextAfter === null) return;
    setLoading(true);
    setError(null);
    fetchJson<GridBuildingPage>(`/api/regions/${gridId}/buildings?after=${nextAfter}`)
      .then((page) => setPages((all) => [...all, page]))
      .catch((e: Error) => setError(e.message))
      .finally(() => setLoading(false));
  };

  return (
    <section data-testid="grid-buildings">
      <h3 className="mb-2 flex items-baseline justify-between text-xs font-semibold tracking-wide text-slate-500">
        <span>{text.title}</span>
        {total > 0 && <span className="font-normal text-slate-400">{total}</span>}
      </h3>
      {buildings.length === 0 ? (
        <p className="rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-400" data-testid="grid-buildings-empty">
          {text.empty}
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 overflow-hidden rounded-xl ring-1 ring-slate-200">
          {buildings.map((b) => (
            <li key={b.id}>
              <Link
                href={`/buildings/${b.id}`}
                className="flex w-full items-center gap-2 px-3 py-2 text-left hover:bg-sky-50 focus:bg-sky-50 focus:outline-none"
                data-testid="grid-building"
                data-id={b.id}
              >
                <span className="min-w-0 flex-1">
                  <span className="block truncate text-sm text-slate-800">{b.name}</span>
                  <span className="block truncate text-xs text-slate-500">{b.address}</span>
                </span>
                <span className="shrink-0 text-xs text-slate-400 tabular-nums">{text.facts(b.floors, b.rooms)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="mt-2 text-xs text-red-600" role="alert">
          {error}
        </p>
      )}
      {nextAfter !== null && (
        <button
          type="button"
          onClick={loadMore}
          disabled={loading}
          className="mt-2 w-full rounded-lg px-3 py-1.5 text-sm text-sky-700 ring-1 ring-slate-200 hover:bg-sky-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 disabled:cursor-wait disabled:opacity-60"
          data-testid="grid-buildings-more"
        >
          {loading ? text.loadingMore : text.more}
        </button>
      )}
    </section>
  );
}
