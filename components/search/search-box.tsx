"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { t } from "@/lib/i18n";
import type { MapPlaceHit, PlaceHit } from "@/lib/search/search-places";
import { usePlaceSearch } from "./use-place-search";

const placeHits = (json: unknown) => (json as { hits: PlaceHit[] }).hits;

const LEVEL_BADGE = [
  "bg-slate-800 text-white",
  "bg-indigo-100 text-indigo-800",
  "bg-sky-100 text-sky-800",
  "bg-teal-100 text-teal-800",
  "bg-emerald-100 text-emerald-800",
];

const KIND_BADGE = {
  building: "bg-amber-100 text-amber-800",
  case: "bg-violet-100 text-violet-800",
  resident: "bg-rose-100 text-rose-800",
} as const;

/**
 * Search by name (prefix or fragment), code or building address, a case by its number (or its start), or a
 * resident by a full identity number or by name. A combobox: type, ↑/↓ to move, Enter to jump, Esc to close.
 * Debounced; stale answers are dropped. Places and cases go to `onPick` (the map flies there, a case opens
 * beside it); a resident opens the resident's page.
 */
export function SearchBox({ onPick }: { onPick: (hit: MapPlaceHit) => void }) {
  const router = useRouter();
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const q = query.trim();
  // an empty field shows nothing, whatever the last answer was
  const {
    state: shown,
    hits,
    active,
    setActive,
    onListKey,
  } = usePlaceSearch(q ? `/api/search?q=${encodeURIComponent(q)}&limit=12` : null, placeHits);

  // Clicking elsewhere closes the list.
  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      if (boxRef.current && !boxRef.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", onDown);
    return () => document.removeEventListener("mousedown", onDown);
  }, []);

  const pick = (hit: PlaceHit | undefined) => {
    if (!hit) return;
    setOpen(false);
    if (hit.kind === "resident") {
      // The full identity number does not stay on screen once its person is found.
      setQuery("");
      inputRef.current?.blur();
      router.push(`/residents/${hit.id}`);
      return;
    }
    setQuery(hit.kind === "building" ? (hit.detail ?? hit.name) : hit.kind === "case" ? hit.code : hit.name);
    onPick(hit);
    inputRef.current?.blur();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown") setOpen(true);
    if (onListKey(e, pick)) return;
    if (e.key === "Escape") {
      // Esc first closes the list; a second Esc leaves the field (and lets the page close its panel).
      if (open && query) {
        e.stopPropagation();
        setOpen(false);
      } else {
        inputRef.current?.blur();
      }
    }
  };

  const showList = open && query.trim().length > 0;

  return (
    <div ref={boxRef} className="relative w-full max-w-[480px]" data-testid="search">
      <label htmlFor={`${listId}-input`} className="sr-only">
        {t.search.label}
      </label>
      <div className="flex items-center rounded-lg bg-white/10 ring-1 ring-white/15 focus-within:bg-white focus-within:ring-2 focus-within:ring-sky-400">
        <svg viewBox="0 0 20 20" className="ml-3 h-4 w-4 shrink-0 text-slate-400" aria-hidden="true">
          <circle cx="8.5" cy="8.5" r="5.5" stroke="currentColor" strokeWidth="1.8" fill="none" />
          <path d="M13 13l4 4" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </svg>
        <input
          ref={inputRef}
          id={`${listId}-input`}
          type="search"
          role="combobox"
          aria-expanded={showList}
          aria-controls={`${listId}-list`}
          aria-activedescendant={showList && hits[active] ? `${listId}-opt-${active}` : undefined}
          aria-autocomplete="list"
          autoComplete="off"
          spellCheck={false}
          value={query}
          placeholder={t.search.placeholder}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onKeyDown={onKeyDown}
          className="h-9 w-full bg-transparent px-2.5 text-sm text-white placeholder:text-slate-400 focus:text-slate-900 focus:outline-none"
          data-testid="search-input"
        />
      </div>
      {showList && (
        <div
          className="absolute inset-x-0 top-full mt-1.5 overflow-hidden rounded-xl bg-white text-slate-900 shadow-2xl ring-1 ring-slate-200"
          data-testid="search-results"
        >
          {shown.status === "loading" && <p className="px-4 py-3 text-sm text-slate-500">{t.search.searching}</p>}
          {shown.status === "error" && (
            <p className="px-4 py-3 text-sm text-red-600" role="alert">
              {shown.message}
            </p>
          )}
          {shown.status === "ready" && hits.length === 0 && (
            <p className="px-4 py-3 text-sm text-slate-500" data-testid="search-empty">
              {t.search.noResults}
            </p>
          )}
          {hits.length > 0 && (
            <ul id={`${listId}-list`} role="listbox" className="max-h-[60vh] overflow-y-auto py-1" aria-label={t.search.label}>
              {hits.map((hit, i) => (
                <li
                  key={`${hit.kind}-${hit.id}`}
                  id={`${listId}-opt-${i}`}
                  role="option"
                  aria-selected={i === active}
                  data-testid="search-result"
                  data-kind={hit.kind}
                  data-id={hit.id}
                  onMouseEnter={() => setActive(i)}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => pick(hit)}
                  className={`flex cursor-pointer items-center gap-3 px-4 py-2 ${i === active ? "bg-sky-50" : ""}`}
                >
                  <span
                    className={`shrink-0 rounded px-1.5 py-0.5 text-[11px] font-medium ${hit.kind === "region" ? LEVEL_BADGE[hit.level] : KIND_BADGE[hit.kind]}`}
                    data-testid="search-badge"
                  >
                    {hit.badge}
                  </span>
                  <span className="min-w-0 flex-1">
                    <span className="block truncate text-sm font-medium">{hit.name}</span>
                    <span className="block truncate text-xs text-slate-500">
                      {hit.kind === "region" ? [hit.detail, hit.code].filter(Boolean).join(" · ") : hit.detail}
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          )}
          <p className="border-t border-slate-100 bg-slate-50 px-4 py-1.5 text-[11px] text-slate-400">{t.search.hint}</p>
        </div>
      )}
    </div>
  );
}
