import { t } from "@/lib/i18n";

/**
 * Sends a JSON write (POST/PATCH) to a route and returns its JSON answer; a refusal becomes an Error
 * carrying the route's Chinese message, a network failure the generic one.
 */
export async function sendJson<T>(url: string, method: "POST" | "PATCH", body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { accept: "application/json", "content-type": "application/json" },
      body: JSON.stringify(body ?? {}),
    });
  } catch {
    throw new Error(t.account.errors.network);
  }
  const payload = (await response.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
  if (!response.ok) throw new Error(payload?.error?.message ?? t.errors.INTERNAL);
  return payload as T;
}
