import "server-only";
import { DomainError } from "@/lib/errors";
import { t } from "@/lib/i18n";
import { readCappedJson } from "@/lib/request-body";

/**
 * The request's JSON body as an object; anything else (no body, malformed JSON, `null`, an array) is
 * VALIDATION, and a body over 1 MB is TOO_LARGE (413) without being read whole.
 */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const body = await readCappedJson(request);
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw new DomainError("VALIDATION", t.account.errors.invalidBody);
  return body as Record<string, unknown>;
}
