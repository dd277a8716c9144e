import { t } from "@/lib/i18n";

/** POST a JSON body to a route; the answer's Chinese error message when it refuses (409, 400 …). */
export async function postJson(
  url: string,
  body: unknown = {},
): Promise<{ ok: true; data: unknown } | { ok: false; message: string }> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(body),
    });
    const data = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    if (!response.ok) return { ok: false, message: data?.error?.message ?? t.errors.INTERNAL };
    return { ok: true, data };
  } catch {
    return { ok: false, message: t.errors.UNAVAILABLE };
  }
}
