import "server-only";
import { DomainError } from "@/lib/errors";
import { t } from "@/lib/i18n";

/** The request's JSON body as an object; anything else (no body, malformed JSON, an array) is VALIDATION. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const body: unknown = await request.json().catch(() => undefined);
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw new DomainError("VALIDATION", t.account.errors.invalidBody);
  return body as Record<string, unknown>;
}
