"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent, type MouseEvent } from "react";
import { filenameFromDisposition } from "@/lib/format/content-disposition";
import { t } from "@/lib/i18n";
import type { PlaceHit } from "@/lib/search/search-places";
import { usePlaceSearch } from "../search/use-place-search";

export type RegionChoice = { id: number; name: string; levelName: string; detail?: string | null };

type Kind = "residents" | "stats";

type Props = {
  canResidents: boolean;
  canUnmasked: boolean;
  canStats: boolean;
  /** The caller's own areas, offered as one-click choices. */
  myRegions: RegionChoice[];
};

type Download =
  | { status: "idle" }
  | { status: "busy" }
  | { status: "done"; rows: number; unmasked: boolean }
  | { status: "error"; message: string };

const text = t.resident.exportPage;

/**
 * The export form: an area (type-ahead over the caller's regions), what to export, and for an unmasked
 * resident list a reason. The download is a normal link to the export route; with scripts on, the file
 * is fetched first so a refusal shows as a Chinese message instead of a JSON page.
 */
export function ExportPanel({ canResidents, canUnmasked, canStats, myRegions }: Props) {
  const [region, setRegion] = useState<RegionChoice | null>(myRegions.length === 1 ? myRegions[0] : null);
  const [kind, setKind] = useState<Kind>(canResidents ? "residents" : "stats");
  const [unmasked, setUnmasked] = useState(false);
  const [reason, setReason] = useState("");
  const [download, setDownload] = useState<Download>({ status: "idle" });
  const reasonId = useId();

  const reasonOk = reason.trim().length >= 4 && reason.trim().length <= 200;
  const needsReason = kind === "residents" && unmasked;
  let href: string | null = null;
  if (region) {
    if (kind === "stats") href = `/api/exports/regions?region=${region.id}`;
    else if (!needsReason) href = `/api/exports/residents?region=${region.id}`;
    else if (reasonOk) href = `/api/exports/residents?region=${region.id}&unmasked=1&reason=${encodeURIComponent(reason.trim())}`;
  }
  const blocker = !region ? text.pickRegionFirst : needsReason && !reasonOk ? text.reasonFirst : null;

  const onDownload = async (e: MouseEvent<HTMLAnchorElement>) => {
    if (!href) return;
    e.preventDefault();
    setDownload({ status: "busy" });
    try {
      const response = await fetch(href, { headers: { accept: "text/csv" } });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? text.failed);
      }
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = filenameFromDisposition(response.headers.get("content-disposition")) ?? "export.csv";
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setDownload({ status: "done", rows: Number(response.headers.get("x-row-count") ?? 0), unmasked: needsReason });
    } catch (err) {
      setDownload({
        status: "error",
        message: err instanceof TypeError ? t.errors.UNAVAILABLE : (err as Error).message || text.failed,
      });
    }
  };

  return (
    <div className="max-w-3xl space-y-5" data-testid="export-panel">
      {!canResidents && (
        <p className="rounded-lg bg-sky-50 px-4 py-3 text-sm text-sky-800 ring-1 ring-sky-200">{text.onlyStats}</p>
      )}

      <fieldset className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <legend className="px-1 text-sm font-semibold text-slate-800">{text.region}</legend>
        {region ? (
          <div className="flex flex-wrap items-center gap-3" data-testid="export-region-chosen">
            <span className="text-sm text-slate-500">{text.chosen}</span>
            <span
              className="rounded bg-sky-50 px-2 py-1 text-sm font-medium text-sky-800 ring-1 ring-sky-200"
              data-region-id={region.id}
            >
              {region.name}
              <span className="ml-1.5 text-xs font-normal text-sky-600">{region.levelName}</span>
            </span>
            <button
              type="button"
              onClick={() => {
                setRegion(null);
                setDownload({ status: "idle" });
              }}
              className="rounded px-2 py-1 text-xs text-sky-700 ring-1 ring-sky-200 hover:bg-sky-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
              data-testid="export-region-change"
            >
              {text.change}
            </button>
          </div>
        ) : (
          <RegionPicker
            myRegions={myRegions}
            onPick={(r) => {
              setRegion(r);
              setDownload({ status: "idle" });
            }}
          />
        )}
      </fieldset>

      <fieldset className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <legend className="px-1 text-sm font-semibold text-slate-800">{text.kind}</legend>
        <div className="space-y-3">
          {canResidents && (
            <label className="flex cursor-pointer gap-3 rounded-lg p-2 hover:bg-slate-50">
              <input
                type="radio"
                name="kind"
                value="residents"
                checked={kind === "residents"}
                onChange={() => setKind("residents")}
                className="mt-1 accent-sky-600"
                data-testid="export-kind-residents"
              />
              <span>
                <span className="block text-sm font-medium text-slate-900">{text.residents}</span>
                <span className="block text-xs text-slate-500">{text.residentsHint}</span>
              </span>
            </label>
          )}
          {canStats && (
            <label className="flex cursor-pointer gap-3 rounded-lg p-2 hover:bg-slate-50">
              <input
                type="radio"
                name="kind"
                value="stats"
                checked={kind === "stats"}
                onChange={() => setKind("stats")}
                className="mt-1 accent-sky-600"
                data-testid="export-kind-stats"
              />
              <span>
                <span className="block text-sm font-medium text-slate-900">{text.stats}</span>
                <span className="block text-xs text-slate-500">{text.statsHint}</span>
              </span>
            </label>
          )}
        </div>
        {kind === "residents" && canUnmasked && (
          <div className="mt-4 rounded-lg bg-amber-50 p-4 ring-1 ring-amber-200">
            <label className="flex cursor-pointer items-start gap-3">
              <input
                type="checkbox"
                checked={unmasked}
                onChange={(e) => setUnmasked(e.target.checked)}
                className="mt-1 accent-amber-600"
                data-testid="export-unmasked"
              />
              <span>
                <span className="block text-sm font-medium text-amber-900">{text.unmasked}</span>
                <span className="block text-xs text-amber-800">{text.unmaskedHint}</span>
              </span>
            </label>
            {unmasked && (
              <div className="mt-3">
                <label htmlFor={reasonId} className="block text-xs font-medium text-amber-900">
                  {text.reason}
                  <span className="text-rose-600"> *</span>
                </label>
                <textarea
                  id={reasonId}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  maxLength={200}
                  rows={2}
                  required
                  placeholder={text.reasonPlaceholder}
                  className="mt-1 w-full resize-none rounded-lg border border-amber-300 bg-white px-3 py-2 text-sm text-slate-900 focus:border-sky-500 focus:ring-2 focus:ring-sky-200 focus:outline-none"
                  data-testid="export-reason"
                />
              </div>
            )}
          </div>
        )}
      </fieldset>

      <div className="flex flex-wrap items-center gap-4">
        {href ? (
          <a
            href={href}
            onClick={onDownload}
            aria-disabled={download.status === "busy"}
            className={`inline-flex rounded-lg px-4 py-2 text-sm font-medium text-white focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:ring-offset-2 ${download.status === "busy" ? "pointer-events-none bg-sky-400" : "bg-sky-600 hover:bg-sky-700"}`}
            data-testid="export-download"
          >
            {download.status === "busy" ? text.downloading : text.download}
          </a>
        ) : (
          <button
            type="button"
            disabled
            className="cursor-not-allowed rounded-lg bg-slate-300 px-4 py-2 text-sm font-medium text-white"
            data-testid="export-download-disabled"
          >
            {text.download}
          </button>
        )}
        {blocker && <span className="text-xs text-slate-500">{blocker}</span>}
      </div>
      <div aria-live="polite">
        {download.status === "done" && (
          <p
            className="rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-800 ring-1 ring-emerald-200"
            data-testid="export-done"
          >
            {text.done(download.rows)}
            {download.unmasked && <span className="mt-1 block text-xs text-emerald-700">{text.unmaskedLogged}</span>}
          </p>
        )}
        {download.status === "error" && (
          <p
            className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-700 ring-1 ring-red-200"
            role="alert"
            data-testid="export-error"
          >
            {download.message}
          </p>
        )}
      </div>
    </div>
  );
}

/** The regions among the place search's hits (buildings are not export areas). */
const regionHits = (json: unknown): RegionChoice[] =>
  (json as { hits: PlaceHit[] }).hits.flatMap((h) =>
    h.kind === "region" ? [{ id: h.id, name: h.name, levelName: h.badge, detail: h.detail }] : [],
  );

/** Type-ahead over the regions the caller can see (the place search, regions only, never residents). */
function RegionPicker({ myRegions, onPick }: { myRegions: RegionChoice[]; onPick: (r: RegionChoice) => void }) {
  const [query, setQuery] = useState("");
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const q = query.trim();
  const {
    state: shown,
    hits,
    active,
    setActive,
    onListKey,
  } = usePlaceSearch(q ? `/api/search?q=${encodeURIComponent(q)}&limit=20&kinds=places` : null, regionHits);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (!onListKey(e, onPick) && e.key === "Escape") setQuery("");
  };

  return (
    <div>
      {myRegions.length > 0 && (
        <div className="mb-3 flex flex-wrap items-center gap-2">
          <span className="text-xs text-slate-500">{text.myRegions}</span>
          {myRegions.map((r) => (
            <button
              key={r.id}
              type="button"
              onClick={() => onPick(r)}
              className="rounded-full bg-white px-3 py-1 text-xs text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
              data-testid="export-my-region"
            >
              {r.name} <span className="text-slate-400">{r.levelName}</span>
            </button>
          ))}
        </div>
      )}
      <label htmlFor={`${listId}-input`} className="sr-only">
        {text.region}
      </label>
      <input
        ref={inputRef}
        id={`${listId}-input`}
        type="search"
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls={`${listId}-list`}
        aria-activedescendant={hits[active] ? `${listId}-opt-${active}` : undefined}
        aria-autocomplete="list"
        autoComplete="off"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
        }}
        onKeyDown={onKeyDown}
        placeholder={text.regionPlaceholder}
        className="h-9 w-full rounded-lg border border-slate-300 px-3 text-sm text-slate-900 focus:border-sky-500 focus:ring-2 focus:ring-sky-200 focus:outline-none"
        data-testid="export-region-input"
      />
      <p className="mt-1 text-[11px] text-slate-400">{text.regionHint}</p>
      {shown.status === "loading" && <p className="mt-2 text-sm text-slate-500">{text.searching}</p>}
      {shown.status === "error" && (
        <p className="mt-2 text-sm text-red-600" role="alert">
          {shown.message}
        </p>
      )}
      {shown.status === "ready" && hits.length === 0 && <p className="mt-2 text-sm text-slate-500">{text.noRegions}</p>}
      {hits.length > 0 && (
        <ul
          id={`${listId}-list`}
          role="listbox"
          aria-label={text.region}
          className="mt-2 max-h-72 overflow-y-auto rounded-lg ring-1 ring-slate-200"
          data-testid="export-region-results"
        >
          {hits.map((h, i) => (
            <li
              key={h.id}
              id={`${listId}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseEnter={() => setActive(i)}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onPick(h)}
              className={`flex cursor-pointer items-center gap-3 px-3 py-2 text-sm ${i === active ? "bg-sky-50" : ""}`}
              data-testid="export-region-option"
            >
              <span className="shrink-0 rounded bg-slate-100 px-1.5 py-0.5 text-[11px] text-slate-600">{h.levelName}</span>
              <span className="font-medium text-slate-900">{h.name}</span>
              {h.detail && <span className="truncate text-xs text-slate-400">{h.detail}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
