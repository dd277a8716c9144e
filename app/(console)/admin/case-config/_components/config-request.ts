import { t } from "@/lib/i18n";

/** A refusal of a configuration route: its Chinese message (field messages first) and its code. */
export class ConfigRequestError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/**
 * Sends one configuration write (POST/PATCH/DELETE with a JSON body). A refusal becomes a
 * ConfigRequestError whose message is the field messages of a validation error (the specific reason)
 * or the route's own message (conflict, not found); a network failure the generic text.
 */
export async function configRequest<T>(url: string, method: "POST" | "PATCH" | "DELETE", body: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { accept: "application/json", "content-type": "application/json" },
      body: JSON.stringify(body ?? {}),
    });
  } catch {
    throw new ConfigRequestError(t.errors.UNAVAILABLE, "UNAVAILABLE");
  }
  const payload = (await response.json().catch(() => null)) as
    (T & { error?: { code?: string; message?: string; details?: Record<string, string> } }) | null;
  if (!response.ok) {
    const error = payload?.error;
    const details = error?.code === "VALIDATION" ? Object.values(error.details ?? {}).filter(Boolean) : [];
    throw new ConfigRequestError(
      details.length ? [...new Set(details)].join("；") : (error?.message ?? t.errors.INTERNAL),
      error?.code ?? "INTERNAL",
    );
  }
  return payload as T;
}
