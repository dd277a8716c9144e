import { t } from "@/lib/i18n";

/**
 * GET a JSON route and surface its Chinese error message (the HTTP mapper's `error.message`);
 * a network failure gets the generic "unavailable" text.
 */
export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { accept: "application/json" } });
  } catch (e) {
    if ((e as Error).name === "AbortError") throw e;
    throw new Error(t.errors.UNAVAILABLE);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? t.errors.INTERNAL);
  }
  return (await response.json()) as T;
}
