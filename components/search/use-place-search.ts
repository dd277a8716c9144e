"use client";

import { useEffect, useState, type KeyboardEvent } from "react";
import { moveActive, scheduleSearch, shownSearch, type SearchResult, type SearchState } from "./place-search";

/**
 * The one type-ahead state: give it the URL to ask for what is typed (null: nothing to ask, the box is idle)
 * and how to read the answer's hits (a stable function). Debounced; a newer request aborts the older one, so
 * answers never arrive out of order. The highlighted option goes back to the first with every answer.
 */
export function usePlaceSearch<T>(url: string | null, select: (json: unknown) => T[]) {
  const [result, setResult] = useState<SearchResult<T> | null>(null);
  const [active, setActive] = useState(0);

  useEffect(() => {
    if (url === null) return;
    return scheduleSearch({
      url,
      select,
      onResult: (r) => {
        setResult(r);
        setActive(0);
      },
    });
  }, [url, select]);

  const state: SearchState<T> = shownSearch(url, result);
  const hits = state.status === "ready" ? state.hits : [];

  /** ↑/↓ move the highlight, Enter picks it; true when the key was one of them (the caller handles the rest). */
  const onListKey = (e: KeyboardEvent<HTMLInputElement>, pick: (hit: T) => void): boolean => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setActive((i) => moveActive(i, e.key === "ArrowDown" ? 1 : -1, hits.length));
      return true;
    }
    if (e.key === "Enter") {
      e.preventDefault();
      if (hits[active] !== undefined) pick(hits[active]);
      return true;
    }
    return false;
  };

  return { state, hits, active, setActive, onListKey };
}
