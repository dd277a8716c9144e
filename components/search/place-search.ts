import { t } from "@/lib/i18n";
import { fetchJson } from "../ui/fetch-json";

/**
 * The logic behind every type-ahead box (the top bar's place search, the export page's region picker, the
 * account region picker), kept apart from React so it is tested directly: wait until typing rests, ask once,
 * drop an answer the user has typed past, and move the highlighted option with the arrow keys.
 */

/** How long typing must rest before the server is asked. */
export const SEARCH_DEBOUNCE_MS = 180;

export type SearchState<T> =
  { status: "idle" } | { status: "loading" } | { status: "ready"; hits: T[] } | { status: "error"; message: string };

/** An answer, with the request it answers: a different request shown meanwhile means it is stale. */
export type SearchResult<T> = { url: string; state: SearchState<T> };

/** What the box shows for the current request (null: nothing to ask): the answer if it is for it, else loading. */
export function shownSearch<T>(url: string | null, result: SearchResult<T> | null): SearchState<T> {
  if (url === null) return { status: "idle" };
  return result?.url === url ? result.state : { status: "loading" };
}

/**
 * Asks `url` once typing has rested `delayMs`; the answer (hits picked by `select`, or the error's Chinese
 * message) goes to `onResult` unless cancelled first. Returns the cancel: it stops the wait or aborts the request.
 */
export function scheduleSearch<T>(args: {
  url: string;
  select: (json: unknown) => T[];
  onResult: (result: SearchResult<T>) => void;
  delayMs?: number;
  fetchJsonImpl?: (url: string, signal: AbortSignal) => Promise<unknown>;
}): () => void {
  const { url, select, onResult, delayMs = SEARCH_DEBOUNCE_MS, fetchJsonImpl = fetchJson } = args;
  const controller = new AbortController();
  const timer = setTimeout(() => {
    fetchJsonImpl(url, controller.signal)
      .then((json) => {
        if (!controller.signal.aborted) onResult({ url, state: { status: "ready", hits: select(json) } });
      })
      .catch((e: Error) => {
        if (!controller.signal.aborted) onResult({ url, state: { status: "error", message: e.message || t.search.failed } });
      });
  }, delayMs);
  return () => {
    clearTimeout(timer);
    controller.abort();
  };
}

/** The option highlighted after ↑ (-1) or ↓ (+1): round the list, 0 when it is empty. */
export function moveActive(index: number, delta: 1 | -1, length: number): number {
  return length ? (index + delta + length) % length : 0;
}
